"""Quality gate on the REPORT half and the fresh REPORT3 split of the multi-genre set: summary sentences, titles, top entities,
and ECB+ cross-document merging on its report half (floors pinned; never lower them silently).

Every summary sentence, title and top-15 entity the briefings show is looked up in the reader's
judgements (tests/data/labels/multigenre/*.jsonl, see ``newsfuse_eval.summary_multigenre``). A
sentence nobody judged counts as not GOOD, so a rule change that shows new sentences fails here
until they are judged (``bench/summary_multigenre.py --split report --show-unjudged``). Rules were
tuned on the ``tune`` half only. Raise a floor when the briefing gets better.
"""

from __future__ import annotations

import pytest

from newsfuse.api import brief
from newsfuse.render.json import briefing_to_json
from newsfuse_eval import ecbplus, multigenre
from newsfuse_eval.summary_multigenre import load_judgements, score, shown_items

#: Measured on the report half at the last change (bench/summary_multigenre.py --split report):
#: 77 sentences, GOOD 66 (85.7%), JUNK 9 (11.7%), MISLEADING 2 (2.6%); titles RIGHT 4 of 8;
#: top entities OK 113, MISSED-MERGE 6, BAD-MERGE 1 (baseline before issue 12: 73.8% / 26.2% /
#: 0%, titles 3 of 8, entities 105 / 12 / 3). The change before it measured 86.2% / 12.5% / 1.2%
#: (80 sentences): the pairing of dependent sentences, the glued-headline cut before names and
#: the new furniture rules raised the tune half (judged sentences 82.4% -> 93.1% GOOD) but not
#: this half, so these two floors were LOWERED here (0.86 -> 0.85, 0.14 -> 0.15), on purpose and
#: said so; see docs/summary.md "Measured".
#: Fourth stop (summ7: speakerless quotation ends dropped, a quotation's speaker named, asides and
#: imperatives to the reader dropped, update notes / newsletter lines / "Image" labels as furniture,
#: titles held to a headline's shape; "He" resolved to a subject only; ``Weights.central``
#: re-fitted): 77 sentences, GOOD 68 (88.3%), JUNK 8 (10.4%), MISLEADING 1 (1.3%); titles 4 of 8.
#: Floors raised, a point or more below.
#: Sixth stop: 76 sentences, GOOD 67 (88.2%), JUNK 8 (10.5%), MISLEADING 1; titles 5 of 8; entities
#: OK 112 / MISSED-MERGE 7 / BAD-MERGE 1. The missed-merge ceiling is RAISED 6 -> 7, on purpose: role
#: words dropped from names changed entity keys, and the new lists show one more surname apart
#: (mn-4035's "Comey"), judged MISSED-MERGE.
#: Seventh stop (sentences taken as known only after what introduces them; titles from the lead's own
#: report's headline): 72 sentences, GOOD 64 (88.9%), JUNK 7, MISLEADING 1; titles 4 of 8. The title
#: floor is LOWERED 5 -> 4, on purpose: the lead's own headline replaced one judged right here (and one
#: each in report5 and report4), and won one in report6 and two in report7: no net gain on the read
#: splits, none on the held-out report8.
#: Eighteenth stop: GOOD 63 of 72 = 87.5%, JUNK 9.7%, MISLEADING 2.8%: floors LOWERED 0.91 -> 0.87 and
#: 0.09 -> 0.13, on purpose. "Hank Paulson" now joins "Henry M. Paulson Jr.", and the merged person
#: reshuffled t17-finance's greedy choice: a sentence that sets up a doctrine the summary never names
#: (JUNK) and one whose "Wall Street giant" reads as the bank named before it (MISLEADING) came in; the same
#: name rules gained sentences on report7, report11 and report16 (read splits, closing note).
GOOD_SHARE = 0.87
BAD_SHARE = 0.13
TITLES_RIGHT = 4
BAD_MERGES = 1
#: Sixteenth stop: 5 (the Fed joins the Federal Reserve). Eighteenth stop: 4 ("Hank Paulson").
MISSED_MERGES = 4
#: The fresh held-out split report3 (eight stories chosen and judged after every rule above was
#: written; bench/summary_multigenre.py --split report3): 76 sentences, GOOD 51 (67.1%), JUNK 24
#: (31.6%), MISLEADING 1 (1.3%); titles RIGHT 4 of 8. Its entities are not judged yet.
#: Fourth stop (summ7): 76 sentences, GOOD 56 (73.7%), JUNK 19 (25.0%), MISLEADING 1 (1.3%);
#: titles 6 of 8.
REPORT3_GOOD_SHARE = 0.75
REPORT3_BAD_SHARE = 0.25
REPORT3_TITLES_RIGHT = 6
#: Re-judged after this stop's summary rules (75 sentences: GOOD 70.7%, JUNK 26.7%, MISLEADING
#: 2.7%; titles 5 of 8); its entities judged for the first time: OK 82, MISSED-MERGE 32, BAD-MERGE 6.
REPORT3_BAD_MERGES = 4
#: Tenth stop: MISSED-MERGE 26 (end-round labels): the ceiling falls.
#: Seventeenth stop: MISSED-MERGE 23 (a given name typed an organisation joins its person).
REPORT3_MISSED_MERGES = 23
#: report4: ten Multi-News stories fixed as a split before this stop's rules were written and
#: judged only after they were final (the closing note's honest number): 88 sentences, GOOD 56
#: (63.6%), JUNK 29 (33.0%), MISLEADING 3 (3.4%); titles RIGHT 5 of 10; top entities OK 110,
#: MISSED-MERGE 31, BAD-MERGE 9. Floors at what was measured: a later change may not fall below.
#: Fourth stop (summ7, rules read off report4's judged classes, so no longer held out): 86
#: sentences, GOOD 62 (72.1%), JUNK 21 (24.4%), MISLEADING 3 (3.5%); titles 6 of 10.
REPORT4_GOOD_SHARE = 0.72
REPORT4_BAD_SHARE = 0.28
#: Seventh stop: 86 sentences, GOOD 64 (74.4%), JUNK 19, MISLEADING 3; titles 5 of 10 (LOWERED 6 -> 5:
#: the lead's own headline, see the report floor's note; report3 held at 6 of 8, GOOD 57 of 76).
#: Tenth stop: 4 of 10. LOWERED by one on purpose: one story's summary now leads with its second
#: sentence of before (the candidates moved with the quotation and dateline rules), and its title,
#: cut from that lead, loses the news; the same rules gained titles on report5 and report9 (the
#: closing note says so).
REPORT4_TITLES_RIGHT = 4
#: Seventeenth stop: BAD-MERGE 7.
REPORT4_BAD_MERGES = 7
#: Eighteenth stop: 25 (a descriptor run into a full name joins it).
REPORT4_MISSED_MERGES = 25
#: report5: eight ECB+ dev events and five Timeline17 windows, fixed as a split at the start of the
#: fourth stop before any of its rules, judged by annotators who wrote no rule: at the stop's start
#: 136 sentences GOOD 77.9%, JUNK 19.1%, MISLEADING 2.9%, titles 8 of 13, entities OK 151 /
#: MISSED-MERGE 34 / BAD-MERGE 10; after the stop's rules (the closing note's honest number): 131
#: sentences, GOOD 104 (79.4%), JUNK 22 (16.8%), MISLEADING 5 (3.8%); titles 8 of 13; entities as before.
#: Fifth stop (rules read off report5's judged classes, so no longer held out): 130 sentences, GOOD
#: 106 (81.5%), JUNK 23 (17.7%), MISLEADING 1 (0.8%); titles 8 of 13; entities OK 160 / MISSED-MERGE
#: 28 / BAD-MERGE 7.
#: Sixth stop: 128 sentences, GOOD 108 (84.4%), JUNK 19 (14.8%), MISLEADING 1; titles 8 of 13;
#: entities OK 164 / MISSED-MERGE 23 (+1 judged after) / BAD-MERGE 7.
#: Seventh stop: 128 sentences, GOOD 109 (85.2%), JUNK 18, MISLEADING 1; titles 7 of 13 (LOWERED 8 -> 7:
#: see the report floor's note).
REPORT5_GOOD_SHARE = 0.86
REPORT5_BAD_SHARE = 0.14
#: Tenth stop: 8 of 13: the floor rises.
#: Seventeenth stop: titles 9 of 13.
REPORT5_TITLES_RIGHT = 9
REPORT5_BAD_MERGES = 7
#: Seventeenth stop: MISSED-MERGE 19.
REPORT5_MISSED_MERGES = 19
#: report6: the other event of each ECB+ dev topic and four Timeline17 weeks, fixed at the start of the
#: fifth stop before its rules and judged blind at its start (98 sentences, GOOD 76.5%, JUNK 20.4%,
#: MISLEADING 3.1%; titles 5 of 12; entities OK 120 / MISSED-MERGE 32 / BAD-MERGE 3) and after them
#: (110 sentences, GOOD 87 = 79.1%, JUNK 18.2%, MISLEADING 2.7%; titles 6 of 12; entities OK 131 /
#: MISSED-MERGE 32 / BAD-MERGE 4). One story (ecb-23, eight one-sentence briefs) was empty at the start
#: and is briefed now. Floors at what was measured, far below the targets (95%, 2%, 9 in 10).
#: Sixth stop (rules read off report6's judged classes, so no longer held out): 106 sentences, GOOD 89
#: (84.0%), JUNK 15 (14.2%), MISLEADING 2 (1.9%); titles 7 of 12; entities OK 137 / MISSED-MERGE 27 /
#: BAD-MERGE 3.
#: Seventh stop: 105 sentences, GOOD 89 (84.8%), JUNK 14, MISLEADING 2; titles 8 of 12.
#: Eighth stop: 106 sentences, GOOD 89 (84.0%), JUNK 15, MISLEADING 2 (16.0%): floors LOWERED by one point
#: (0.84 -> 0.83, 0.16 -> 0.17), on purpose: the stop's sentences that point back (a lone name's full name,
#: "there", "another") left the summary and their replacements, chosen as before, were judged no better.
REPORT6_GOOD_SHARE = 0.85
REPORT6_BAD_SHARE = 0.15
#: Seventeenth stop: titles 9 of 12 (a trial's title keeps what the accused is charged with, or gives way).
REPORT6_TITLES_RIGHT = 9
REPORT6_BAD_MERGES = 3
#: Ninth stop (a surname read as written; a tagger's ORG that opens with a given name is person-like):
#: entities OK 138 / MISSED-MERGE 26 / BAD-MERGE 3.
#: Seventeenth stop: MISSED-MERGE 23 ("Chargers" joins "San Diego Chargers").
REPORT6_MISSED_MERGES = 23
#: report7: eight Multi-News clusters and four Timeline17 weeks fixed at the start of the sixth stop
#: before its rules, judged blind at its start (104 sentences, GOOD 67.3%, JUNK 28.8%, MISLEADING 3.8%;
#: titles 2 of 12; entities OK 142 / MISSED-MERGE 27 / BAD-MERGE 11) and after them (104 sentences, GOOD
#: 72 = 69.2%, JUNK 26.9%, MISLEADING 3.8%; titles 2 of 12; entities OK 145 / MISSED-MERGE 25 /
#: BAD-MERGE 10). Floors at what was measured, far below the targets (95%, 2%, 9 in 10).
#: Seventh stop (report7 read for rules, no longer held out): 103 sentences, GOOD 72 (69.9%), JUNK 27
#: (26.2%), MISLEADING 4 (3.9%); titles 4 of 12; entities as before.
#: Eighth stop: 103 sentences, GOOD 71 (68.9%), JUNK 28, MISLEADING 4: floors LOWERED by one point
#: (0.69 -> 0.68, 0.31 -> 0.32), on purpose, for the same reason as report6's.
#: Thirteenth stop (rules from report13): GOOD 76 of 105 = 72.4%, JUNK 25.7%, MISLEADING 1.9%.
REPORT7_GOOD_SHARE = 0.72
REPORT7_BAD_SHARE = 0.28
REPORT7_TITLES_RIGHT = 4
#: Ninth stop: entities OK 146 / MISSED-MERGE 23 / BAD-MERGE 11. The BAD-MERGE ceiling RAISED by one, on
#: purpose: joining a place's headline run ("Cardiff Michael Jackson") to the star also brought in a
#: caption run carrying his sister's name (judged borderline); two missed merges fewer.
REPORT7_BAD_MERGES = 10
#: Seventeenth stop: MISSED-MERGE 19.
REPORT7_MISSED_MERGES = 19
#: report8: the next eight Multi-News clusters of the seeded shuffle and four Timeline17 weeks, fixed at
#: the start of the seventh stop before its rules, judged blind at its start (104 sentences, GOOD 82 =
#: 78.8%, JUNK 19.2%, MISLEADING 1.9%; titles 2 of 12; entities OK 142 / MISSED-MERGE 26 / BAD-MERGE 8)
#: and after them (107 sentences, GOOD 83 = 77.6%, JUNK 20.6%, MISLEADING 1.9%; titles 2 of 12;
#: entities as before). Floors at what was measured, far below the targets (95%, 2%, 9 in 10).
#: Eighth stop (report8 still held out: only counts were seen): 106 sentences, GOOD 81 (76.4%), JUNK 22,
#: MISLEADING 3; titles 1 of 12 (a new lead, and its title, judged wrong). Floors LOWERED to what was
#: measured (0.77 -> 0.76, 0.23 -> 0.24, titles 2 -> 1), on purpose, and the closing note says so.
#: Eleventh stop (speakers named, interview answers dropped): GOOD 77.6%, JUNK and MISLEADING 22.4%.
#: Thirteenth stop (rules from report13): GOOD 86 of 107 = 80.4%, JUNK 16.8%, MISLEADING 2.8%.
#: Fourteenth stop: GOOD 83 of 106 = 78.3%, JUNK 18.9%, MISLEADING 2.8% (80.4% before): reader comment threads are
#: page furniture now, and in two Washington Post finance weeks the summary chose other sentences (three GOOD
#: out; one GOOD and two JUNK in, a cut quotation and a section heading run into its sentence). Entities BAD 4
#: (10 before), MISSED 20 (26): the threads' names are gone.
#: Sixteenth stop: LOWERED from 0.78 (GOOD 83 of 107 = 77.6%): the Guardian header run left, but the changed choices of
#: two stories brought a list item, a fragment with a broken character and 'The energy giant' before BP is named.
REPORT8_GOOD_SHARE = 0.77
REPORT8_BAD_SHARE = 0.23
#: Seventeenth stop: titles 3 of 12.
REPORT8_TITLES_RIGHT = 3
#: Tenth stop: BAD-MERGE 10. RAISED by two on purpose: the end-round annotator judged two changed
#: entities (a 'Senator Clinton' comment joined to Bill Clinton; a state Senate joined to the US
#: Senate) BAD where an earlier one had judged a near-identical entity OK; the closing note says so.
REPORT8_BAD_MERGES = 4
REPORT8_MISSED_MERGES = 18
#: report9: the next eight Multi-News clusters of the shuffle (positions 17 to 24) and four Timeline17
#: weeks, fixed at the start of the eighth stop before its rules, judged blind at its start (109
#: sentences, GOOD 83 = 76.1%, JUNK 21.1%, MISLEADING 2.8%; titles 4 of 12; entities OK 152 /
#: MISSED-MERGE 15 / BAD-MERGE 13) and after them (106 sentences, GOOD 81 = 76.4%, JUNK 20.8%,
#: MISLEADING 2.8%; titles 4 of 12; entities as before). Floors at what was measured, far below the
#: targets (95%, 2%, 9 in 10).
#: Eleventh stop: GOOD 77.1%, JUNK and MISLEADING 22.9%.
#: Thirteenth stop (rules from report13): GOOD 82 of 105 = 78.1%, JUNK 20.0%, MISLEADING 1.9%.
REPORT9_GOOD_SHARE = 0.80
REPORT9_BAD_SHARE = 0.20
#: Tenth stop: 6 of 12 (datelines with a region or day stripped): the floor rises.
REPORT9_TITLES_RIGHT = 6
#: Ninth stop (report9 held out: counts only): sentences and titles unchanged; entities OK 152 /
#: MISSED-MERGE 16 / BAD-MERGE 12 (one wrong merge fewer, one missed merge more: the MISSED-MERGE
#: ceiling RAISED by one, on purpose, and the closing note says so).
#: Tenth stop: BAD-MERGE 10 ('House' beside 'House …' names is no short form of 'White House'):
#: the ceiling falls.
REPORT9_BAD_MERGES = 10
REPORT9_MISSED_MERGES = 14
#: report10: the next eight Multi-News clusters of the shuffle (positions 25 to 32) and four Timeline17
#: weeks, fixed at the start of the ninth stop before its rules, judged blind at its start (108
#: sentences, GOOD 77 = 71.3%, JUNK 27.8%, MISLEADING 0.9%; titles 3 of 12; entities OK 133 /
#: MISSED-MERGE 39 / BAD-MERGE 8) and after them (108 sentences, GOOD 78 = 72.2%, JUNK 26.9%,
#: MISLEADING 0.9%; titles 4 of 12; entities OK 136 / MISSED-MERGE 35 / BAD-MERGE 9). Floors at what
#: was measured, far below the targets (95%, 2%, 9 in 10).
#: Thirteenth stop (rules from report13): GOOD 80 of 107 = 74.8%, JUNK 24.3%, MISLEADING 0.9%.
#: Fifteenth stop: GOOD 85 of 108 = 78.7%, JUNK 20.4%, MISLEADING 0.9%.
#: Nineteenth stop: RAISED 0.78 -> 0.81: 84/103 (captions and standfirsts in the present of a scene verb).
REPORT10_GOOD_SHARE = 0.81
REPORT10_BAD_SHARE = 0.19
REPORT10_TITLES_RIGHT = 4
#: Tenth stop: BAD-MERGE 8: the ceiling falls.
REPORT10_BAD_MERGES = 8
#: Sixteenth stop: 28 ('America' joins 'US' where 'United States' is never written, in two stories).
#: Seventeenth stop: MISSED-MERGE 23 ("Raffaele", "Meredith" typed organisations join their people).
#: Eighteenth stop: 21 ("Producer David O. Selznick" joins David O. Selznick).
REPORT10_MISSED_MERGES = 21
#: report11: the next eight Multi-News clusters of the shuffle (positions 33 to 40) and four Timeline17
#: weeks, fixed at the start of the tenth stop before its rules, judged blind at its start (118
#: sentences, GOOD 83 = 70.3%, JUNK 27.1%, MISLEADING 2.5%; titles 2 of 12; entities OK 147 /
#: MISSED-MERGE 28 / BAD-MERGE 5) and after them (117 sentences, GOOD 85 = 72.6%, JUNK 24.8%,
#: MISLEADING 2.6%; titles 2 of 12; entities OK 146 / MISSED-MERGE 30 / BAD-MERGE 4). Floors at what
#: was measured, far below the targets (95%, 2%, 9 in 10).
#: Eleventh stop (report11 read for rules): GOOD 88 of 117 = 75.2%, JUNK 22.2%, MISLEADING 2.6%.
#: Fifteenth stop: GOOD 87 of 118 = 73.7%, JUNK 22.9%, MISLEADING 3.4% (75.4% before). LOWERED: the lead
#: rule changed which sentences two Timeline17 weeks chose (a quotation cut mid-way, and a sentence an
#: older caption cut leaves a fragment, "BP included still hope …", came in); the closing note says so.
#: Sixteenth stop: GOOD 88 of 115 = 76.5%.
REPORT11_GOOD_SHARE = 0.76
REPORT11_BAD_SHARE = 0.24
#: Seventeenth stop: titles 4 of 12 ("was arraigned on charges of obstruction of justice").
REPORT11_TITLES_RIGHT = 4
REPORT11_BAD_MERGES = 4
#: Seventeenth stop: MISSED-MERGE 25.
REPORT11_MISSED_MERGES = 25
#: report12: the last four Multi-News clusters of the shuffle (positions 41 to 44) and four Timeline17
#: weeks, fixed at the start of the eleventh stop before its rules, judged blind at its start (65
#: sentences, GOOD 52 = 80.0%, JUNK 18.5%, MISLEADING 1.5%; titles 3 of 8; entities OK 107 /
#: MISSED-MERGE 11 / BAD-MERGE 2); no item changed under the stop's rules. Floors at what was measured,
#: far below the targets (95%, 2%, 9 in 10).
#: Twelfth stop (report12 read for rules): GOOD 53 of 63 = 84.1%, JUNK 14.3%, MISLEADING 1.6%; titles 4 of 8;
#: entities OK 108 / MISSED-MERGE 10 / BAD-MERGE 2.
#: Thirteenth stop (rules from report13): GOOD 55 of 64 = 85.9%, JUNK 12.5%, MISLEADING 1.6%.
REPORT12_GOOD_SHARE = 0.85
REPORT12_BAD_SHARE = 0.15
REPORT12_TITLES_RIGHT = 5
REPORT12_BAD_MERGES = 2
#: Thirteenth stop: MISSED-MERGE 11. The Guardian header block ending in a photo credit is page furniture
#: now (one Multi-News report of mn-79); it held the "Adolf Eichmann" the tagger typed PERSON, and the
#: full name left is typed PRODUCT, so it stays apart from "Eichmann": a count the cleaning cost.
REPORT12_MISSED_MERGES = 11
#: report13: eight Timeline17 weeks never cut before (four of the financial crisis, four of BP: the other
#: eval sets are used up), fixed at the start of the twelfth stop before its rules, judged blind at its
#: start (63 sentences, GOOD 43 = 68.3%, JUNK 27.0%, MISLEADING 4.8%; titles 1 of 8; entities OK 108 /
#: MISSED-MERGE 12 / BAD-MERGE 0). No item changed under the stop's final rules (a rule that did change
#: some, for the worse, was removed: the closing note says which). Floors at what was measured, far below
#: the targets (95%, 2%, 9 in 10).
#: Thirteenth stop (report13 read for rules): GOOD 49 of 60 = 81.7%, JUNK 16.7%, MISLEADING 1.7%; titles 2
#: of 8; entities unchanged.
#: Fourteenth stop: GOOD 48 of 60 = 80.0%, MISLEADING 3.3% (81.7% before): one BP week chose another sentence
#: ("Up to 5,000 barrels of oil a day continue to spew", judged MISLEADING) when other rules moved its choices.
#: Fifteenth stop: GOOD 43 of 57 = 75.4%, JUNK 21.1%, MISLEADING 3.5% (80.0% before). LOWERED: the run-on
#: cut misread one long sentence ("… at a hotel in downtown Washington was labeled …", a verb the parser
#: left without its subject) and the changed choices of two BP weeks brought in a caption run and an
#: unintroduced employee; the closing note says so.
#: Sixteenth stop: GOOD 46 of 57 = 80.7%; one BAD-MERGE (a 'Washington' whose mentions include the 'Washington
#: Consensus', newly among the top 15 once the Fed joined the Federal Reserve).
REPORT13_GOOD_SHARE = 0.8
REPORT13_BAD_SHARE = 0.2
REPORT13_TITLES_RIGHT = 2
REPORT13_BAD_MERGES = 1
REPORT13_MISSED_MERGES = 6
#: report14: the next eight Timeline17 weeks never cut before (four of the financial crisis from 24
#: February 2009, four of BP from 5 July 2010), fixed at the start of the thirteenth stop before its
#: rules, judged blind at its start (58 sentences, GOOD 34 = 58.6%, JUNK 39.7%, MISLEADING 1.7%; titles
#: 4 of 8; entities OK 102 / MISSED-MERGE 9 / BAD-MERGE 9); after the stop's rules (new items judged
#: blind): 57 sentences, GOOD 32 = 56.1%, JUNK 42.1%, MISLEADING 1.8%: two GOOD sentences fewer, one JUNK
#: more; titles and entities unchanged. Floors at what was measured, far below the targets (95%, 2%, 9 in 10).
#: Fourteenth stop (report14 read for rules): GOOD 38 of 58 = 65.5%, JUNK 32.8%, MISLEADING 1.7%; titles 4 of 8;
#: entities OK 112 / MISSED-MERGE 4 / BAD-MERGE 4.
#: Fifteenth stop: GOOD 43 of 59 = 72.9%, JUNK 27.1%.
#: Nineteenth stop: RAISED 0.72 -> 0.76: 45/59 (captions and standfirsts in the present of a scene verb).
REPORT14_GOOD_SHARE = 0.76
REPORT14_BAD_SHARE = 0.24
REPORT14_TITLES_RIGHT = 4
REPORT14_BAD_MERGES = 4
#: Seventeenth stop: MISSED-MERGE 3.
REPORT14_MISSED_MERGES = 3
#: report15: eight Timeline17 weeks never cut before (four of the financial crisis from 9 April 2009, four of BP
#: from 7 October 2010), fixed at the start of the fourteenth stop before its rules, judged blind at its start
#: (61 sentences, GOOD 38 = 62.3%, JUNK 36.1%, MISLEADING 1.6%; titles 3 of 8; entities OK 111 / MISSED-MERGE 6
#: / BAD-MERGE 3); after the stop's rules (8 new items judged blind): 60 sentences, GOOD 38 = 63.3%, JUNK 36.7%,
#: no MISLEADING; titles 3 of 8; entities OK 113 / MISSED-MERGE 4 / BAD-MERGE 3. Floors at what was measured,
#: far below the targets (95%, 2%, 9 in 10).
#: Fifteenth stop (report15 read for rules): GOOD 46 of 61 = 75.4%, JUNK 24.6%, no MISLEADING; titles 2 of 8
#: (LOWERED from 3: one BP week's lead, and with it its title, moved to another report's headline run into
#: its caption); entities OK 113 / MISSED-MERGE 4 / BAD-MERGE 3.
#: Sixteenth stop: GOOD 44 of 55 = 80.0%; BAD-MERGE 3 -> 4: the Fed, joined to the Federal Reserve, carries a shouted
#: verb ('the credit bubble FED the trade deficit') that an older rule gave it.
REPORT15_GOOD_SHARE = 0.8
REPORT15_BAD_SHARE = 0.2
REPORT15_TITLES_RIGHT = 2
REPORT15_BAD_MERGES = 4
REPORT15_MISSED_MERGES = 2
#: report16: the last Timeline17 weeks but one never cut before (the financial crisis weeks of 17 April and
#: 17 June 2009, six BP weeks from 4 November 2010), fixed at the start of the fifteenth stop before its
#: rules, judged blind at its start (63 sentences, GOOD 48 = 76.2%, JUNK 22.2%, MISLEADING 1.6%; titles 3 of
#: 8; entities OK 114 / MISSED-MERGE 2 / BAD-MERGE 4); after the stop's rules (new items judged blind): 62
#: sentences, GOOD 48 = 77.4%, JUNK 21.0%, MISLEADING 1.6%; titles and entities unchanged. Floors at what
#: was measured, far below the targets (95%, 2%, 9 in 10).
#: Sixteenth stop (report16 read for rules): GOOD 50 of 62 = 80.6%; titles LOWERED 3 -> 2: one BP week's title
#: became the commission's finding cut to 'The companies made decisions …', naming neither BP nor the spill.
#: Seventeenth stop: GOOD 49 of 62 = 79.0%, JUNK 17.7%: floors LOWERED 0.80 -> 0.79 and 0.20 -> 0.21, on
#: purpose. Two generated dispute sentences changed (the government named as the source of 4.9 million
#: barrels) and one more lower-ranked BBC sentence came in, judged JUNK ("The atmosphere aboard the boat
#: was sombre.": the boat never introduced). MISSED-MERGE RAISED 2 -> 3: "Eric H. Holder Jr." came into the
#: top 15 beside "Eric Holder" (a suffix keeps two names apart, as for fathers and sons).
#: Eighteenth stop: GOOD 51 of 63 = 81.0%, JUNK 15.9%: floors RAISED 0.79 -> 0.80 and 0.21 -> 0.20 (a caption
#: cut from "It took Louisiana's oyster industry years to recover from Hurricane Katrina Louisiana's oyster
#: beds …"); MISSED-MERGE 1 ("Eric H. Holder Jr." joins "Eric Holder", "Fred H. Bartlit Jr." "Fred Bartlit").
REPORT16_GOOD_SHARE = 0.80
REPORT16_BAD_SHARE = 0.20
REPORT16_TITLES_RIGHT = 2
REPORT16_BAD_MERGES = 4
REPORT16_MISSED_MERGES = 1
#: report17: ECB+ train events never used before (one per train topic whose id is 2 modulo 3: an attack, an
#: election, a fire, an earthquake, a Mafia arrest, a football game, a double murder; their reports are only
#: the corpus's annotated sentences, two to four each) and the last Timeline17 BP week (6 January 2011), fixed
#: at the start of the sixteenth stop before its rules, judged blind at its start (66 sentences, GOOD 64 =
#: 97.0%, JUNK 3.0%; titles 6 of 8; entities OK 48 / MISSED-MERGE 22 / BAD-MERGE 0) and at its end (4 new
#: items judged blind: the same shares, titles and entities). The short ECB+ reports hold little furniture:
#: the share says more about choosing than about cleaning.
REPORT17_GOOD_SHARE = 0.96
REPORT17_BAD_SHARE = 0.04
#: Eighteenth stop: 8 of 8 (a plain-text report's opening line with no full stop is its headline).
REPORT17_TITLES_RIGHT = 8
REPORT17_BAD_MERGES = 0
#: Seventeenth stop: read for rules this stop: MISSED-MERGE 18 ("Lo Presti", "Colts", "Kathryn"/"Katie" joined).
REPORT17_MISSED_MERGES = 18
#: report18: the next untaken ECB+ train events (one per train topic whose id is 0 modulo 3: a prison escape,
#: a film's director, an environment rule, a jewellery raid, a browser flaw, cut undersea cables, a murder
#: trial; only the corpus's annotated sentences, two to four per report), fixed at the start of the
#: seventeenth stop before its rules, judged blind at its start (53 sentences, GOOD 52 = 98.1%, JUNK 1.9%;
#: titles 5 of 7; entities OK 58 / MISSED-MERGE 8 / BAD-MERGE 1) and at its end (1 new item judged blind:
#: the same shares and titles; entities OK 59 / MISSED-MERGE 6 / BAD-MERGE 1). As for report17, the short
#: reports say more about choosing than about cleaning.
REPORT18_GOOD_SHARE = 0.98
REPORT18_BAD_SHARE = 0.02
#: Eighteenth stop (read for rules): 6 of 7 (the opening-line headline).
REPORT18_TITLES_RIGHT = 6
REPORT18_BAD_MERGES = 1
REPORT18_MISSED_MERGES = 6
#: report19: the last untaken ECB+ train events (one per train topic whose id is 1 modulo 3: a celebrity's
#: rehab, two obituaries, a boxing title, a baseball offer, a church arson, a deputy's murder, a police shooting
#: and riot, a workplace shooting, a player's injury, a college scoring record; only the corpus's annotated
#: sentences, two to four per report), fixed at the start of the eighteenth stop before its rules, judged
#: blind at its start (76 sentences, GOOD 71 = 93.4%, JUNK 6.6%; titles 7 of 11; entities OK 92 /
#: MISSED-MERGE 33 / BAD-MERGE 1) and at its end (6 new items judged blind: the same shares; titles 8 of 11;
#: entities OK 94 / MISSED-MERGE 29 / BAD-MERGE 1).
REPORT19_GOOD_SHARE = 0.93
REPORT19_BAD_SHARE = 0.07
#: Nineteenth stop (read for rules): 9 of 11 (a reason clause dropped before the verb's complement).
REPORT19_TITLES_RIGHT = 9
REPORT19_BAD_MERGES = 1
REPORT19_MISSED_MERGES = 29
#: report20: TempEval-3's AQUAINT wire and newspaper reports (AP, Xinhua, New York Times, Wall Street Journal:
#: the 1998 embassy bombings, two weeks; a doctor's murder and the manhunt; Elian Gonzalez, two weeks; NATO's
#: enlargement; the 1990 Gulf crisis) and MEANTIME's Wikinews (GM's bankruptcy, October 2008's markets), no
#: split used before, fixed at the start of the nineteenth stop before its rules and judged blind at its
#: start (84 sentences, GOOD 68 = 81.0%, JUNK 11.9%, MISLEADING 7.1%; titles 3 of 10; entities OK 126 /
#: MISSED-MERGE 9 / BAD-MERGE 8). The developer read the start judges' reports (a dateline taken for a
#: title, "More than 100" after a paragraph break read as exact, one city's toll in a whole toll's figure),
#: so its end numbers are not clean held-out evidence. At the end (9 new items judged blind): the same.
REPORT20_GOOD_SHARE = 0.80
REPORT20_BAD_SHARE = 0.20
REPORT20_TITLES_RIGHT = 3
REPORT20_BAD_MERGES = 8
REPORT20_MISSED_MERGES = 9
#: report21: full-page Timeline17 days no split had used (two BP oil spill weeks of five outlets, an Egypt
#: day, a finance week, Michael Jackson's doctor's trial), MEANTIME's September 2008 markets, and the
#: TempEval-3 documents left of two report20 stories; fixed with report20 and judged blind, the judges'
#: reports to the developer giving counts only: 76 sentences, GOOD 51 = 67.1%, JUNK 27.6%, MISLEADING
#: 5.3%; titles 2 of 8; entities OK 107 / MISSED-MERGE 4 / BAD-MERGE 9; the same at the end.
REPORT21_GOOD_SHARE = 0.67
REPORT21_BAD_SHARE = 0.33
REPORT21_TITLES_RIGHT = 2
REPORT21_BAD_MERGES = 9
REPORT21_MISSED_MERGES = 4
#: report22: the Timeline17 days no split had used (BP's 24-25 May 2010 from four outlets, four windows of
#: Michael Jackson's doctor's 2011 hearings and trial, a late-2008 finance fortnight), fixed at the start of
#: the twentieth stop before its rules and judged blind, the judges' reports giving counts only: 49
#: sentences, GOOD 37 = 75.5%, JUNK 22.4%, MISLEADING 2.0%; titles 2 of 6; entities OK 81 / MISSED-MERGE 6 /
#: BAD-MERGE 0; the same at the end.
REPORT22_GOOD_SHARE = 0.75
REPORT22_BAD_SHARE = 0.25
REPORT22_TITLES_RIGHT = 2
REPORT22_BAD_MERGES = 0
REPORT22_MISSED_MERGES = 6
#: ECB+ dev report half (odd topics), pairwise over gold mentions found: P 0.991, R 0.775; fifth stop
#: (a lone surname joins its story's dominant full name; more role words before names): P 0.993, R 0.881.
#: Eighteenth stop (a descriptor run into a full name joins it): P 0.993, R 0.903.
ECB_PRECISION = 0.98
ECB_RECALL = 0.90


