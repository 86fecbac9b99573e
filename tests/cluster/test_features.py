from __future__ import annotations

from newsfuse.cluster.features import article_terms, content_words, is_title_case, name_phrases, normalise_word
from newsfuse.cluster.model import Article


def test_content_words_drop_stop_words_and_numbers() -> None:
    assert content_words("The hostages were freed on Saturday, 2013 officials said") == ["hostage", "freed", "official"]


def test_normalise_word_keeps_names_plural() -> None:
    assert normalise_word("Hostages") == "hostage"
    assert normalise_word("Amenas", plural=False) == "amenas"
    assert normalise_word("Algeria’s") == "algeria"


def test_name_phrases_join_capitalised_runs_and_skip_sentence_openers() -> None:
    names = name_phrases("The attack at In Amenas was led by Mokhtar Belmokhtar. They fled to the Gulf of Mexico.")
    assert "amenas" in names and "mokhtar belmokhtar" in names and "gulf mexico" in names
    assert "they" not in names and "the" not in names


def test_title_case_headline_gives_no_names() -> None:
    assert is_title_case("Fed Official Says Weak Data Caused By Weather")
    article = Article("a", "t", "Fed Official Says Weak Data Caused By Weather", "", None)
    assert not article_terms(article).names
    assert "weather" in article_terms(article).title
