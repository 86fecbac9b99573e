"""Quality gate for figures on the REPORT half and the fresh REPORT3 split of the multi-genre set (issue 11).

Scored by ``newsfuse_eval.figures_multigenre`` against
``tests/data/labels/multigenre/figures/*.toml``: precision of claims shown in
multi-source figures, share of flagged conflicts that are real, recall of true
conflicts (``bench/figures_multigenre.py report`` prints the same). Floors are
the measured values (docs/figures.md), rounded down; raise them when quality
improves, never lower them silently. Skipped when ../shared/eval is absent.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from newsfuse.api import brief
from newsfuse.render.json import briefing_to_json
from newsfuse_eval import multigenre
from newsfuse_eval.figures_multigenre import FigureScores, load_labels, score_story

#: Measured on the report half at the last change (docs/figures.md, "Round 3", issue 11): precision 0.727
#: (16/22), 1 flagged conflict, not real (objects found, 3 vs 300: main's too); 0 of 2 true conflicts found.
#: The floor is 0.01 below round 2's 0.73 (0.731, 19/26): round 3 measured 0.727, said in docs/figures.md.
#: Recall has no floor while it is 0 (a floor of 0 cannot fail); the false conflicts get a ceiling instead.
PRECISION_FLOOR = 0.95  # round 4 measured 0.810 (17/21); fourth stop 1.000 (21/21), rules read off this half
MAX_FALSE_CONFLICTS = 0  # round 4: none flagged (round 3 flagged one, not real)


#: The fresh held-out split report3 (eight stories chosen and labelled after every rule was written;
#: ``bench/figures_multigenre.py report3``): no claim is shown in a multi-source figure, no conflict is
#: flagged, 0 of its 5 true conflicts found. A change that flags a conflict there must flag a real one.
REPORT3_MAX_FALSE_CONFLICTS = 0
#: report4: ten stories fixed as a split before round 4's rules and labelled after them (gold
#: conflicts from the texts first, shown claims from the output last): 13 claims shown in
#: multi-source figures, 3 correct (0.231), none flagged as a conflict, 0 of 2 true conflicts found.
#: The floor holds what was measured; the target (0.90) is far above it, and said so in the note.
#: Fourth stop: rules read off report4's judged failures (so it is no longer held out): 13/13 correct.
REPORT4_PRECISION_FLOOR = 0.99
REPORT4_MAX_FALSE_CONFLICTS = 0
#: report5: eight ECB+ dev events and five Timeline17 windows fixed as a split at the start of the
#: fourth stop, before its rules; gold conflicts labelled from the texts first, shown claims judged by
#: annotators who wrote no rule. At the stop's start 0.659 (56/85), 1 of 5 flagged conflicts real,
#: 1 of 6 true conflicts found; after its rules 0.657 (69/105), 1 of 5 real, 1 of 6 found: the
#: held-out number did not move. Floors hold what was measured, far below the targets (0.90, 0.90,
#: 0.6), and the closing note says so.
#: Fifth stop: rules read off report5's judged failures (so it is no longer held out): 0.773 (68/88),
#: the one flagged conflict real, 1 of 6 true conflicts found.
#: Sixth stop (sayers: a passive verb of saying names none; "Police allege" read as a noun): 0.818 (72/88).
#: Eighth stop (the outer verb of saying; a speaking "he" is the last named speaker, not the warship): 0.864 (76/88).
#: Twelfth stop: 0.855 (71/83). A count whose own verb names no event class no longer joins an event's
#: figure by its value ("eleven let go" beside "eleven killed", report12): five correct claims of
#: report5 ("23 suspects surrendered", "drill two relief wells") no longer reach a multi-source figure,
#: its wrong ones are untouched.
REPORT5_PRECISION_FLOOR = 0.85
REPORT5_MAX_FALSE_CONFLICTS = 0
#: report6: the other event of each ECB+ dev topic and four Timeline17 weeks, fixed as a split at the
#: start of the fifth stop before its rules; gold conflicts labelled from the texts first, shown claims
#: judged by annotators who wrote no rule, at the start (0.694, 77/111; 0 of 3 flagged conflicts real;
#: 0 of 7 true conflicts found) and after the stop's rules (0.717, 76/106; 0 of 2 real; 0 of 7 found).
#: Floors hold what was measured, far below the targets (0.90, 0.90, 0.6), and the closing note says so.
#: Sixth stop (rules read off report6's judged failures, so it is no longer held out): 0.904 (94/104),
#: nothing flagged, 0 of 7 true conflicts found.
#: Ninth stop (a quotation followed onto the line that closes it; saying in a wh-clause reports only
#: its own clause): 0.933 (97/104), wrong sayer 5 -> 2.
#: Fourteenth stop: 0.969 (93/96).
REPORT6_PRECISION_FLOOR = 0.96
REPORT6_MAX_FALSE_CONFLICTS = 0
#: report7: the first eight unused Multi-News clusters of a seeded shuffle and four Timeline17 weeks,
#: fixed at the start of the sixth stop before its rules, judged blind at its start (0.444, 16/36; 1 of 4
#: flagged conflicts real; 1 of 8 true conflicts found) and after them (0.471, 16/34; 1 of 4; 1 of 8).
#: Floors hold what was measured, far below the targets (0.90, 0.90, 0.6), and the closing note says so.
#: Eighth stop (report7 read for rules; a measure naming no event never bridges two events): 0.581 (18/31),
#: 1 of 4 flagged conflicts real, 1 of 8 found.
#: Eleventh stop (a running log's counts scoped "before"): 0.708 (17/24), 1 of 3 flagged real.
#: Thirteenth stop (rules from report13): 0.750 (18/24).
#: Seventeenth stop: LOWERED 0.75 -> 0.72, on purpose: the subject of "died" is among the dead now, no longer "taking part",
#: so "125 people had died across Syria" joined the day's tolls (0.720, 18/25); the false conflict it made beside Tuesday's
#: four dead is gone (counts of named days apart are not compared), one "2 vs more than 7,500" (a village against the
#: uprising) remains: still 1 of 2 flagged real.
#: Eighteenth stop: RAISED 0.72 -> 0.75: 0.760 (19/25): reports that name no one are no sayer.
#: Nineteenth stop: RAISED 0.75 -> 0.86: 0.870 (20/23): people and attackers no synonyms by an equal count; counts
#: of two named days are two figures.
#: Twentieth stop: RAISED 0.86 -> 0.94: 0.950 (19/20): the uprising's running total ("have now died in the
#: crackdown") no longer set against Monday's toll; the one flagged conflict left is real.
REPORT7_PRECISION_FLOOR = 0.94
#: Fourteenth stop: 0.762 (16/21), 1 of 2 flagged real (a scenario is hypothetical). Twentieth stop: 1 of 1.
REPORT7_MAX_FALSE_CONFLICTS = 0
#: report8: the next eight Multi-News clusters of the same shuffle and four Timeline17 weeks, fixed at
#: the start of the seventh stop before its rules, judged blind at its start: 0.854 (41/48), 1 of 1 flagged
#: conflict real, 1 of 3 true conflicts found. The stop changed no figure rule; the same after it.
#: Tenth stop: 0.896 (43/48) (sums named by a noun, 'cost (USD)'): the floor rises.
#: Fourteenth stop: 0.917 (44/48).
#: Nineteenth stop: RAISED 0.91 -> 0.97: 0.979 (47/48): a hedge that opens a paragraph is read.
REPORT8_PRECISION_FLOOR = 0.97
REPORT8_MAX_FALSE_CONFLICTS = 0
#: report9: the next eight Multi-News clusters of the same shuffle (positions 17 to 24) and four Timeline17
#: weeks, fixed at the start of the eighth stop before its rules, judged blind at its start: 0.744 (32/43),
#: 1 of 2 flagged conflicts real, 1 of 6 true conflicts found; the stop's figure rules moved none of it.
#: Floors hold what was measured, far below the targets (0.90, 0.90, 0.6), and the closing note says so.
#: Tenth stop: 0.791 (34/43) ('two others' count the dogs counted before them): the floor rises.
#: Fourteenth stop: 0.833 (35/42), 1 of 1 flagged real (Bhopal's toll scoped to its place).
#: Nineteenth stop: RAISED 0.83 -> 0.88: 0.881 (37/42): a hedge that opens a paragraph is read.
REPORT9_PRECISION_FLOOR = 0.88
REPORT9_MAX_FALSE_CONFLICTS = 0
#: report10: the next eight Multi-News clusters of the same shuffle (positions 25 to 32) and four Timeline17
#: weeks, fixed at the start of the ninth stop before its rules, judged blind at its start: 0.750 (6/8),
#: 0 of 1 flagged conflict real, 0 of 1 true conflict found; the same after the stop's rules. Few claims
#: reach a multi-source figure on these stories (eight in twelve stories): a weak measure, said so.
#: Thirteenth stop (a report "that found" is a source): 0.875 (7/8).
#: Nineteenth stop: RAISED 0.87 -> 0.99: 1.000 (8/8): a hedge that opens a paragraph is read.
REPORT10_PRECISION_FLOOR = 0.99
#: Eleventh stop: the false conflict ("more than" a value beside that value) is gone.
REPORT10_MAX_FALSE_CONFLICTS = 0
#: report11: the next eight Multi-News clusters of the same shuffle (positions 33 to 40) and four Timeline17
#: weeks, fixed at the start of the tenth stop before its rules, judged blind at its start: 0.711 (32/45),
#: 1 of 4 flagged conflicts real, 1 of 9 true conflicts found; after the stop's rules 0.698 (30/43), 0 of
#: 3 real, 0 of 9 found (one story's real conflict lost: the closing note says which rule and why). Floors
#: hold what was measured, far below the targets (0.90, 0.90, 0.6).
#: Eleventh stop (report11 read for rules): 0.733 (33/45), 0 of 1 flagged real, 0 of 9 found.
#: Nineteenth stop: RAISED 0.73 -> 0.75: 0.756 (34/45).
REPORT11_PRECISION_FLOOR = 0.75
REPORT11_MAX_FALSE_CONFLICTS = 1
#: report12: the last four Multi-News clusters of the shuffle (positions 41 to 44) and four untaken
#: Timeline17 weeks, fixed at the start of the eleventh stop before its rules, judged blind at its start:
#: 0.435 (10/23), 0 of 2 flagged conflicts real, 0 of 4 true conflicts found; unchanged by the stop's
#: rules (all its wrong claims are in the two BP weeks). Floors hold what was measured, far below the
#: targets (0.90, 0.90, 0.6).
#: Twelfth stop (report12 read for rules): 0.750 (9/12), no flagged conflict (2 false ones gone), 0 of 4 found.
#: Fourteenth stop: 0.917 (11/12).
REPORT12_PRECISION_FLOOR = 0.91
REPORT12_MAX_FALSE_CONFLICTS = 0
#: report13: eight Timeline17 weeks never cut before (four of the financial crisis, four of BP; the other
#: eval sets are used up), fixed at the start of the twelfth stop before its rules, judged blind at its
#: start: 0.762 (16/21), 0 of 1 flagged conflicts real, 0 of 3 true conflicts found; unchanged by the
#: stop's rules. Floors hold what was measured, far below the targets (0.90, 0.90, 0.6).
#: Thirteenth stop (report13 read for rules): 1.000 (21/21), no flagged conflict (the false one gone), 0 of 3 found.
#: Seventeenth stop: LOWERED 1.0 -> 0.95: 0.957 (22/23); two BP tolls of eleven dead, no longer "taking part",
#: are shown; one names BP as its source where the blog names none.
#: Nineteenth stop: RAISED 0.95 -> 0.99: 1.000 (23/23): a clause saying which event is no sayer's.
REPORT13_PRECISION_FLOOR = 0.99
REPORT13_MAX_FALSE_CONFLICTS = 0
#: report14: the next eight Timeline17 weeks never cut before (four of the financial crisis from 24
#: February 2009, four of BP from 5 July 2010), fixed at the start of the thirteenth stop before its
#: rules, judged blind at its start: 0.500 (16/32), 0 of 3 flagged conflicts real, 0 of 3 true conflicts
#: found; after the stop's rules 0.529 (18/34: two new correct claims), 0 of 3, 0 of 3. Floors hold what
#: was measured, far below the targets (0.90, 0.90, 0.6).
#: Fourteenth stop (report14 read for rules): 0.774 (24/31), 0 of 2 flagged real, 0 of 3 found.
#: Fifteenth stop: 0.806 (25/31).
#: Nineteenth stop: 0.800 (24/30): "exploded in the Gulf of Mexico, killing 11 workers" now scoped to its place,
#: apart from the unscoped eleven (a correct claim no longer shown as multi-source).
REPORT14_PRECISION_FLOOR = 0.80
REPORT14_MAX_FALSE_CONFLICTS = 2
#: report15: eight Timeline17 weeks never cut before (four of the financial crisis from 9 April 2009, four
#: of BP from 7 October 2010), fixed at the start of the fourteenth stop before its rules, judged blind at
#: its start: 0.731 (19/26), 0 of 2 flagged conflicts real, 0 of 2 true conflicts found; after the stop's
#: rules 0.818 (18/22; no new shown claim), no flagged conflict (both false ones gone), 0 of 2 found. The
#: four finance weeks show no multi-source figure. Floors hold what was measured, far below the targets.
#: Fifteenth stop (report15 read for rules): 0.900 (18/20: "several hundred" is vague, who revises an
#: estimate gives the new value), none flagged, 0 of 2 found.
#: Twentieth stop: RAISED 0.90 -> 0.95: 0.952 (20/21): a set-off "where" clause is the writer's gloss.
REPORT15_PRECISION_FLOOR = 0.95
REPORT15_MAX_FALSE_CONFLICTS = 0
#: report16: the last Timeline17 weeks but one never cut before (the financial crisis weeks of 17 April
#: and 17 June 2009, six BP weeks from 4 November 2010), fixed at the start of the fifteenth stop before
#: its rules, judged blind at its start: 0.667 (24/36), 1 of 2 flagged conflicts real, 1 of 3 true
#: conflicts found; unchanged after the stop's rules (no new shown claim). Floors hold what was
#: measured, far below the targets.
#: Seventeenth stop: RAISED 0.66 -> 0.84: 0.846 (33/39): the eleven dead are "people killed", not "taking
#: part"; a count in the source's own description is not the source's; the owner of an estimate is its source.
#: Twentieth stop: RAISED 0.84 -> 0.89: 0.895 (34/38): the first month's leak is a part, no total's value and no
#: conflict with it; a clause on the rig an explosion hit says which explosion. 1 of 1 flagged real.
REPORT16_PRECISION_FLOOR = 0.89
REPORT16_MAX_FALSE_CONFLICTS = 0
#: report17: seven ECB+ train events never used before (their reports are two to four annotated sentences
#: each) and the last Timeline17 BP week, fixed at the start of the sixteenth stop before its rules, judged
#: blind at its start: 0.960 (48/50), both flagged conflicts real (injured 70 vs 80, magnitude 5.9 vs 6.1),
#: 2 of 4 true conflicts found; unchanged at its end (no new shown claim).
#: Eighteenth stop (read for rules): RAISED 0.95 -> 0.98: 0.982 (54/55): "according to reports" names no sayer.
REPORT17_PRECISION_FLOOR = 0.98
REPORT17_MAX_FALSE_CONFLICTS = 0
#: report18: seven more ECB+ train events never used before (topics 0 modulo 3; two to four annotated sentences
#: per report), fixed at the start of the seventeenth stop before its rules, judged blind at its start: 0.944
#: (17/18: one age's source is the outlet that quotes the officials), none flagged, 0 of 1 true conflict found
#: (13 children against 12); unchanged at its end (no new shown claim).
REPORT18_PRECISION_FLOOR = 0.94
REPORT18_MAX_FALSE_CONFLICTS = 0
#: report19: the last untaken ECB+ train events (topics 1 modulo 3; two to four annotated sentences per
#: report), fixed at the start of the eighteenth stop before its rules, judged blind at its start: 0.545
#: (12/22: two obituary ages read as deaths, "over two defenders" as more than two, reports and a writer's
#: description as sayers), none flagged, no true conflict labelled; at its end 0.889 (16/18), the same.
#: Twentieth stop: RAISED 0.88 -> 0.94: 0.944 (17/18).
REPORT19_PRECISION_FLOOR = 0.94
REPORT19_MAX_FALSE_CONFLICTS = 0
#: report20: TempEval-3 AQUAINT wire and newspaper stories and MEANTIME Wikinews (see the summary gate),
#: fixed at the start of the nineteenth stop, judged blind at its start: 0.738 (31/42), 0 of 2 flagged
#: real, 0 of 4 true conflicts found. The developer read the start judges' reports (one city's toll in a
#: whole toll's figure; a paragraph-opening "At least 82" read as exact). At its end 0.821 (32/39), still 0
#: of 2 flagged real and 0 of 4 found.
REPORT20_PRECISION_FLOOR = 0.82
REPORT20_MAX_FALSE_CONFLICTS = 2
#: report21: full-page Timeline17 days no split used, MEANTIME's September 2008 markets and the TempEval-3
#: documents left of two stories, judged blind with counts-only reports: 0.412 (7/17), 0 of 2 flagged real,
#: 0 of 3 found, at the start and at the end.
REPORT21_PRECISION_FLOOR = 0.41
REPORT21_MAX_FALSE_CONFLICTS = 2
#: report22: the Timeline17 days no split had used (BP's 24-25 May 2010 from four outlets, four windows of
#: Michael Jackson's doctor's 2011 hearings and trial, a late-2008 finance fortnight), fixed at the start of
#: the twentieth stop before its rules, judged blind with counts-only reports: 1.000 (6/6), none flagged, 0
#: of 1 true conflict found, at the start and at the end. Five of its six stories show no multi-source figure.
REPORT22_PRECISION_FLOOR = 0.99
REPORT22_MAX_FALSE_CONFLICTS = 0


def _scores(split: str) -> FigureScores:
    if not multigenre.available():
        pytest.skip(f"{multigenre.EVAL} is absent (the multi-genre stories are read in place from ../shared/eval)")
    total = FigureScores()
    with tempfile.TemporaryDirectory() as tmp:
        for story in multigenre.stories(split):
            labels = load_labels(story.id)
            assert labels is not None, f"{story.id} has no figure labels"
            folder = multigenre.materialise(story, Path(tmp) / story.id)
            manifest = folder / "manifest.jsonl"
            b = brief([str(folder)], manifest=str(manifest) if manifest.exists() else None)
            total = total.add(score_story(briefing_to_json(b), labels, story.id))
    return total


@pytest.fixture(scope="module")
def report_scores() -> FigureScores:
    return _scores("report")


@pytest.fixture(scope="module")
def report3_scores() -> FigureScores:
    return _scores("report3")


@pytest.mark.integration
def test_precision_of_shown_claims(report_scores):
    got = report_scores.precision
    assert got >= PRECISION_FLOOR, f"report half precision fell to {got:.3f}; not correct: {report_scores.notes}"


@pytest.mark.integration
def test_false_conflicts(report_scores):
    false = report_scores.flagged - report_scores.flagged_real
    assert false <= MAX_FALSE_CONFLICTS, f"{false} flagged conflicts are not real: {report_scores.notes}"


@pytest.mark.integration
def test_most_shown_claims_are_labelled(report_scores):
    """Unlabelled shown claims are not judged: if many appear, label them before trusting the floors."""
    judged = report_scores.judged
    assert len(report_scores.unjudged) <= max(3, judged // 5), report_scores.unjudged


@pytest.mark.integration
def test_report3_flags_no_false_conflict(report3_scores):
    false = report3_scores.flagged - report3_scores.flagged_real
    assert false <= REPORT3_MAX_FALSE_CONFLICTS, f"{false} flagged conflicts are not real: {report3_scores.notes}"
    assert len(report3_scores.unjudged) <= max(3, report3_scores.judged // 5), report3_scores.unjudged


def _assert_held_out(scores: FigureScores, floor: float, max_false: int) -> None:
    assert scores.precision >= floor, scores.notes
    false = scores.flagged - scores.flagged_real
    assert false <= max_false, f"{false} flagged conflicts are not real: {scores.notes}"
    assert len(scores.unjudged) <= max(3, scores.judged // 5), scores.unjudged


#: Each held-out split of a past stop: (precision floor, most false conflicts), as set above.
HELD_OUT = {
    "report4": (REPORT4_PRECISION_FLOOR, REPORT4_MAX_FALSE_CONFLICTS),
    "report5": (REPORT5_PRECISION_FLOOR, REPORT5_MAX_FALSE_CONFLICTS),
    "report6": (REPORT6_PRECISION_FLOOR, REPORT6_MAX_FALSE_CONFLICTS),
    "report7": (REPORT7_PRECISION_FLOOR, REPORT7_MAX_FALSE_CONFLICTS),
    "report8": (REPORT8_PRECISION_FLOOR, REPORT8_MAX_FALSE_CONFLICTS),
    "report9": (REPORT9_PRECISION_FLOOR, REPORT9_MAX_FALSE_CONFLICTS),
    "report10": (REPORT10_PRECISION_FLOOR, REPORT10_MAX_FALSE_CONFLICTS),
    "report11": (REPORT11_PRECISION_FLOOR, REPORT11_MAX_FALSE_CONFLICTS),
    "report12": (REPORT12_PRECISION_FLOOR, REPORT12_MAX_FALSE_CONFLICTS),
    "report13": (REPORT13_PRECISION_FLOOR, REPORT13_MAX_FALSE_CONFLICTS),
    "report14": (REPORT14_PRECISION_FLOOR, REPORT14_MAX_FALSE_CONFLICTS),
    "report15": (REPORT15_PRECISION_FLOOR, REPORT15_MAX_FALSE_CONFLICTS),
    "report16": (REPORT16_PRECISION_FLOOR, REPORT16_MAX_FALSE_CONFLICTS),
    "report17": (REPORT17_PRECISION_FLOOR, REPORT17_MAX_FALSE_CONFLICTS),
    "report18": (REPORT18_PRECISION_FLOOR, REPORT18_MAX_FALSE_CONFLICTS),
    "report19": (REPORT19_PRECISION_FLOOR, REPORT19_MAX_FALSE_CONFLICTS),
    "report20": (REPORT20_PRECISION_FLOOR, REPORT20_MAX_FALSE_CONFLICTS),
    "report21": (REPORT21_PRECISION_FLOOR, REPORT21_MAX_FALSE_CONFLICTS),
    "report22": (REPORT22_PRECISION_FLOOR, REPORT22_MAX_FALSE_CONFLICTS),
}


@pytest.mark.integration
@pytest.mark.parametrize("split", list(HELD_OUT))
def test_held_out_precision_and_false_conflicts(split):
    _assert_held_out(_scores(split), *HELD_OUT[split])
