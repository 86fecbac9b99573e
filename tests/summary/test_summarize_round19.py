"""Issue 12, nineteenth stop: a named person in the simple present of a scene verb, with no day, is a
photo caption or a video page's standfirst (made-up sentences of the read splits' shapes)."""

from __future__ import annotations

from newsfuse.summary.standalone import judge


def _skip(nlp, text):
    return judge(next(nlp(text).sents)).skip


def test_a_present_scene_of_a_named_person_is_a_caption(nlp):
    assert _skip(nlp, "Dennis Kucinich questions the bank's chief at the committee on oversight.")
    assert _skip(nlp, "David Shukman looks at how the country trains for a major oil spill.")


def test_news_in_the_present_or_with_a_day_stands(nlp):
    assert not _skip(nlp, "Charisse Stinson faces murder charges in connection with the boy's death.")
    assert not _skip(nlp, "Dennis Kucinich questions the bank's chief on Thursday at the committee.")
    assert not _skip(nlp, "The senator stands by his support for the war.")
