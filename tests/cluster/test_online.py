from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from newsfuse.cluster.online import ClusterConfig, ClusterState, Story, candidates, time_gap_days
from newsfuse.cluster.stream import cluster_articles, stream_order
from newsfuse_eval.clusterscore import bcubed


def test_two_interleaved_stories_are_separated(quake_and_vote) -> None:
    state = ClusterState()
    got = cluster_articles(state, quake_and_vote)
    pred = {a.article: a.story for a in got}
    gold = {a.id: a.id[0] for a in quake_and_vote}
    assert bcubed(pred, gold).f1 == 1.0
    assert len(state.stories) == 2


def test_a_story_expires_after_the_window(quake_and_vote, article_factory) -> None:
    make_article = article_factory
    late = make_article("q9", quake_and_vote[0].text + " Aftershocks continue.", day=20)
    state = ClusterState(replace(ClusterConfig(), window_days=3))
    got = cluster_articles(state, [*quake_and_vote, late])
    by = {a.article: a.story for a in got}
    assert by["q9"] != by["q0"]  # same words, but seventeen days later: a new story


def test_rerun_changes_nothing(quake_and_vote) -> None:
    state = ClusterState()
    cluster_articles(state, quake_and_vote)
    before = {sid: list(s.articles) for sid, s in state.stories.items()}
    assert cluster_articles(state, quake_and_vote) == []
    assert {sid: list(s.articles) for sid, s in state.stories.items()} == before


def test_story_ids_do_not_depend_on_input_order(quake_and_vote) -> None:
    a, b = ClusterState(), ClusterState()
    cluster_articles(a, quake_and_vote)
    cluster_articles(b, list(reversed(quake_and_vote)))
    assert set(a.stories) == set(b.stories)


def test_undated_articles_come_after_dated_ones(article_factory) -> None:
    make_article = article_factory
    undated = make_article("u", "text", day=None)
    dated = make_article("d", "text", day=2)
    assert [a.id for a in stream_order([undated, dated])] == ["d", "u"]


def test_candidates_come_from_the_index_not_a_scan(quake_and_vote, article_factory) -> None:
    make_article = article_factory
    state = ClusterState()
    cluster_articles(state, quake_and_vote)
    from newsfuse.cluster.features import article_terms
    from newsfuse.cluster.online import vectorize

    vecs = vectorize(state, article_terms(make_article("x", "Salmond and the Scottish referendum", day=1)))
    found = candidates(state, vecs)
    assert len(found) == 1 and "v0" in state.stories[next(iter(found))].articles


def test_time_gap_is_zero_inside_a_story_and_without_dates() -> None:
    story = Story("s", datetime(2024, 1, 1), datetime(2024, 1, 3), [], None)
    assert time_gap_days(datetime(2024, 1, 2), story) == 0
    assert time_gap_days(datetime(2024, 1, 5), story) == 2
    assert time_gap_days(None, story) == 0
