"""Issue 11, round 4: what a unit noun counts, labels in the text's words, and sayers in relative or
participle clauses (made-up sentences, same shapes as the report4 and report splits' failures)."""

from __future__ import annotations

from datetime import date

from newsfuse.figures.align import build_figures
from newsfuse.figures.claims import doc_claims
from newsfuse.nlp.sentences import doc_sentences

DAY = date(2020, 4, 22)


def parsed(nlp, source, text):
    doc = nlp(text)
    return doc_claims(source, doc, doc_sentences(source, doc), DAY)


def by_text(claims, number):
    return next(c for c in claims if number in c.text)


def shown(nlp, texts):
    claims = [c for sid, text in texts.items() for c in parsed(nlp, sid, text)]
    figs = build_figures(claims, tuple((sid,) for sid in texts), frozenset(), texts)
    return [f for f in figs if f.status != "single"]


def test_units_of_different_things_never_group(nlp):
    figs = shown(nlp, {
        "a": "Smith was charged with two counts of fraud. Jones was charged with two counts of perjury.",
        "b": "Smith faces two counts of fraud, and Jones faces two counts of perjury.",
    })
    assert sorted(f.label.split(" (")[0] for f in figs) == ["counts of fraud", "counts of perjury"]
    assert all(len(f.values) == 1 and len(f.values[0].sources) == 2 for f in figs)


def test_units_of_a_thing_are_not_people_counted_alike(nlp):
    figs = shown(nlp, {
        "a": "The coach was convicted of three counts of assault.",
        "b": "Of the players, three were charged by the police.",
    })
    assert figs == []  # three counts and three people charged share a number and a verb by chance


def test_a_label_uses_the_verb_as_written(nlp):
    figs = shown(nlp, {
        "a": "The lawyer said he paid the actress $90,000.",
        "b": "The company had paid her $90,000, the newspaper found.",
    })
    assert [f.label for f in figs] == ["amount paid (USD)"]


def test_a_saying_verb_in_a_relative_clause_is_no_sayer(nlp):
    # the parser hangs "said" on the main verb; its clause's subject is the relative "that"
    claims = parsed(nlp, "s", "Two clerks were charged Monday for allegedly selling cars and boats of her and her "
                              "husband that authorities said were stolen from the lot.")
    assert by_text(claims, "Two").attribution is None


def test_a_closing_reporting_clause_names_its_sayer(nlp):
    claims = parsed(nlp, "s", "Two aides have been charged over the leak of photos of a senator and her husband, "
                              "federal prosecutors and the city police announced Thursday.")
    assert by_text(claims, "Two").attribution == "federal prosecutors and the city police"


def test_a_participle_of_saying_speaks_for_its_clause_subject(nlp):
    claims = parsed(nlp, "s", 'On Thursday, the airline took out a full-page advertisement in a newspaper, saying: '
                              '"Our condolences go out to the loved ones of the 239 passengers."')
    assert by_text(claims, "239").attribution == "the airline"


def test_a_magnitude_is_a_measure_of_the_quake(nlp):
    figs = shown(nlp, {
        "a": "A magnitude 6.1 earthquake struck the island on Monday.",
        "b": "A 6.0-magnitude quake hit the island on Monday, officials said.",
    })
    assert [(f.status, f.label, f.unit) for f in figs] == [("conflict", "earthquake (magnitude)", "magnitude")]


def test_a_magnitude_counts_nothing(nlp):
    claims = parsed(nlp, "s", "A magnitude 6.1 earthquake killed 12 people on the island.")
    quake = by_text(claims, "6.1")
    assert (quake.kind, quake.unit, quake.predicate) == ("measure", "magnitude", None)


def test_a_named_persons_age_is_a_measure_of_that_person(nlp):
    figs = shown(nlp, {
        "a": "John Smith, 41, was arrested on Monday. Jane Smith, 39, said he was innocent.",
        "b": "Police arrested the 42-year-old John Smith at his home.",
    })
    assert [(f.status, f.label) for f in figs] == [("conflict", "age of John Smith (years old)")]


def test_an_unnamed_age_is_no_claim(nlp):
    claims = parsed(nlp, "s", "A 24-year-old man was pulled from the rubble. Smith, 41, was arrested.")
    assert claims == []  # anyone could be "a 24-year-old man"; a surname alone may be a brother's


def test_an_age_a_birthday_later_is_no_dispute():
    from newsfuse.figures.align import _aged
    from newsfuse.model import Claim, Span

    def age(value, day):
        return Claim("c", Span("s", 0, 1), "", value, "exact", "age of John Smith", as_of=day, kind="measure",
                     unit="years old")
    assert _aged(age(41, date(2019, 1, 1)), age(42, date(2020, 3, 1)))
    assert not _aged(age(41, date(2019, 1, 1)), age(42, date(2019, 1, 2)))


def test_the_agent_of_a_passive_saying_is_the_sayer(nlp):
    claims = parsed(nlp, "s", "The three suspects were identified by the county prosecutor's office as: "
                              "John Doe, 24; Richard Roe, 30; and Mary Major, 27.")
    assert {c.attribution for c in claims if c.unit} == {"the county prosecutor's office"}
    assert by_text(claims, "three").attribution is None  # the identified are counted, not identified as three


def test_a_surname_takes_the_one_full_name_the_report_gives_it(nlp):
    figs = shown(nlp, {
        "a": "Police arrested John Smith on Monday. Smith, 41, denied the charges.",
        "b": "John Smith, 42, was held overnight.",
        "c": "Smith, 42, was held overnight. His brother Paul Smith and their father Mark Smith said he was innocent.",
    })
    assert [(f.status, f.label, sorted(s for v in f.values for s in v.sources)) for f in figs] == \
        [("conflict", "age of John Smith (years old)", ["a", "b"])]  # c's "Smith" could be either brother


def test_a_named_persons_term_is_one_quantity_across_reports(nlp):
    figs = shown(nlp, {
        "a": "John Smith was sentenced to 10 years in prison on Friday. Mary Jones was sentenced to 12 years in prison.",
        "b": "John Smith, a former banker, wept in court. A judge sentenced Smith to 12 years in prison.",
    })
    assert [(f.status, f.label) for f in figs] == [("conflict", "sentence of John Smith (years)")]


def test_two_terms_for_one_person_in_one_sentence_are_parts(nlp):
    figs = shown(nlp, {
        "a": "John Smith was sentenced to 10 years for robbery and was sentenced to five years for assault.",
        "b": "John Smith was sentenced to five years in prison.",
    })
    assert figs == []