def _scores(split: str, tmp_path_factory):
    if not multigenre.available():
        pytest.skip("../shared/eval is absent (the multi-genre stories are read in place from ../shared)")
    items = []
    for story in multigenre.stories(split):
        folder = multigenre.materialise(story, tmp_path_factory.mktemp(story.id))
        items += shown_items(story.id, briefing_to_json(brief([str(folder)])))
    return score(items, load_judgements())


@pytest.fixture(scope="module")
def report_scores(tmp_path_factory):
    return _scores("report", tmp_path_factory)


@pytest.fixture(scope="module")
def report3_scores(tmp_path_factory):
    return _scores("report3", tmp_path_factory)


def _assert_sentences(s, good_share: float, bad_share: float) -> None:
    shown = sum(s.sentences.values()) + sum(1 for it in s.unjudged if it.kind == "sentence")
    assert shown
    assert s.sentences["GOOD"] / shown >= good_share, (s.sentences, [it.text for it in s.unjudged])
    assert (s.sentences["JUNK"] + s.sentences["MISLEADING"]) / shown <= bad_share, s.sentences


def test_summary_sentences_stand_alone(report_scores):
    _assert_sentences(report_scores, GOOD_SHARE, BAD_SHARE)


def test_titles(report_scores):
    assert report_scores.titles["RIGHT"] >= TITLES_RIGHT, (report_scores.titles, report_scores.unjudged)


