"""Number words: today's table (words.py + figures.numbers) against text2num and number-parser.

Issue 13 asks for a library only where it reads number words at least as well as the current
code. Two measurements:

1. **Labels**: every labelled claim whose number is (or holds) a word -- the figures labels of
   the bundled stories (tests/data/labels/claims-*.json) and of the multi-genre set
   (tests/data/labels/multigenre/figures/*.toml, both halves: nothing is tuned here). Each reader
   gets the labelled number phrase alone ("two dozen", "hundreds", "11m"); the current code also
   reads it in its sentence (the claims labels keep a snippet), as the pipeline does. Right means
   the labelled value, or for a vague amount its labelled low and high.
2. **Corpus words**: every run of number words in the bundled stories and the Multi-News
   validation articles (../shared, read in place), e.g. "two hundred", "a dozen", "forty-five",
   "one hundred and twenty", "5 million". No labels: it counts how often each library agrees with the current
   reading and lists the phrases where they differ, most frequent first, for reading by hand.

    PYTHONPATH=src .venv/bin/python bench/number_words.py

Needs the optional libraries (``pip install text2num number-parser``); a missing one is skipped.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsfuse.config import Settings  # noqa: E402
from newsfuse.figures.numbers import find_quantities  # noqa: E402
from newsfuse.nlp.load import load_nlp  # noqa: E402
from newsfuse.words import CARDINALS, GLUED_SCALES, SCALES  # noqa: E402

LABELS = REPO / "tests" / "data" / "labels"
MULTINEWS = REPO.parent / "shared" / "eval" / "summ-multinews-val" / "clusters.jsonl"
DEEPWATER = REPO.parent / "shared" / "corpus" / "deepwater-horizon"
Reading = float | tuple[float, float] | None

_WORD = "|".join(sorted(list(CARDINALS) + [w for w in SCALES if w not in GLUED_SCALES], key=len, reverse=True))
#: A run of number words, with the digits before a scale: "two hundred", "forty-five", "a dozen", "5 million".
_RUN = re.compile(rf"(?:\b(?:a|an) |(?<![\d.,])\d+(?:\.\d+)? )?\b(?:{_WORD})(?:(?:[ -]|,? and )(?:{_WORD}))*\b", re.IGNORECASE)


def ours(nlp, text: str, at: int = 0) -> Reading:
    """The current reading of the amount starting at character ``at`` of ``text`` (spaCy parse + table)."""
    doc = nlp(text)
    for q in find_quantities(doc):
        if doc[q.start].idx <= at < doc[q.end - 1].idx + len(doc[q.end - 1].text):
            return q.value if q.value is not None else (q.low, q.high) if q.low is not None else None
    return None


def library_reader(module: str, function: str, *args: str) -> Callable[[str], Reading] | None:
    """``module.function(phrase, *args)`` as a reader (None where it cannot read the phrase); None if not installed."""
    try:
        parse = getattr(importlib.import_module(module), function)
    except ImportError:
        return None

    def read(phrase: str) -> Reading:
        try:
            value = parse(phrase.lower(), *args)
        except ValueError:  # text2num: not a number
            return None
        return float(value) if value is not None else None

    return read


def labelled() -> list[tuple[str, Reading, str | None]]:
    """(number phrase, labelled reading, sentence snippet or None) for every word-bearing label."""
    out = []
    for path in sorted(LABELS.glob("claims-*.json")):
        for claim in json.loads(path.read_text(encoding="utf-8"))["claims"]:
            if _has_word(claim["number"]):
                out.append((claim["number"], _expected(claim), claim["snippet"]))
    for path in sorted((LABELS / "multigenre" / "figures").glob("*.toml")):
        for claim in tomllib.loads(path.read_text(encoding="utf-8")).get("claim", []):
            if _has_word(claim["number"]):
                out.append((claim["number"], _expected(claim), None))
    return out


def _has_word(number: str) -> bool:
    """A number word, a scale or a vague word in it ("two", "11m", "hundreds"); not a digit range ("5 to 7")."""
    return any(w not in ("to", "or", "and") for w in re.findall(r"[A-Za-z]+", number.lower()))


def _expected(claim: dict) -> Reading:
    if claim.get("value") is not None:
        return float(claim["value"])
    return (float(claim["low"]), float(claim["high"]))


def _same(got: Reading, want: Reading) -> bool:
    if got is None or want is None:
        return got is want
    if isinstance(want, tuple) or isinstance(got, tuple):
        return isinstance(want, tuple) and isinstance(got, tuple) and all(abs(a - b) < 1e-6 for a, b in zip(got, want, strict=True))
    return abs(got - want) < 1e-6 * max(1.0, abs(want))


def corpus_texts() -> list[str]:
    paths = sorted((REPO / "examples" / "in-amenas").glob("*.txt"))
    paths += sorted(DEEPWATER.glob("*.txt")) if DEEPWATER.is_dir() else []
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if MULTINEWS.is_file():
        for line in MULTINEWS.open(encoding="utf-8"):
            texts += [a["text"] for a in json.loads(line)["articles"] if a.get("text")]
    else:
        print(f"note: {MULTINEWS} absent; corpus words come from the bundled stories only")
    return texts


def _kind(phrase: str) -> str:
    """The shape of a phrase the readers disagree on, to read the disagreements by kind."""
    if re.match(r"\d", phrase):
        return "digits + scale ('5 million')"
    if re.match(r"(?:a|an) ", phrase):
        return "article + word ('a dozen')"
    if " and " in phrase:
        return "'and' inside ('one hundred and twenty')"
    if "-" in phrase:
        return "hyphenated ('twenty-one')"
    if phrase in SCALES:
        return "bare scale word ('billion')"
    return "other"


def main() -> None:
    nlp = load_nlp(Settings().model)
    readers = {"current (phrase)": lambda p: ours(nlp, p)}
    libraries = (("text2num", ("text_to_num", "text2num", "en")), ("number-parser", ("number_parser", "parse_number")))
    for name, spec in libraries:
        reader = library_reader(*spec)
        if reader is None:
            print(f"note: {name} is not installed; skipped")
        else:
            readers[name] = reader

    labels = labelled()
    vague = sum(isinstance(want, tuple) for _, want, _ in labels)
    print(f"1. Labels: {len(labels)} labelled numbers holding a word ({vague} vague amounts with a range)")
    print(f"   {'reader':<22} {'right':>6} {'of':>4}   exact  vague   wrong (first five)")
    in_context = [(p, w, ours(nlp, s, s.find(p)) if s and p in s else ours(nlp, p)) for p, w, s in labels]
    rows = {name: [(p, w, read(p)) for p, w, _ in labels] for name, read in readers.items()}
    rows = {"current (in sentence)": in_context} | rows
    for name, got in rows.items():
        right = [(p, w, g) for p, w, g in got if _same(g, w)]
        exact = sum(not isinstance(w, tuple) for _, w, _ in right)
        wrong = [f"{p!r}->{g}" for p, w, g in got if not _same(g, w)]
        print(f"   {name:<22} {len(right):>6} {len(got):>4}   {exact:>5}  {len(right) - exact:>5}   {', '.join(wrong[:5])}")

    phrases = Counter(m.group(0).lower() for text in corpus_texts() for m in _RUN.finditer(text))
    current = {p: readers["current (phrase)"](p) for p in phrases}
    total = sum(phrases.values())
    print(f"\n2. Corpus words: {total} runs of number words ({len(phrases)} distinct)")
    for name, read in readers.items():
        if name.startswith("current"):
            continue
        differ = Counter({p: n for p, n in phrases.items() if not _same(read(p), current[p])})
        agree = total - sum(differ.values())
        print(f"   {name}: agrees with the current reading on {agree}/{total} ({agree / total:.1%});"
              f" differs on {len(differ)} distinct phrases, most frequent:")
        kinds = Counter()
        for p, n in differ.items():
            kinds[_kind(p)] += n
        print("      by shape: " + "; ".join(f"{k} {n}" for k, n in kinds.most_common()))
        for p, n in differ.most_common(8):
            print(f"      {n:>4}x {p!r}: current {current[p]}, {name} {read(p)}")


if __name__ == "__main__":
    main()
