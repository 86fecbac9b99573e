"""Find many names in many articles without scanning every article once per name.

The entities stage looks every name an entity is known by up again in every
article (``entity_stage.propagate``). Scanning each text with one regex per
(name, article) pair costs names x articles full scans: at 200 reports of one
story, 620k scans and most of the stage's time. A name can only match where a
word starts with the name's first word, so each article's word starts are
indexed once (by exact and by case-folded word) and the name's own regex is
tried only at those offsets, with ``Pattern.match(text, pos)`` (which still
sees the characters before ``pos``, so the look-behind holds). The result is
exactly what ``finditer`` over the whole text gives: the same non-overlapping
matches, left to right.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")


def name_pattern(form: str, *, fold: bool) -> re.Pattern[str]:
    """``form`` as a whole word: not preceded by a word character or hyphen, not followed by a word character."""
    return re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w])", re.IGNORECASE if fold else 0)


@dataclass
class WordIndex:
    """Per article, the offsets where each word starts; per word, the articles that hold it."""

    texts: Mapping[str, str]
    exact: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    folded: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    holders: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _patterns: dict[tuple[str, bool], re.Pattern[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, texts: Mapping[str, str]) -> WordIndex:
        """Each word's offsets are gathered once per article; the case-folded index and the
        holders are then made per distinct word (an article repeats its words), not per word."""
        index = cls(texts)
        for sid, text in texts.items():
            exact: dict[str, list[int]] = defaultdict(list)
            for m in _WORD.finditer(text):
                exact[m.group()].append(m.start())
            folded: dict[str, list[int]] = {}
            for word, starts in exact.items():
                key = fold_key(word)
                if key in folded:  # "The" and "the": one ascending list of both
                    folded[key] = sorted(folded[key] + starts)
                else:
                    folded[key] = starts
            for key in folded:
                index.holders[key].add(sid)
            index.exact[sid], index.folded[sid] = dict(exact), folded
        return index

    def may_hold(self, form: str) -> set[str] | None:
        """Articles where ``form`` can occur in any letter case: those that hold every word of it
        (a whole-word match of the form makes each of its words a whole word of the text); None
        when it starts with no word character (then every article may). Only the first word's
        articles were once asked: for "John Smith" every article with a "John" in it."""
        if not _WORD.match(form):
            return None
        held: set[str] | None = None
        for key in sorted({fold_key(w) for w in _WORD.findall(form)}, key=lambda k: len(self.holders.get(k, ()))):
            found = self.holders.get(key, set())
            held = set(found) if held is None else held & found
            if not held:
                break
        return held if held is not None else set()

    def occurrences(self, form: str, sid: str, *, fold: bool) -> list[tuple[int, int]]:
        """Every non-overlapping whole-word match of ``form`` in article ``sid``, left to right."""
        key = (form, fold)
        pattern = self._patterns.get(key)
        if pattern is None:
            pattern = self._patterns[key] = name_pattern(form, fold=fold)
        text = self.texts[sid]
        first = _WORD.match(form)
        if first is None:
            return [m.span() for m in pattern.finditer(text)]
        # Case-insensitive matching of the first word implies equal ``fold_key``s; exact matching
        # implies equal words.
        starts = (self.folded[sid].get(fold_key(first.group()), ()) if fold
                  else self.exact[sid].get(first.group(), ()))
        found, end = [], -1
        for pos in starts:
            if pos < end:
                continue
            m = pattern.match(text, pos)
            if m:
                found.append(m.span())
                end = m.end()
        return found


def fold_key(word: str) -> str:
    """A key equal for any two words ``re.IGNORECASE`` matches: each character lowered by its
    one-character mapping, then case-folded. ``casefold`` alone missed "İstanbul" for
    "istanbul" (it folds İ to two characters), ``lower`` alone "ſ" for "s"; and ``re`` also
    matches dotless "ı" with "i" and "I", which neither maps so."""
    if word.isascii():
        return word.lower()
    return "".join(c.lower()[0].casefold() for c in word).replace("ı", "i")


def texts_of(sources: Iterable) -> dict[str, str]:
    return {s.id: s.text for s in sources}
