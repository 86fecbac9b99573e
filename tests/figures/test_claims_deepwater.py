"""Rules first met on In Amenas, checked on a second, different story: Deepwater Horizon (read in place).

Each test names the rule and the In Amenas case that forced it; the
Deepwater Horizon reports (../shared/corpus, eight reports, five outlets)
must not be hurt by it, and where they hold the same construction, it must
work there too. Skipped when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.api import brief

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "deepwater-horizon"


@pytest.fixture(scope="module")
def briefing():
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (the shared corpus sits beside the repository)")
    return brief([str(CORPUS)], manifest=str(CORPUS / "manifest.csv"))


def claims_with(briefing, text):
    return [c for c in briefing.claims if c.text == text]


def figure_of(briefing, claim):
    return next(f for f in briefing.figures for v in f.values if claim.id in v.claims)


def test_another_n_continues_only_after_a_light_verb(briefing):
    """'Another 100 were among the 132 foreign workers' (In Amenas) continues the previous count's
    predicate; 'Another 126 workers were rescued' has its own verb and must keep it."""
    (rescued,) = [c for c in claims_with(briefing, "126 workers") if "rescued" in briefing.text_of(c.sentence)]
    assert rescued.predicate == "escaped"


def test_elided_count_reads_the_word_after_it(briefing):
    """'Eleven workers were missing and 17 injured': the 17 are injured, not missing."""
    seventeen = [c for c in claims_with(briefing, "17") if "injured" in briefing.text_of(c.sentence)]
    assert seventeen and all(c.predicate == "injured" for c in seventeen)


def test_about_is_fifteen_percent(briefing):
    """ABOUT = 0.15, set on 'around 40' vs 'over 30' (In Amenas): 'nearly 5,000 feet' and '5,000 feet'
    of water agree, and the water depth in four units is one consistent figure."""
    (nearly,) = claims_with(briefing, "nearly 5,000 feet")
    fig = figure_of(briefing, nearly)
    assert fig.status == "consistent"
    assert {c.unit for c in briefing.claims if any(c.id in v.claims for v in fig.values)} >= {"ft", "m", "km"}


def test_story_synonyms_do_not_merge_different_things(briefing):
    """Story synonyms (same number, qualifier and predicate; set on In Amenas' 11 gunmen = 11 members)
    must leave the rig's 11 missing workers apart from the 15 killed at Texas City in 2005."""
    (eleven,) = claims_with(briefing, "Eleven oil rig workers")
    (fifteen, *_) = claims_with(briefing, "15 people")
    assert figure_of(briefing, eleven) is not figure_of(briefing, fifteen)
    assert fifteen.scope is not None  # the sentence names a past year


def test_one_outlet_repeating_itself_is_single(briefing):
    """Independence: the BBC's boilerplate fine ($87m) in both BBC reports is one voice."""
    fines = [c for c in briefing.claims if c.kind == "money" and c.value == 87e6]
    assert len(fines) == 2 and figure_of(briefing, fines[0]).status == "single"


def test_unexplained_change_in_a_measure_is_a_conflict(briefing):
    """'about 42 miles' then 'about 50 miles' off the Louisiana coast: same place, different distance."""
    (first,) = claims_with(briefing, "about 42 miles")
    assert figure_of(briefing, first).status == "conflict"


def test_past_perfect_does_not_move_dates_here(briefing):
    """The pluperfect rule (In Amenas: 'an official had put the number at 10' is Friday's) only reads
    a day named in the previous sentence; the MMS's '509 fires' sentence keeps the publication date."""
    (fires,) = claims_with(briefing, "509 fires")
    assert fires.as_of == briefing.source(fires.span.source).published
