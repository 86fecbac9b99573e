"""Mentions from spaCy NER, repaired, and the naming patterns (real model, short made-up texts)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.entities.mentions import Mention, ner_mentions
from newsfuse.entities.patterns import find_patterns
from newsfuse.model import Span


def texts(nlp, text: str) -> list[str]:
    return [m.text for m in ner_mentions("s", nlp(text))]


def findings(nlp, text: str):
    return find_patterns("s", text, ner_mentions("s", nlp(text)))


def test_mentions_slice_back_to_their_text(nlp) -> None:
    text = "Norway's Statoil said the U.S. Coast Guard and Britain's BP were at the Gulf of Mexico site."
    for m in ner_mentions("s", nlp(text)):
        assert text[m.span.start : m.span.end] == m.text


def test_article_and_possessive_are_trimmed(nlp) -> None:
    found = texts(nlp, "Officials from the U.S. Coast Guard spoke to South Korea's navy on Tuesday.")
    assert "U.S. Coast Guard" in found
    assert "South Korea" in found


def test_time_zones_and_tickers_are_not_names(nlp) -> None:
    found = texts(nlp, "Shares of Devon Energy (DVN.N) fell at 5 p.m. CDT, traders in New York said.")
    assert "CDT" not in found
    assert "DVN" not in found


def test_hyphenated_name_opening_a_sentence_is_kept_whole(nlp) -> None:
    found = texts(nlp, "Signed-in-Blood Battalion leader Mokhtar Belmokhtar claimed the attack in a video.")
    assert "Signed-in-Blood Battalion" in found


def test_hyphenated_modifier_is_cut_from_the_name(nlp) -> None:
    found = texts(nlp, "The attack was claimed by an al-Qaeda-affiliated group in the Sahara.")
    assert "al-Qaeda" in found
    assert not any("affiliated" in f for f in found)


def test_person_in_the_place_slot_votes_for_a_place(nlp) -> None:
    mentions = ner_mentions("s", nlp("France sent 2,000 troops to Mali and more to Togo last week."))
    labels = {m.text: m.label for m in mentions}
    assert labels.get("Mali") in {"GPE", "LOC"}


def test_quoted_group_name_is_a_mention(nlp) -> None:
    text = "The gunmen from a group known as “Signatories in Blood” had been holed up in the gas complex."
    found = findings(nlp, text)
    names = {m.text: m for m in found.mentions}
    assert "Signatories in Blood" in names
    assert names["Signatories in Blood"].label == "ORG"
    assert not any(m.text == "Blood" for m in found.mentions)


def test_gloss_states_an_equivalence(nlp) -> None:
    text = ('Members of Belmokhtar\'s Mulathameen brigade, whose name means "The Masked Ones", '
            "had told the agency the attack was retaliation.")
    found = findings(nlp, text)
    spans = {m.text: m.span for m in found.mentions}
    assert {"Mulathameen brigade", "The Masked Ones"} <= set(spans)
    pairs = {(text[e.a.start : e.a.end], text[e.b.start : e.b.end]) for e in found.equivalences}
    assert ("Mulathameen brigade", "The Masked Ones") in pairs
    leaders = {(text[lead.group.start : lead.group.end], text[lead.leader.start : lead.leader.end])
               for lead in found.leaderships}
    assert ("Mulathameen brigade", "Belmokhtar") in leaders


def test_lowercase_epithet_after_a_naming_cue(nlp) -> None:
    text = "The group named Omar Abdel-Rahman, an Egyptian referred to as the “blind sheikh”, in its demands."
    found = findings(nlp, text)
    pairs = {(text[e.a.start : e.a.end], text[e.b.start : e.b.end]) for e in found.equivalences}
    assert ("Omar Abdel-Rahman", "blind sheikh") in pairs


def test_quoted_speech_is_not_a_name(nlp) -> None:
    text = "The source said troops were trying to reach a “peaceful” end. “We think they were killed,” he said."
    found = findings(nlp, text)
    assert not any(m.origin == "pattern" for m in found.mentions)


def test_led_by_and_leader_patterns(nlp) -> None:
    text = "“Signatories in Blood,” led by Algerian Mokhtar Belmokhtar, claimed the raid."
    found = findings(nlp, text)
    leaders = {(text[lead.group.start : lead.group.end], text[lead.leader.start : lead.leader.end])
               for lead in found.leaderships}
    assert ("Signatories in Blood", "Mokhtar Belmokhtar") in leaders


def test_bracketed_acronym(nlp) -> None:
    text = "The Minerals Management Service (MMS) said its inspectors had visited the rig."
    found = findings(nlp, text)
    pairs = {(text[e.a.start : e.a.end], text[e.b.start : e.b.end]) for e in found.equivalences}
    assert ("Minerals Management Service", "MMS") in pairs


def test_dateline_is_a_place(nlp) -> None:
    text = "ALGIERS – The Algerian army carried out a final assault.\n\nNEW ORLEANS -- Crews searched the water."
    found = {m.text for m in findings(nlp, text).mentions}
    assert {"ALGIERS", "NEW ORLEANS"} <= found


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*"ab AB“”\"'(),.-–:\n", "known as ", "led by ", "’s ", "Xy ", "MMS"]), max_size=40).map("".join))
def test_patterns_never_crash_and_spans_slice_back(text: str) -> None:
    seed = [Mention(Span("s", 0, min(2, len(text))), text[: min(2, len(text))], "ORG")] if len(text) >= 2 else []
    found = find_patterns("s", text, seed)
    for m in found.mentions:
        assert text[m.span.start : m.span.end] == m.text
    for e in found.equivalences:
        assert e.a.end <= len(text) and e.b.end <= len(text)


def test_appositive_noun_gives_a_type_cue(nlp) -> None:
    [mention] = ner_mentions("s", nlp("The state oil and gas company, Sonatrach, said the militants were gone."))
    assert (mention.text, mention.label, mention.cue) == ("Sonatrach", "PERSON", "ORG")


def test_appositive_name_the_model_missed_is_a_mention(nlp) -> None:
    doc = nlp("Karl Kleppinger said his son, Karl, was among the missing.")
    doc.ents = []  # as if the model had tagged nothing
    found = {(m.text, m.label) for m in ner_mentions("s", doc)}
    assert ("Karl", "PERSON") in found


def test_places_listed_with_places_vote_for_a_place(nlp) -> None:
    doc = nlp("Troops came from Nigeria, Togo and Benin.")
    labels = {m.text: m.label for m in ner_mentions("s", doc)}
    assert all(labels.get(p, "GPE") == "GPE" for p in ("Togo", "Benin"))


def test_also_known_as_without_quotes(nlp) -> None:
    text = "Mokhtar Belmokhtar, also known as Khaled Abou El Abbas, led the raid."
    found = findings(nlp, text)
    pairs = {(text[e.a.start : e.a.end], text[e.b.start : e.b.end], e.reason) for e in found.equivalences}
    assert ("Mokhtar Belmokhtar", "Khaled Abou El Abbas", "alias") in pairs


def test_bracketed_name_after_a_group(nlp) -> None:
    text = "Fighters of the Signed-in-Blood Battalion (Al-Mouwakoune Biddima) seized the plant."
    found = findings(nlp, text)
    pairs = {(text[e.a.start : e.a.end], text[e.b.start : e.b.end]) for e in found.equivalences}
    assert ("Signed-in-Blood Battalion", "Al-Mouwakoune Biddima") in pairs


def test_bracketed_credit_after_a_person_is_no_alias(nlp) -> None:
    text = "Rescuers search the water, photographed by Gerald Herbert (Associated Press) on Friday."
    found = findings(nlp, text)
    assert not any(e.reason == "bracketed name" for e in found.equivalences)


def test_bracketed_acronym_the_model_skipped_is_a_mention(nlp) -> None:
    text = "The Gulf Restoration Network (GRN) said the spill was growing."
    doc = nlp(text)
    doc.ents = [e for e in doc.ents if e.text != "GRN"]
    found = find_patterns("s", text, ner_mentions("s", doc))
    assert "GRN" in {m.text for m in found.mentions}
    pairs = {(text[e.a.start : e.a.end], text[e.b.start : e.b.end]) for e in found.equivalences}
    assert ("Gulf Restoration Network", "GRN") in pairs


def test_a_rig_named_before_its_noun_is_a_facility(nlp) -> None:
    text = "The Deepwater Horizon rig sank on Thursday."
    mentions = {m.text: m for m in ner_mentions("s", nlp(text))}
    assert mentions["Deepwater Horizon"].cue == "FAC"


def test_called_right_after_a_name_is_the_verb(nlp) -> None:
    """ "X called Y" with nothing between is a phone call or an appointment, not a naming:
    the two people stay apart (a king joined to the president he phoned)."""
    text = "Late Friday, Senator John Smith called Governor Mary Jones to discuss the storm."
    found = findings(nlp, text)
    assert {"John Smith", "Governor Mary Jones"} <= {m.text for m in found.mentions}
    assert not found.equivalences
    alias = "Mokhtar Belmokhtar, called Khaled Abou El Abbas by his men, led the raid."
    pairs = {(alias[e.a.start : e.a.end], alias[e.b.start : e.b.end]) for e in findings(nlp, alias).equivalences}
    assert ("Mokhtar Belmokhtar", "Khaled Abou El Abbas") in pairs


def test_no_name_runs_across_a_blank_line(nlp) -> None:
    # The model reads a headline's last word into the next paragraph's first name ("News\n\nPrice",
    # tune split): each side is its own name, with no type vote.
    doc = nlp("Breaking News\n\nPrice said the boy was found on Sunday.")
    found = [m for m in ner_mentions("s", doc) if "Price" in m.text]
    assert found and all("\n" not in m.text for m in ner_mentions("s", doc))
    assert found[0].text == "Price" and found[0].label is None