def test_report3_summary_sentences_and_titles(report3_scores):
    _assert_sentences(report3_scores, REPORT3_GOOD_SHARE, REPORT3_BAD_SHARE)
    assert report3_scores.titles["RIGHT"] >= REPORT3_TITLES_RIGHT, (report3_scores.titles, report3_scores.unjudged)


def _assert_split(s, good_share: float, bad_share: float, titles: int, bad_merges: int, missed_merges: int) -> None:
    _assert_sentences(s, good_share, bad_share)
    assert s.titles["RIGHT"] >= titles, (s.titles, s.unjudged)
    assert s.entities["BAD-MERGE"] <= bad_merges, s.entities
    assert s.entities["MISSED-MERGE"] <= missed_merges, s.entities


#: Each held-out split of a past stop: (GOOD share floor, JUNK and MISLEADING ceiling, titles right,
#: most BAD-MERGE, most MISSED-MERGE), as set above.
HELD_OUT = {
    "report4": (REPORT4_GOOD_SHARE, REPORT4_BAD_SHARE, REPORT4_TITLES_RIGHT, REPORT4_BAD_MERGES,
                REPORT4_MISSED_MERGES),
    "report5": (REPORT5_GOOD_SHARE, REPORT5_BAD_SHARE, REPORT5_TITLES_RIGHT, REPORT5_BAD_MERGES,
                REPORT5_MISSED_MERGES),
    "report6": (REPORT6_GOOD_SHARE, REPORT6_BAD_SHARE, REPORT6_TITLES_RIGHT, REPORT6_BAD_MERGES,
                REPORT6_MISSED_MERGES),
    "report7": (REPORT7_GOOD_SHARE, REPORT7_BAD_SHARE, REPORT7_TITLES_RIGHT, REPORT7_BAD_MERGES,
                REPORT7_MISSED_MERGES),
    "report8": (REPORT8_GOOD_SHARE, REPORT8_BAD_SHARE, REPORT8_TITLES_RIGHT, REPORT8_BAD_MERGES,
                REPORT8_MISSED_MERGES),
    "report9": (REPORT9_GOOD_SHARE, REPORT9_BAD_SHARE, REPORT9_TITLES_RIGHT, REPORT9_BAD_MERGES,
                REPORT9_MISSED_MERGES),
    "report10": (REPORT10_GOOD_SHARE, REPORT10_BAD_SHARE, REPORT10_TITLES_RIGHT, REPORT10_BAD_MERGES,
                REPORT10_MISSED_MERGES),
    "report11": (REPORT11_GOOD_SHARE, REPORT11_BAD_SHARE, REPORT11_TITLES_RIGHT, REPORT11_BAD_MERGES,
                REPORT11_MISSED_MERGES),
    "report12": (REPORT12_GOOD_SHARE, REPORT12_BAD_SHARE, REPORT12_TITLES_RIGHT, REPORT12_BAD_MERGES,
                REPORT12_MISSED_MERGES),
    "report13": (REPORT13_GOOD_SHARE, REPORT13_BAD_SHARE, REPORT13_TITLES_RIGHT, REPORT13_BAD_MERGES,
                REPORT13_MISSED_MERGES),
    "report14": (REPORT14_GOOD_SHARE, REPORT14_BAD_SHARE, REPORT14_TITLES_RIGHT, REPORT14_BAD_MERGES,
                REPORT14_MISSED_MERGES),
    "report15": (REPORT15_GOOD_SHARE, REPORT15_BAD_SHARE, REPORT15_TITLES_RIGHT, REPORT15_BAD_MERGES,
                REPORT15_MISSED_MERGES),
    "report16": (REPORT16_GOOD_SHARE, REPORT16_BAD_SHARE, REPORT16_TITLES_RIGHT, REPORT16_BAD_MERGES,
                REPORT16_MISSED_MERGES),
    "report17": (REPORT17_GOOD_SHARE, REPORT17_BAD_SHARE, REPORT17_TITLES_RIGHT, REPORT17_BAD_MERGES,
                REPORT17_MISSED_MERGES),
    "report18": (REPORT18_GOOD_SHARE, REPORT18_BAD_SHARE, REPORT18_TITLES_RIGHT, REPORT18_BAD_MERGES,
                REPORT18_MISSED_MERGES),
    "report19": (REPORT19_GOOD_SHARE, REPORT19_BAD_SHARE, REPORT19_TITLES_RIGHT, REPORT19_BAD_MERGES,
                REPORT19_MISSED_MERGES),
    "report20": (REPORT20_GOOD_SHARE, REPORT20_BAD_SHARE, REPORT20_TITLES_RIGHT, REPORT20_BAD_MERGES,
                REPORT20_MISSED_MERGES),
    "report21": (REPORT21_GOOD_SHARE, REPORT21_BAD_SHARE, REPORT21_TITLES_RIGHT, REPORT21_BAD_MERGES,
                REPORT21_MISSED_MERGES),
    "report22": (REPORT22_GOOD_SHARE, REPORT22_BAD_SHARE, REPORT22_TITLES_RIGHT, REPORT22_BAD_MERGES,
                REPORT22_MISSED_MERGES),
}


