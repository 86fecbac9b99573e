"""``newsfuse cluster --engine ray`` writes what the local engine writes (issue 16).

Starts a local Ray instance on two CPUs; skipped, saying why, where Ray (the optional
extra ``newsfuse[ray]``) is not installed. The 1,000-article feed is built in a temporary
folder from ``../shared/eval`` (read in place; skipped, saying why, where it is absent).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsfuse.cli import main
from newsfuse.cluster.ingest import read_feed
from newsfuse.cluster.stream import article_features
from newsfuse.config import Settings
from newsfuse.store.state import load_articles, open_state

from corpus import EXAMPLE, SHARED, need_shared, output_files

IN_AMENAS = EXAMPLE
UCI = SHARED / "eval" / "cluster-uci-dev" / "articles.jsonl"
MULTINEWS = SHARED / "eval" / "cluster-multinews-val" / "articles.jsonl"


@pytest.mark.integration
def test_ray_engine_writes_the_local_engines_files(tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'newsfuse[ray]'")
    from newsfuse.cluster import spool

    received: list[str] = []

    class Recorded(spool.Briefings):
        def __setitem__(self, sid, outcome):  # type: ignore[no-untyped-def]
            received.append(sid)
            super().__setitem__(sid, outcome)

    monkeypatch.setattr(spool, "Briefings", Recorded)
    args = [str(IN_AMENAS), "--threshold", "0.99", "-q"]  # five one-report stories
    assert main(["cluster", *args, "-o", str(tmp_path / "local"), "--workers", "1"]) == 0
    assert main(["cluster", *args, "-o", str(tmp_path / "ray"), "--engine", "ray", "--workers", "2"]) == 0
    local, ray = output_files(tmp_path / "local"), output_files(tmp_path / "ray")
    assert len([f for f in local if f.startswith("stories/") and f.endswith(".json")]) == 5
    assert local == ray
    assert len(set(received)) == 5  # all five were briefed by the Ray actors, none left to the serial fallback


def thousand_articles(folder: Path) -> list[str]:
    """1,000 real articles: the 289 usable Multi-News validation articles (full text, undated; of 293,
    one repeats another and three are too short) and the first 711 UCI headlines (dated, headline
    only), plus one malformed line and one repeated record so that rejections and the duplicate rule
    are compared too."""
    uci = need_shared(UCI).read_text(encoding="utf-8").splitlines(keepends=True)[:711]
    folder.mkdir()
    (folder / "uci.jsonl").write_text("".join(uci[:400]) + "{not json\n" + "".join(uci[400:]) + uci[3],
                                      encoding="utf-8")
    return [str(folder / "uci.jsonl"), str(need_shared(MULTINEWS))]


def cluster(inputs: list[str], folder: Path, engine: str) -> tuple[dict[str, bytes], list]:
    """One run without briefings: the files written and every article's row in the ``--state`` store."""
    out, state = folder / f"out-{engine}", folder / f"state-{engine}"
    code = main(["cluster", *inputs, "-o", str(out), "--state", str(state), "--no-briefings", "-q",
                 "--engine", engine, "--workers", "2" if engine == "ray" else "1"])
    assert code == 1  # the malformed line, the repeated record and Multi-News's own rejects are reported
    with open_state(state) as db, db.read() as conn:
        return output_files(out), load_articles(conn)[0]


@pytest.mark.integration
def test_ray_engine_clusters_1000_articles_as_the_local_engine_does(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'newsfuse[ray]'")
    from newsfuse.cluster.ray_engine import features_with_ray, ray_session

    inputs = thousand_articles(tmp_path / "feed")
    local = cluster(inputs, tmp_path, "local")
    with ray_session(workers=2):  # one local instance for the run and the feature pool below
        ray = cluster(inputs, tmp_path, "ray")
        articles = read_feed(inputs, Settings()).articles
        assert features_with_ray(articles, None) == article_features(articles, None)  # the actor pool's path
    index = json.loads(local[0]["index.json"])
    assert index["counts"]["articles"] == 1000
    assert len(index["rejected"]) == 2 + 4
    assert index["counts"]["multi_article_stories"] > 50
    assert ray == local  # index pages, and every article's story and score in the store


def test_the_local_engine_imports_nothing_of_ray(tmp_path: Path) -> None:
    code = ("import sys; from newsfuse.cli import main; "
            f"main(['cluster', {str(IN_AMENAS)!r}, '-o', {str(tmp_path / 'o')!r}, '--no-briefings', '-q']); "
            "print(sorted(m for m in sys.modules if m == 'ray' or m.startswith('ray.')))")
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert got.stdout.strip() == "[]"


def test_address_without_the_ray_engine_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["cluster", str(IN_AMENAS), "-o", str(tmp_path / "o"), "--address", "127.0.0.1:6379", "-q"]) == 2
    assert "--engine ray" in capsys.readouterr().err


@pytest.mark.integration
def test_ray_engine_with_embeddings_clusters_as_the_local_engine_does(tmp_path: Path) -> None:
    """``--embeddings`` on Ray: the vectors come from the feature actors (each loads MiniLM), the
    local engine encodes in the driver; the assignment, and so every file and store row, must match."""
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'newsfuse[ray]'")
    pytest.importorskip("sentence_transformers", reason="embeddings are an optional extra: pip install 'newsfuse[embeddings]'")
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "uci.jsonl").write_text("".join(need_shared(UCI).read_text(encoding="utf-8").splitlines(keepends=True)[:300]),
                                    encoding="utf-8")
    runs = {}
    for engine in ("local", "ray"):
        out, state = tmp_path / f"out-{engine}", tmp_path / f"state-{engine}"
        assert main(["cluster", str(feed / "uci.jsonl"), "-o", str(out), "--state", str(state), "--no-briefings",
                     "-q", "--embeddings", "--engine", engine, "--workers", "2" if engine == "ray" else "1"]) == 0
        with open_state(state) as db, db.read() as conn:
            runs[engine] = output_files(out), load_articles(conn)[0]
    assert json.loads(runs["local"][0]["index.json"])["counts"]["multi_article_stories"] > 10
    assert runs["ray"] == runs["local"]


@pytest.mark.integration
def test_ray_engine_streams_the_feed_in_windows_and_clusters_as_before(tmp_path: Path, monkeypatch) -> None:
    """Cleaning in several Ray Data jobs (a window of records each), the term bags read back from
    their file: the same clustering as the local engine, with a window far smaller than the feed."""
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'newsfuse[ray]'")
    from newsfuse.cluster import ray_engine

    monkeypatch.setattr(ray_engine, "CLEAN_WINDOW", 150)
    windows: list[int] = []
    real = ray_engine.RayFeed._clean_window

    def counted(self, items, settings):  # type: ignore[no-untyped-def]
        windows.append(len(items))
        return real(self, items, settings)

    monkeypatch.setattr(ray_engine.RayFeed, "_clean_window", counted)
    feed = tmp_path / "feed"
    feed.mkdir()
    uci = need_shared(UCI).read_text(encoding="utf-8").splitlines(keepends=True)[:500]
    (feed / "uci.jsonl").write_text("".join(uci) + uci[7], encoding="utf-8")  # a repeat in another window
    inputs = [str(feed / "uci.jsonl"), str(IN_AMENAS)]
    local = cluster(inputs, tmp_path, "local")  # the repeated record is reported: exit 1
    ray = cluster(inputs, tmp_path, "ray")
    assert len(windows) >= 4 and max(windows) == 150
    assert ray == local

