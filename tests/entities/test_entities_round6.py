"""Issue 12, sixth stop: a surname used before the full name, two-letter initials, middle initials."""

from __future__ import annotations

from entities.test_entities_round5 import _mentions
from newsfuse.entities.alias_clusters import cluster_mentions
from newsfuse.entities.aliases import similar_names


def test_a_surname_used_before_the_full_name_names_someone_else():
    spec = [("a", "Obama"), ("a", "Obama"), ("a", "Michelle Obama"), ("a", "Obama"), ("b", "Obama"), ("b", "Obama"),
            ("b", "Michelle Obama"), ("c", "Michelle Obama"), ("c", "Michelle Obama"), ("d", "Obama")]
    entities = cluster_mentions(_mentions(spec))
    michelle = next(e for e in entities if e.name == "Michelle Obama")
    assert "Obama" not in michelle.aliases


def test_a_surname_after_the_full_name_still_joins_it():
    spec = [("a", "Subryan"), ("a", "Vishwanand Subryan"), ("a", "Subryan"), ("b", "Vishwanand Subryan"), ("b", "Subryan"),
            ("c", "Subryan")]  # a's first "Subryan" is its headline
    entities = cluster_mentions(_mentions(spec))
    assert any({"Subryan", "Vishwanand Subryan"} <= set(e.aliases) | {e.name} for e in entities)


def test_two_letters_are_no_person_s_initials():
    from newsfuse.entities.mentions import Mention
    from newsfuse.model import Span

    mentions = [Mention(Span("a", 0, 10), "Dave Camp", "PERSON"), Mention(Span("a", 20, 22), "DC", "GPE"),
                Mention(Span("b", 0, 10), "Dave Camp", "PERSON"), Mention(Span("b", 20, 22), "DC", "GPE")]
    camp = next(e for e in cluster_mentions(mentions) if e.name == "Dave Camp")
    assert "DC" not in camp.aliases


def test_different_middle_initials_are_different_people():
    assert not similar_names("George W. Bush", "George H.W. Bush", person=True)
    assert similar_names("Hillary R. Clinton", "Hilary R. Clinton", person=True)


def test_a_courtesy_title_before_a_surname_is_dropped_from_its_key():
    from newsfuse.entities.aliases import key_tokens

    assert key_tokens("Dr Murray") == ("murray",)
    assert key_tokens("Sen. Lindsey Graham") == ("lindsey", "graham")
    spec = [("a", "Conrad Murray"), ("a", "Dr Murray"), ("b", "Conrad Murray"), ("b", "Dr Murray")]
    murray = next(e for e in cluster_mentions(_mentions(spec)) if e.name == "Conrad Murray")
    assert "Dr Murray" in murray.aliases


def test_role_words_before_a_name_are_not_part_of_it():
    from newsfuse.entities.aliases import key_tokens

    assert key_tokens("Coast Guard Adm. Thad Allen") == ("thad", "allen")
    assert key_tokens("President Obama") == ("obama",)
    assert key_tokens("Vice President") == ("vice", "president")  # a title of a title names no one
    spec = [("a", "Barack Obama"), ("a", "President Obama"), ("b", "President Obama"), ("b", "Obama")]
    assert len(cluster_mentions(_mentions(spec))) == 1


def test_a_country_named_two_ways_is_one_place():
    from newsfuse.entities.mentions import Mention
    from newsfuse.model import Span

    ms = [Mention(Span("a", 0, 13), "United States", "GPE"), Mention(Span("a", 20, 27), "America", "GPE"),
          Mention(Span("b", 0, 7), "America", "GPE"), Mention(Span("b", 10, 19), "Americans", "NORP")]
    names = [set(e.aliases) for e in cluster_mentions(ms)]
    assert {"America", "United States"} in names and {"Americans"} in names


def test_a_speaker_label_in_capitals_joins_the_full_name():
    from newsfuse.entities.mentions import Mention
    from newsfuse.model import Span

    ms = [Mention(Span("a", 0, 14), "Fareed Zakaria", "PERSON"), Mention(Span("a", 20, 27), "ZAKARIA", "GPE"),
          Mention(Span("b", 0, 14), "Fareed Zakaria", "PERSON")]
    assert len(cluster_mentions(ms)) == 1


def test_a_surname_headline_above_the_full_name_decides_nothing():
    spec = [("a", "Jackson"), ("a", "Jackson"), ("a", "Michael Jackson"), ("b", "Michael Jackson"), ("b", "Jackson"),
            ("c", "Michael Jackson"), ("c", "Jackson")]
    assert len(cluster_mentions(_mentions(spec))) == 1


def test_organisations_and_regions_are_not_titled_names_or_aliases():
    from newsfuse.entities.aliases import key_tokens, place_words

    assert key_tokens("Police Department") == ("police", "department")
    assert place_words("Americas") == ("americas",)
