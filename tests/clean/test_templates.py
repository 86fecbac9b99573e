"""Site templates: lines an outlet prints around every page, found across the pages of one run."""

from __future__ import annotations

from newsfuse.clean.templates import template_lines
from newsfuse.clean.text import TEMPLATE_REASON
from newsfuse.config import Settings
from newsfuse.model import DocMeta, RawDocument
from newsfuse.sources import build_sources

SIGNUP = [
    "Get the Morning Brief delivered to your inbox every morning.",
    "Martha Quill of the Institute for Fiscal Studies argues that the levy raised less than forecast.",
    "The Harbour Task Force proposes new limits on the port budget.",
]
POST_A = [
    "The central bank held its main rate at 2 percent on Tuesday, citing slowing prices.",
    "Governor Ana Ruiz told reporters the board had voted six to three.",
    "Markets had expected a cut after weak retail figures last week.",
]
POST_B = [
    "Lawmakers approved a bill on Thursday requiring lenders to disclose fees in plain language.",
    "The measure passed 61 to 38 after a week of debate over its enforcement clause.",
    "Consumer groups said the bill did not go far enough on overdraft charges.",
]


def page(*lines: str) -> str:
    return "\n".join(lines)


def test_a_sign_up_and_teaser_block_at_the_top_of_two_posts_is_the_site_s() -> None:
    found = template_lines([("Daily Ledger", page(*SIGNUP, *POST_A)), ("Daily Ledger", page(*SIGNUP, *POST_B))])
    assert found == (frozenset(SIGNUP), frozenset(SIGNUP))


def test_other_outlets_and_pages_without_an_outlet_are_never_compared() -> None:
    assert template_lines([("Daily Ledger", page(*SIGNUP, *POST_A)), ("Evening Post", page(*SIGNUP, *POST_B))]) == (
        frozenset(), frozenset())
    assert template_lines([(None, page(*SIGNUP, *POST_A)), (None, page(*SIGNUP, *POST_B))]) == (frozenset(), frozenset())


def test_an_updated_story_keeps_its_shared_lede() -> None:
    """An update keeps its lede and most of its body: the lede is news, not template."""
    update = [POST_A[0], POST_A[1].replace("six to three", "six to three, with two abstaining"), POST_A[2],
              "Analysts now expect the next move in the spring."]
    assert template_lines([("Daily Ledger", page(*POST_A)), ("Daily Ledger", page(*update))]) == (frozenset(), frozenset())


def test_a_line_shared_in_the_middle_of_a_page_is_not_template() -> None:
    shared = "The committee will publish its minutes in three weeks, officials said."
    one = page(POST_A[0], shared, POST_A[1], POST_A[2])
    two = page(POST_B[0], POST_B[1], shared, POST_B[2])
    assert template_lines([("Daily Ledger", one), ("Daily Ledger", two)]) == (frozenset(), frozenset())


def test_a_closing_line_that_names_what_the_story_names_is_the_story_s() -> None:
    """Two pages closing on one background paragraph about the story's own subject keep it."""
    close = "Ruiz has led the bank since 2019 and has not cut rates in her tenure."
    promo = "Sign up for our newsletter on the world of personal finance and saving."
    one = page(*POST_A, close, promo)
    two = page(*POST_B, "Ruiz declined to comment on the bill.", close, promo)
    assert template_lines([("Daily Ledger", one), ("Daily Ledger", two)]) == (frozenset({promo}), frozenset({promo}))


def test_build_sources_drops_the_template_and_audits_it() -> None:
    docs = [RawDocument(f"{n}.txt", page(*SIGNUP, *body), "text", DocMeta(outlet="Daily Ledger"), f"{n}.txt")
            for n, body in (("a", POST_A), ("b", POST_B))]
    sources, rejected = build_sources(docs, Settings())
    assert not rejected and len(sources) == 2
    for source in sources:
        assert "Morning Brief" not in source.text and "Harbour Task Force" not in source.text
        assert POST_A[0] in source.text or POST_B[0] in source.text
        dropped = [r for r in source.removed if r.reason == TEMPLATE_REASON]
        assert [r.text for r in dropped] == SIGNUP
        assert all(source.extracted[r.start : r.end] == r.text for r in dropped)
