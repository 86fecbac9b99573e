"""Issue 11, tenth stop: what "others" count when the count before them is no claim, and labels of
sums named by a noun (made-up sentences, the shapes of the report8 and report9 splits' failures)."""

from __future__ import annotations

from claim_sentences import figures, parsed


def shown(nlp, texts):
    return [f for f in figures(nlp, texts) if f.status != "single"]


def test_others_count_the_noun_a_number_counted_before_them(nlp):
    (c,) = [c for c in parsed(nlp, "s", "The crash left one dog dead and two others seriously injured.") if c.value == 2]
    assert (c.counts, c.head) == ("other dogs", "dog")


def test_others_count_the_noun_of_a_partitive_before_them(nlp):
    found = parsed(nlp, "s", "The snowmobile killed one of the team's dogs and injured at least two others.")
    (c,) = [c for c in found if c.value == 2]
    assert c.counts == "other dogs"


def test_a_sum_named_by_a_noun_is_labelled_by_it_without_the_event_class(nlp):
    figs = shown(nlp, {
        "a": "The ring sold the visas at a cost of $6,000 each.",
        "b": "Travellers got the documents for a cost of $6,000.",
    })
    assert [f.label for f in figs] == ["cost (USD)"]  # not "amount spent (USD)" nor "cost spent (USD)"
