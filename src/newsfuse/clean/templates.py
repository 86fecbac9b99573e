"""Site templates: the lines an outlet prints around every page, found across the pages of one run.

A newsletter sign-up with its teaser list at the top of every blog post ("Get
Wonkbook delivered to your inbox ..." and five one-line link teasers, the
Washington Post), a promo at the foot of every article ("The pun - ancient
artform, or the lowest form of wit?", the BBC; "An ultra-low latency
infrastructure for electronic trading ...", Reuters), a "most read" headline
above and below every CNN page: none of it is the report, and one page alone
cannot tell it from a lead. Across pages it can (site-level template
detection, as web-corpus cleaners do it: lines a site repeats on pages that
are otherwise different). The summary had taken such teasers *because* they
repeat: two pages "agreed" on them.

Two pages of one outlet share a template when every line they share sits in a
run at the top or at the foot of both pages, and what is left of the two pages
is not the same copy (an updated story keeps its lede and most of its body;
its lede is news, not template). Lines are compared exactly, whitespace
trimmed; short lines ("Advertisement") are other rules' business. A shared
line that names someone or something the pages' own text names is the story's
(two BBC pages on Michael Jackson's death both closing on his chart records),
not the site's: a template names nothing the report does.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..words import shingles

#: Lines shorter than this say too little to be told apart from chance repeats ("Share", "Related").
MIN_TEMPLATE_CHARS = 20
#: Two pages whose remaining lines share this share of word 3-grams are versions of one story
#: (an update of the same report), not two pages sharing furniture: the wire-copy test's scale,
#: where unrelated sentences of one story score about 0.2 (wire.copy.NEAR_DUP_JACCARD).
SAME_COPY_JACCARD = 0.2
_LOWER = re.compile(r"\b[a-z]+\b")
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")


def template_lines(pages: Sequence[tuple[str | None, str]]) -> tuple[frozenset[str], ...]:
    """For each page ``(outlet, text)``, the lines that are its outlet's template (empty when none).

    Pages without an outlet are never compared: a template is one site's.
    """
    lines = [_lines(text) for _, text in pages]
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for i, (outlet, _) in enumerate(pages):
        if outlet:
            by_outlet[outlet.lower()].append(i)
    found: list[set[str]] = [set() for _ in pages]
    for members in by_outlet.values():
        where: dict[str, set[int]] = defaultdict(set)
        for i in members:
            for ln in lines[i]:
                if len(ln) >= MIN_TEMPLATE_CHARS:
                    where[ln].add(i)
        partners: dict[int, set[int]] = defaultdict(set)
        for pages_with in where.values():
            for i in pages_with:
                partners[i] |= pages_with - {i}
        for i, others in partners.items():
            for j in others:
                common = _shared_template(lines[i], lines[j]) if j > i else set()
                if common:
                    pair = (*lines[i], *lines[j])
                    lower = {w for ln in pair for w in _LOWER.findall(ln)}
                    named = _names((ln for ln in pair if ln not in common), lower)
                    off_story = {ln for ln in common if not _names((ln,), lower) & named}
                    found[i] |= off_story
                    found[j] |= off_story
    return tuple(frozenset(f) for f in found)


def _names(lines: Iterable[str], lower: set[str]) -> set[str]:
    """The names lines mention: capitalised words the pages never write in lower case
    ("Jackson"; not "Budget" where "budget" is written too, nor a sentence's "The"), lower-cased."""
    return {w for ln in lines for m in _NAME.finditer(ln) if (w := m.group(0).lower()) not in lower}


def _lines(text: str) -> tuple[str, ...]:
    return tuple(s for s in (ln.strip() for ln in text.splitlines()) if s)


def _shared_template(a: Sequence[str], b: Sequence[str]) -> set[str]:
    """The lines two pages share, when every one lies at an edge of both and the rest is not one
    copy; else none."""
    common = set(a) & set(b)
    if not any(len(ln) >= MIN_TEMPLATE_CHARS for ln in common):
        return set()
    if not (_at_edges(a, common) and _at_edges(b, common)):
        return set()
    rest_a = shingles(" ".join(ln for ln in a if ln not in common))
    rest_b = shingles(" ".join(ln for ln in b if ln not in common))
    union = rest_a | rest_b
    return common if not union or len(rest_a & rest_b) / len(union) < SAME_COPY_JACCARD else set()


def _at_edges(page: Sequence[str], common: set[str]) -> bool:
    """Each shared line belongs to the unbroken run of shared lines that opens or closes the page."""
    top = next((k for k, ln in enumerate(page) if ln not in common), len(page))
    foot = next((k for k, ln in enumerate(reversed(page)) if ln not in common), len(page))
    inside = page[top : len(page) - foot]
    return top < len(page) and not any(ln in common for ln in inside)
