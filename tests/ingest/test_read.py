"""Ingest: every input kind, manifests, and bad input reported with its name and reason."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsfuse.config import Settings
from newsfuse.ingest.read import read_inputs

from corpus import EXAMPLE, example_file

ARTICLE = example_file("002").read_text(encoding="utf-8")
HTML = (
    "<!DOCTYPE html><html><head><title>Algeria siege ends - Example News</title>"
    '<meta property="og:site_name" content="Example News">'
    '<meta property="article:published_time" content="2013-01-20T09:00:00Z"></head><body>'
    "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>Algeria siege ends</h1>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[2:8])
    + "</article><footer>Copyright 2013 Example News</footer></body></html>"
)


def test_plain_text_file() -> None:
    got = read_inputs([str(example_file("000"))], Settings())
    assert len(got.documents) == 1 and not got.rejected
    assert got.documents[0].kind == "text" and got.documents[0].content.startswith("This photo")


def test_directory_is_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "README.md").write_text("# not an article", encoding="utf-8")
    got = read_inputs([str(tmp_path)], Settings())
    assert [Path(d.origin).name for d in got.documents] == ["one.txt", "two.html"]
    assert [d.kind for d in got.documents] == ["text", "html"]


def test_example_directory_reads_five() -> None:
    assert len(read_inputs([str(EXAMPLE)], Settings()).documents) == 5


def test_json_and_jsonl_records(tmp_path: Path) -> None:
    recs = [{"text": ARTICLE, "outlet": "Reuters", "title": "T", "published": "2013-01-20", "url": "https://x.test/a"},
            {"html": HTML}]
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(recs[0]), encoding="utf-8")
    got = read_inputs([str(tmp_path / "dump.jsonl"), str(tmp_path / "one.json")], Settings())
    assert [d.kind for d in got.documents] == ["text", "html", "text"]
    first = got.documents[0].meta
    assert (first.outlet, first.published, first.published_from) == ("Reuters", date(2013, 1, 20), "metadata")


def test_malformed_record_line_is_rejected_others_kept(tmp_path: Path) -> None:
    (tmp_path / "dump.jsonl").write_text(json.dumps({"text": ARTICLE}) + "\n{not json\n" + json.dumps({"title": "no body"}) + "\n",
                                         encoding="utf-8")
    got = read_inputs([str(tmp_path / "dump.jsonl")], Settings())
    assert len(got.documents) == 1
    reasons = {r.path: r.reason for r in got.rejected}
    assert "malformed JSON" in reasons[f"{tmp_path / 'dump.jsonl'}:2"]
    assert "no 'text' or 'html'" in reasons[f"{tmp_path / 'dump.jsonl'}:3"]


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_manifest_overrides_detected_metadata(tmp_path: Path, suffix: str) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    row = {"path": "a.txt", "outlet": "Reuters", "title": "Kidnappers taken alive", "published": "2013-01-20"}
    manifest = tmp_path / f"m.{suffix}"
    if suffix == "csv":
        manifest.write_text("path,outlet,title,published\n" + ",".join(row.values()) + "\n", encoding="utf-8")
    else:
        manifest.write_text(json.dumps(row) + "\n", encoding="utf-8")
    meta = read_inputs([str(tmp_path / "a.txt")], Settings(), manifest=str(manifest)).documents[0].meta
    assert (meta.outlet, meta.title, meta.published, meta.published_from) == (
        "Reuters", "Kidnappers taken alive", date(2013, 1, 20), "manifest")


def test_manifest_inside_a_directory_is_used(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,outlet,published\na.txt,Reuters,2013-01-20\n", encoding="utf-8")
    docs = read_inputs([str(tmp_path)], Settings()).documents
    assert len(docs) == 1 and docs[0].meta.published_from == "manifest"


@pytest.mark.parametrize(
    "name, payload, reason",
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"   \n\n  ", "empty document"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 3, "encoding could not be detected"),
        ("broken.json", b'{"text": "unterminated', "malformed JSON"),
    ],
)
def test_bad_inputs_are_rejected_with_name_and_reason(tmp_path: Path, name: str, payload: bytes, reason: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(payload)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    got = read_inputs([str(bad), str(good)], Settings())
    assert len(got.documents) == 1
    assert got.rejected[0].path == str(bad) and reason in got.rejected[0].reason


def test_encoding_is_detected_and_the_option_is_a_fallback_only(tmp_path: Path) -> None:
    old = tmp_path / "latin1.txt"
    old.write_bytes("Le ministre a déclaré que la réunion était terminée. ".encode("latin-1") * 20)
    new = tmp_path / "utf8.txt"
    new.write_text("Le ministre a déclaré que la réunion était terminée. " * 20, encoding="utf-8")
    assert "a déclaré" in read_inputs([str(old)], Settings()).documents[0].content
    got = read_inputs([str(old), str(new)], Settings(encoding="latin-1")).documents
    assert ["a déclaré" in d.content for d in got] == [True, True]  # the UTF-8 file is not garbled
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(0x80, 0x100)) * 3)
    assert "--encoding" in read_inputs([str(noise)], Settings()).rejected[0].reason


def test_oversized_file_rejected_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 3, encoding="utf-8")
    got = read_inputs([str(big)], Settings(max_bytes=1000))
    assert "larger than" in got.rejected[0].reason and "--max-bytes" in got.rejected[0].reason


def test_missing_file(tmp_path: Path) -> None:
    got = read_inputs([str(tmp_path / "nope.txt")], Settings())
    assert got.rejected[0].reason == "no such file or folder"


# --- URLs and feeds, against a server on 127.0.0.1 only -------------------------------------


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}
    seen_agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>'
            f"<item><title>Algeria siege ends</title><link>{base}/article</link>"
            f"<pubDate>Sun, 20 Jan 2013 09:00:00 GMT</pubDate></item>"
            f"<item><title>Gone</title><link>{base}/missing</link></item></channel></rss>")
    _Handler.routes = {
        "/article": (200, "text/html; charset=utf-8", HTML.encode()),
        "/feed.xml": (200, "application/rss+xml", feed.encode()),
        "/huge": (200, "text/html", b"<p>x</p>" * 5000),
    }
    yield base
    httpd.shutdown()


def test_url_is_fetched_with_user_agent(server: str) -> None:
    got = read_inputs([f"{server}/article"], Settings())
    assert got.documents[0].kind == "html" and got.documents[0].meta.url == f"{server}/article"
    assert _Handler.seen_agents[-1].startswith("newsfuse/")


def test_url_errors_are_rejections(server: str) -> None:
    got = read_inputs([f"{server}/nothing-here", f"{server}/huge"], Settings(max_bytes=10_000))
    reasons = [r.reason for r in got.rejected]
    assert "HTTP 404" in reasons[0] and "larger than" in reasons[1]


def test_feed_items_are_fetched_as_articles(server: str) -> None:
    got = read_inputs([f"{server}/feed.xml"], Settings(allow_private=True))  # the items link to 127.0.0.1
    assert len(got.documents) == 1
    meta = got.documents[0].meta
    assert (meta.title, meta.outlet, meta.published) == ("Algeria siege ends", "Example News", date(2013, 1, 20))
    assert any("HTTP 404" in r.reason for r in got.rejected)
