"""Issue 12, twentieth stop: a lead cut at the title's limit is tried again in headline grammar (a
passive without its auxiliaries) before another sentence takes its place (made-up sentence, the shape of
report11's lead)."""

from __future__ import annotations

from newsfuse.summary import title as T


def test_a_passive_lead_too_long_drops_its_auxiliaries(nlp):
    text = ("Four people have been arrested in connection with the fatal Hyde Park shooting of a 19-year-old man "
            "who was killed at a car wash after an argument about his red shoes, police announced Tuesday.")
    phrase = T.headline_phrase(next(nlp(text).sents))
    assert phrase == "Four people arrested in connection with the fatal Hyde Park shooting of a 19-year-old man"
    assert T.headline_like(phrase, nlp)


def test_a_lead_that_fits_keeps_its_grammar(nlp):
    phrase = T.headline_phrase(next(nlp("The man has been arrested after the shooting on Monday.").sents))
    assert phrase.startswith("The man has been arrested")


def test_a_modal_passive_keeps_its_auxiliaries(nlp):
    verb = next(t for t in nlp("The suspects will be tried in a federal court in New York next spring.") if t.lemma_ == "try")
    assert T._passive_auxiliaries(verb) == set()


def test_the_sentence_s_own_main_verb_may_close_a_title(nlp):
    sent = nlp("An air search of the remote southern Indian Ocean resumed on Friday, seeking to confirm what "
               "the satellites had spotted.")[:]
    assert not T._hanging(sent, "An air search of the remote southern Indian Ocean resumed")


def test_a_copula_left_last_is_hanging(nlp):
    sent = nlp("Dr Conrad Murray is on trial accused of the involuntary manslaughter of singer Michael Jackson.")[:]
    assert T._hanging(sent, "Dr Conrad Murray is")


def test_an_opening_adverbial_and_a_class_noun_are_no_glued_headline(nlp):
    """Twentieth stop: "In 2002 the tanker" was cut as a headline from a background sentence, which then read
    as the week's news (report11)."""
    from newsfuse.summary.standalone import headline_prefix

    text = "In 2002 the tanker Prestige broke up off Spain's Galician coast causing one of the worst oil disasters."
    assert headline_prefix(nlp(text)[:], parse=nlp) == 0
    glued = "Haiti devastated by massive quake Thousands of people are feared dead after a powerful earthquake."
    assert headline_prefix(nlp(glued)[:], parse=nlp) > 0
