"""``entities.lookup.WordIndex`` against the full scan it replaces: one regex per name over every text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.entities.lookup import WordIndex, name_pattern

_WORDS = ["John", "john", "JOHN", "Smith", "smith", "Gulf", "of", "Mexico", "U", "S", "BP", "ſmith", "Straße", "ıstanbul",
          "STRASSE", "İstanbul", "istanbul", "K", "\u212a"]
_GLUE = [" ", " ", "-", ".", ", ", "'s ", "\n", "_"]


def _text(draw_words, draw_glue) -> str:
    return "".join(w + g for w, g in zip(draw_words, draw_glue, strict=False))


texts = st.lists(st.tuples(st.lists(st.sampled_from(_WORDS), max_size=12), st.lists(st.sampled_from(_GLUE), max_size=12)),
                 min_size=1, max_size=5).map(lambda parts: {f"s{k}": _text(w, g) for k, (w, g) in enumerate(parts)})
forms = st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3), st.sampled_from([" ", "-", ". ", " of "])).map(
    lambda wg: wg[1].join(wg[0]))


@settings(max_examples=400, deadline=None)
@given(texts, st.lists(forms, min_size=1, max_size=4), st.booleans())
def test_lookup_finds_what_the_full_scan_finds(found_in: dict[str, str], names: list[str], fold: bool) -> None:
    """Every article where the name's regex matches is among ``may_hold`` (which asks every word of
    the name, not only the first), and ``occurrences`` lists exactly the regex's matches there."""
    index = WordIndex.build(found_in)
    for form in names:
        pattern = name_pattern(form, fold=fold)
        held = index.may_hold(form)
        for sid, text in found_in.items():
            scan = [m.span() for m in pattern.finditer(text)]
            if scan:
                assert held is None or sid in held, (form, text)
            if held is None or sid in held:
                assert index.occurrences(form, sid, fold=fold) == scan


def test_a_name_is_looked_for_only_where_all_its_words_are() -> None:
    index = WordIndex.build({"a": "John Brown met Jane Smith.", "b": "John Smith spoke.", "c": "Smith, John."})
    assert index.may_hold("John Smith") == {"a", "b", "c"}  # every word, anywhere: a superset
    assert index.may_hold("Jane Smith") == {"a"}
    assert index.may_hold("Ann Smith") == set()
    assert index.may_hold("-Smith") is None
