"""Shared wire copy: reprints link sources, a shared quote does not, small edits are tolerated."""

from __future__ import annotations

from newsfuse.model import Source, Span
from newsfuse.wire.copy import MIN_SHARED_SENTENCES, independent_groups, near_duplicate_pairs, shared_copy, shingles

WIRE = [
    "The heavily armed gunmen from a group known as Signatories in Blood had been holed up in the gas complex since Wednesday.",
    "Belmokhtar also wanted to exchange American hostages for the blind Egyptian sheikh jailed in the United States.",
    "Amid a virtual news blackout in Algiers, harshly criticised by local media, world leaders took a tough stand.",
    "Norway's Statoil, which jointly operates the site with Britain's BP, said two Norwegians had been found alive.",
]
QUOTE = "State Department spokeswoman Victoria Nuland said “the United States does not negotiate with terrorists, ever, under any circumstances.”"


def source(sid: str, sentences: list[str]) -> tuple[Source, tuple[Span, ...]]:
    text, spans, pos = "", [], 0
    for s in sentences:
        spans.append(Span(sid, pos, pos + len(s)))
        text += s + "\n\n"
        pos = len(text)
    return Source(id=sid, text=text), tuple(spans)


def run(*docs: tuple[str, list[str]]) -> dict[str, set[str]]:
    built = [source(sid, sents) for sid, sents in docs]
    pairs = near_duplicate_pairs([b[0] for b in built], {b[0].id: b[1] for b in built})
    return shared_copy(pairs)


def test_reprinted_wire_copy_links_sources_despite_small_edits() -> None:
    edited = [w.replace("exchange", "exchanging").replace("Signatories in Blood", "‘Signatories in Blood’") for w in WIRE]
    links = run(("a", WIRE + ["An original closing sentence about something else entirely here."]),
                ("b", ["A different opening sentence written by this outlet's own reporter today."] + edited))
    assert links["a"] == {"b"}


def test_shared_quote_or_two_sentences_do_not_link() -> None:
    own_a = ["The Algerian army stormed the plant at dawn on Thursday after talks with the kidnappers failed."]
    own_b = ["Japan's prime minister cut short a visit to Indonesia to deal with the hostage crisis at home."]
    assert run(("a", own_a + [QUOTE] * 3), ("b", own_b + [QUOTE])) == {}
    assert run(("a", WIRE[:MIN_SHARED_SENTENCES - 1]), ("b", WIRE[:MIN_SHARED_SENTENCES - 1])) == {}


def test_independent_groups_are_components() -> None:
    links = {"a": {"b"}, "b": {"a", "c"}, "c": {"b"}}
    assert independent_groups(["a", "d", "b", "c"], links) == (("a", "b", "c"), ("d",))


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("The Army, said: yes today") == shingles("the army said yes today!")


def test_example_afp_copy_is_found(example_briefing) -> None:
    """Dawn (000) reprints AFP copy that 001 also carries; the other three are independent."""
    by_path = {s.path.rsplit("/", 1)[-1][:3]: s for s in example_briefing.sources}
    assert set(by_path["000"].shares_text_with) == {by_path["001"].id}
    assert all(not by_path[k].shares_text_with for k in ("002", "003", "004"))
    assert len(example_briefing.independent_groups) == 4


def test_deepwater_same_outlet_different_days_are_not_wire_copy(deepwater_briefing) -> None:
    """Second real cluster: eight reports from five outlets; none reprints another's text wholesale."""
    assert sum(1 for s in deepwater_briefing.sources if s.shares_text_with) <= 2
