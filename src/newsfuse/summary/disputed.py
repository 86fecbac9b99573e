"""Say a disputed figure is disputed: one generated sentence per conflicting figure.

When a chosen sentence carries a claim of a figure the figures stage marked
``conflict`` (a real disagreement: same quantity, independent sources or two
named sayers, comparable time), the summary adds "Reports of hostages killed
disagree: 48 (WSWS), 37 (Reuters) and 23 (the interior ministry).", newest
first, citing every claim behind every named value, so
the reader sees who says what instead of one number stated as fact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Claim, Figure, FigureValue, Source, SummarySentence, source_label

#: Authorities named per value: the In Amenas toll of 23 has three wordings
#: of one source ("a preliminary government toll", "the interior ministry",
#: "the government"); naming one keeps the sentence short enough that it does
#: not crowd events out of a 250-word summary (measured: two disputed
#: sentences took 68 of 220 words on In Amenas with two names and every value).
MAX_NAMED = 1


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def value_phrase(value: float, qualifier: str) -> str:
    """"at least 32", "up to 41", "23" (an exact value has qualifier "" or "exact")."""
    q = "" if qualifier in ("", "exact", "=", None) else qualifier
    return f"{q} {number(value)}".strip()


def who_says(claim_ids: Sequence[str], claims: Mapping[str, Claim], sources: Mapping[str, Source]) -> str:
    """The cited authorities of a value if the claims name them, else the outlets reporting it."""
    named = [claims[c].attribution for c in claim_ids if c in claims and claims[c].attribution]
    if named:
        return "; ".join(list(dict.fromkeys(named))[:MAX_NAMED])
    outlets = [_outlet(sources[claims[c].span.source]) for c in claim_ids if c in claims]
    return ", ".join(dict.fromkeys(outlets))


def _outlet(source: Source) -> str:
    """The report as the sources list labels it: its outlet, else its headline, else its file name."""
    return source_label(source.outlet, source.title, source.path, source.id)


#: Values a disputed-figure sentence names (issue 11): more reads as a table, not a sentence.
MAX_VALUES = 4


def disputed_sentence(fig: Figure, claims: Mapping[str, Claim], sources: Mapping[str, Source]) -> SummarySentence | None:
    """The dispute sentence for a conflicting figure, or None if fewer than two values have claims.

    "Reports of hostages killed disagree: 48 (WSWS), at least 37 (security
    sources) and 23 (the interior ministry)." At most ``MAX_VALUES``
    values, newest first, each with who says it (the cited sayer, else the
    outlet); a number repeated under other dates, wordings or qualifiers is one
    value to a reader. Every claim behind every named value is cited.
    """
    # only the values of a disagreeing pair: a value the figure holds that disagrees with none
    # (another day's count, recalled) is no side of the dispute
    taking_part = set(fig.disputed) or {c for v in fig.values for c in v.claims}
    values = [v for v in fig.values if any(c in claims and c in taking_part for c in v.claims)]
    newest = sorted(values, key=lambda v: (v.as_of.toordinal() if v.as_of else 0), reverse=True)
    distinct: list[FigureValue] = []
    for v in newest:  # one entry per number, shown as stated exactly if anyone did
        same = next((d for d in distinct if d.value == v.value), None)
        if same is None:
            distinct.append(v)
        elif _q(same.qualifier) and not _q(v.qualifier):
            distinct[distinct.index(same)] = v
    if len(distinct) < 2:
        return None
    named = distinct[:MAX_VALUES]
    # No dates in the sentence: the order says which is newest, and every word here is one
    # fewer for the story's events (250-word budget; In Amenas event recall fell 0.6 -> 0.4 with them).
    units = {claims[c].unit for v in named for c in v.claims if c in claims}
    parts = [f"{_phrase(v)}{_unit(v, claims) if len(units) > 1 else ''} ({who_says(v.claims, claims, sources)})"
             for v in named]
    text = f"Reports of {fig.label} disagree: {_join(parts)}"
    shown = {v.value for v in named}
    # Cite the sentence each claim is read from (the reader's evidence), else the claim's own span.
    citations = tuple(claims[c].sentence or claims[c].span for v in values if v.value in shown for c in v.claims if c in claims)
    return SummarySentence(text + ".", tuple(dict.fromkeys(citations)), kind="disputed", disputed=True)


def _phrase(v: FigureValue) -> str:
    """A vague amount ("scores", "hundreds") reads as its range, never as its midpoint."""
    if v.qualifier.startswith("approximate") and v.low is not None and v.high is not None:
        return f"{number(v.low)}–{number(v.high)}"
    return value_phrase(v.value, v.qualifier)


def _unit(v: FigureValue, claims: Mapping[str, Claim]) -> str:
    """" gallons", " barrels a day": a figure whose values are written in several units names each
    value's own, or "3,500,000 and 5,000,000" reads as a dispute when one is gallons and the
    other barrels (report7 split)."""
    unit = next((claims[c].unit for c in v.claims if c in claims and claims[c].unit), None)
    if unit is None:
        return ""
    base, _, per = unit.partition("/")
    return f" {base} a {per}" if per else f" {base}"


def _q(qualifier: str | None) -> str:
    return "" if qualifier in ("", "exact", "=", None) else qualifier


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
