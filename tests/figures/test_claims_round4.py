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