@pytest.mark.parametrize("split", list(HELD_OUT))
def test_held_out_summary_sentences_titles_and_entities(split, tmp_path_factory):
    _assert_split(_scores(split, tmp_path_factory), *HELD_OUT[split])


def test_report3_top_entities(report3_scores):
    assert report3_scores.entities["BAD-MERGE"] <= REPORT3_BAD_MERGES, report3_scores.entities
    assert report3_scores.entities["MISSED-MERGE"] <= REPORT3_MISSED_MERGES, report3_scores.entities


def test_top_entities(report_scores):
    assert report_scores.entities["BAD-MERGE"] <= BAD_MERGES, report_scores.entities
    assert report_scores.entities["MISSED-MERGE"] <= MISSED_MERGES, report_scores.entities


def test_ecbplus_report_half_merging():
    if not ecbplus.ECBPLUS.is_file():
        pytest.skip(f"{ecbplus.ECBPLUS} is absent (ECB+ lives in ../shared beside the checkout)")
    from newsfuse.config import Settings
    from newsfuse.entities.stage import find_entities
    from newsfuse.model import Source
    from newsfuse.nlp import load_nlp

    nlp = load_nlp(Settings().model)
    total = ecbplus.PairCounts()
    for row in ecbplus.subtopics("report"):
        sources = tuple(Source(id=d["doc_id"], text=d["text"], path=d["doc_id"]) for d in row["documents"])
        docs = dict(zip([s.id for s in sources], nlp.pipe([s.text for s in sources]), strict=True))
        c = ecbplus.pair_counts(row["entities"], find_entities(sources, docs))
        total.predicted += c.predicted
        total.gold += c.gold
        total.both += c.both
    assert total.precision >= ECB_PRECISION and total.recall >= ECB_RECALL, (total.precision, total.recall)
