from __future__ import annotations

from pathlib import Path

from newsfuse.cluster.api import stored
from newsfuse.cluster.online import ClusterState
from newsfuse.cluster.stream import cluster_articles
from newsfuse.model import DocMeta, RawDocument
from newsfuse.store.sqlite import load_articles, load_state, open_store, save_articles, save_state, stored_config


def test_state_round_trips_and_continues_the_same_stories(tmp_path: Path, quake_and_vote) -> None:
    first, rest = quake_and_vote[:4], quake_and_vote[4:]
    with open_store(tmp_path) as conn:
        state = ClusterState()
        got = cluster_articles(state, first)
        save_state(conn, state, {a.story for a in got})
        save_articles(conn, stored(first, got))
    with open_store(tmp_path) as conn:
        again = load_state(conn, stored_config(conn))
        more = cluster_articles(again, quake_and_vote)  # the first four are known and skipped
        assert [a.article for a in more] == [a.id for a in rest]
    one_go = ClusterState()
    cluster_articles(one_go, quake_and_vote)
    assert {a.story for a in more} <= set(one_go.stories)


def test_articles_keep_their_raw_document(tmp_path: Path, quake_and_vote) -> None:
    raw = RawDocument("f.txt", "body", "text", DocMeta(title="T", outlet="O"), "f.txt")
    article = quake_and_vote[0]
    article = type(article)(article.id, article.origin, "T", article.text, article.published, raw=raw)
    state = ClusterState()
    got = cluster_articles(state, [article])
    with open_store(tmp_path) as conn:
        save_articles(conn, stored([article], got))
        back = load_articles(conn)
    assert back[0].raw == raw and back[0].text == article.text and back[0].published == article.published
