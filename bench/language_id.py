"""Language identification: today's stop-word share against py3langid, on English and non-English text.

English: every Multi-News validation article (../shared/eval, read in place) and the bundled
example. Non-English: tests/data/language/*.txt (paragraphs written for the project in six
languages). Each text is also cut to its first 8, 15 and 30 words, since short items (feed
descriptions, captions, stubs) are where a rule breaks. Reports, per length, the share of
English texts kept and of non-English texts rejected, and the time per call.

    PYTHONPATH=src .venv/bin/python bench/language_id.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsfuse.clean.language import _WORD, check_english, identify  # noqa: E402

MULTINEWS = REPO.parent / "shared" / "eval" / "summ-multinews-val" / "clusters.jsonl"
LENGTHS = (8, 15, 30, None)
_WORDS = re.compile(r"\S+")


def english_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples" / "in-amenas").glob("*.txt"))]
    if MULTINEWS.is_file():
        for line in MULTINEWS.open(encoding="utf-8"):
            texts += [a["text"] for a in json.loads(line)["articles"] if len(a["text"].split()) >= 40]
    else:
        print(f"note: {MULTINEWS} absent; English side is the bundled example only")
    return texts


def foreign_texts() -> list[str]:
    out = []
    for path in sorted((REPO / "tests" / "data" / "language").glob("*.txt")):
        out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return out


def cut(text: str, n: int | None) -> str:
    return text if n is None else " ".join(_WORDS.findall(text)[:n])


#: The rule newsfuse used before py3langid: English news has 35-50% of its words in spaCy's
#: English stop-word list, French/German/Spanish news 3-12%.
MIN_ENGLISH_STOPWORD_SHARE = 0.20


def stopword_rule(text: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.lower() for w in _WORD.findall(text)]
    return bool(words) and sum(w in STOP_WORDS for w in words) / len(words) >= MIN_ENGLISH_STOPWORD_SHARE


def langid_rule(text: str) -> bool:
    return identify(text) == "en"


def main() -> None:
    english, foreign = english_texts(), foreign_texts()
    print(f"{len(english)} English texts, {len(foreign)} non-English paragraphs")
    rules = {"stop-word share": stopword_rule, "py3langid": langid_rule, "newsfuse (check_english)":
             lambda t: check_english(t).english}
    print(f"{'rule':26} {'words':>5} {'English kept':>13} {'other rejected':>15} {'ms/call':>8}")
    for name, rule in rules.items():
        for n in LENGTHS:
            started = time.perf_counter()
            kept = sum(rule(cut(t, n)) for t in english)
            rejected = sum(not rule(cut(t, n)) for t in foreign)
            ms = (time.perf_counter() - started) * 1000 / (len(english) + len(foreign))
            print(f"{name:26} {str(n or 'all'):>5} {kept / len(english):13.3f} {rejected / len(foreign):15.3f} {ms:8.2f}")


if __name__ == "__main__":
    main()
