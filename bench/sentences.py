"""Sentence splitters on the bundled example: speed and suspicious boundaries.

Compares newsfuse's splitter (spaCy parse + paragraph/dateline repairs), raw
spaCy sentences, pysbd and blingfire on the cleaned texts. With no gold
boundaries for these articles, it counts boundaries that are wrong on sight:
a sentence that starts in lower case, a fragment of fewer than 3 words, a
sentence spanning a paragraph break, or one ending on an abbreviation
("Adm.", "U.S.", "Gen."), and prints them for a human to check.

    PYTHONPATH=src python bench/sentences.py
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from newsfuse.api import brief

ROOT = Path(__file__).resolve().parents[1]
ABBREV = re.compile(r"\b(?:Adm|Gen|Col|Sgt|Lt|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|St|U\.S|U\.N|Inc|Ltd|Corp|Co|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$")


def suspicious(piece: str) -> bool:
    words = piece.split()
    return (len(words) < 3 or piece[:1].islower() or "\n\n" in piece or bool(ABBREV.search(piece)))


def main() -> None:
    import blingfire
    import pysbd

    briefing = brief([str(ROOT / "examples" / "in-amenas")])
    texts = {s.id: s.text for s in briefing.sources}
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    splitters = {
        "newsfuse (spaCy + repairs)": lambda sid, t: [t[s.start:s.end] for s in briefing.sentences[sid]],
        "spaCy sents, raw": lambda sid, t: [s.text.strip() for s in briefing.docs[sid].sents],
        "pysbd": lambda sid, t: [s.sent.strip() for s in seg.segment(t)],
        "blingfire": lambda sid, t: blingfire.text_to_sentences(t).split("\n"),
    }
    print(f"{'splitter':30} {'sentences':>9} {'suspicious':>10} {'ms':>8}")
    for name, split in splitters.items():
        start = time.perf_counter()
        pieces = [p for sid, t in texts.items() for p in split(sid, t) if p.strip()]
        ms = (time.perf_counter() - start) * 1000
        bad = [p for p in pieces if suspicious(p)]
        print(f"{name:30} {len(pieces):9} {len(bad):10} {ms:8.1f}")
        for p in bad[:4]:
            print(f"    ? {p[:90]!r}")
    print("(newsfuse's time excludes the parse it reuses; spaCy's raw time likewise)")


if __name__ == "__main__":
    main()
