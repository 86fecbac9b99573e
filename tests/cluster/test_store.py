from __future__ import annotations

from collections import Counter
from pathlib import Path

from newsfuse.cluster.api import stored
from newsfuse.cluster.online import ClusterState
from newsfuse.cluster.stream import cluster_articles
from newsfuse.model import DocMeta, RawDocument
from newsfuse.store import records as rec
from newsfuse.store.state import load_articles, open_state, save_run


def test_state_round_trips_and_continues_the_same_stories(tmp_path: Path, quake_and_vote) -> None:
    first, rest = quake_and_vote[:4], quake_and_vote[4:]
    with open_state(tmp_path) as db, db.write() as conn:
        state = ClusterState()
        got = cluster_articles(state, first)
        save_run(conn, state, Counter(), stored(first, got))
    with open_state(tmp_path) as db, db.read() as conn:
        again = rec.load_cluster(conn, rec.stored_config(conn))
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
    got = cluster_articles(state, [article, quake_and_vote[1]])
    with open_state(tmp_path) as db:
        with db.write() as conn:
            save_run(conn, state, Counter(), stored([article, quake_and_vote[1]], got))
        with db.read() as conn:
            back, _ = load_articles(conn)
    assert back[0].raw == raw and back[0].text == article.text and back[0].published == article.published
    assert back[1].raw is None and back[1].text == quake_and_vote[1].text  # given without a raw document


def test_a_run_holds_articles_light_and_reads_a_story_whole_when_it_is_briefed(tmp_path: Path, quake_and_vote) -> None:
    """``load_articles(texts=False)`` keeps no raw documents and only each text's lead, yet the index
    built from it is the same; ``load_story_articles`` gives one story's articles whole."""
    from newsfuse.cluster.index import build_index
    from newsfuse.store.state import LIGHT_TEXT_CHARS, load_story_articles

    long = quake_and_vote[0]
    raw = RawDocument("f.txt", "body " * 300, "text", DocMeta(title="T", outlet="O"), "f.txt")
    long = type(long)(long.id, long.origin, None, long.text + " More words here." * 60, long.published, raw=raw)
    articles = [long, *quake_and_vote[1:]]
    state = ClusterState()
    got = cluster_articles(state, articles)
    with open_state(tmp_path) as db:
        with db.write() as conn:
            save_run(conn, state, Counter(), stored(articles, got))
        with db.read() as conn:
            whole, ids = load_articles(conn)
            light, light_ids = load_articles(conn, texts=False)
            by_story = {s: load_story_articles(conn, s) for s in {a.story for a in whole}}
    assert ids == light_ids and len(whole[0].text) > LIGHT_TEXT_CHARS
    assert all(a.raw is None and a.text == w.text[:LIGHT_TEXT_CHARS] and a.size == len(w.text)
               for a, w in zip(light, whole, strict=True))
    assert by_story == {s: [a for a in whole if a.story == s] for s in by_story}
    briefings = {s: None for s in by_story}
    assert build_index(light, briefings, [], {}) == build_index(whole, briefings, [], {})
