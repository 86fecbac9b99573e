"""The web app through its HTTP interface: pages, API, exports, and the security rules of issue 14."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from newsfuse.serve.app import ServeConfig, create_app

from .conftest import example_texts

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I)
HOSTILE_TITLE = "<script>alert('title')</script>"


def _csrf(client: TestClient) -> str:
    client.get("/add")
    return client.cookies["nf_csrf"]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory):
    """A store with a real briefed story (three In Amenas reports, then a fourth: two versions)."""
    folder: Path = tmp_path_factory.mktemp("app")
    app = create_app(ServeConfig(db=str(folder / "app.db"), worker=False))
    texts = example_texts()
    with TestClient(app, base_url="http://127.0.0.1") as client:
        csrf = _csrf(client)
        for n, (name, text) in enumerate(texts[:3]):
            title = HOSTILE_TITLE if n == 0 else name
            assert client.post("/paste", data={"csrf": csrf, "text": text, "title": title, "outlet": f"Outlet {n}",
                                               "url": f"http://news.example/{name}"}).status_code == 200
        app.state.worker.drain()
        edited = texts[3][1]
        client.post("/paste", data={"csrf": csrf, "text": texts[3][1], "title": "Fourth", "url": "http://news.example/4"})
        client.post("/paste", data={"csrf": csrf, "text": edited + "\nOfficials' update: the toll was later raised to 37 hostages.",
                                    "title": "Fourth", "url": "http://news.example/4"})
        app.state.worker.drain()
        yield app, client


def _story_id(client: TestClient) -> str:
    return client.get("/api/stories").json()["stories"][0]["id"]


def test_pages_carry_csp_and_no_inline_script(seeded):
    _, client = seeded
    sid = _story_id(client)
    report = client.get(f"/api/stories/{sid}").json()["reports"][0]["id"]
    for path in ("/", "/since", "/add", "/jobs", "/search?q=hostages", f"/stories/{sid}", f"/reports/{report}",
                 f"/stories/{sid}?version=1"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "script-src 'self'" in r.headers["content-security-policy"] and "unsafe-inline" not in \
            r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert not INLINE_SCRIPT.search(r.text) and "<style" not in r.text and " style=" not in r.text, path
        assert "alert('title')</script>" not in r.text, path


def test_article_text_and_titles_are_escaped(seeded):
    _, client = seeded
    page = client.get("/").text + client.get(f"/stories/{_story_id(client)}").text
    assert "&lt;script&gt;alert(" in page
    assert "<script>alert(" not in page


def test_forms_need_the_csrf_token(seeded):
    _, client = seeded
    assert client.post("/paste", data={"text": "x" * 300}).status_code == 403
    assert client.post("/paste", data={"csrf": "forged", "text": "x" * 300}).status_code == 403
    assert client.post("/feeds", data={"csrf": "forged", "url": "http://example.org/feed"}).status_code == 403


def test_private_feed_urls_are_refused_without_allow_private(seeded):
    _, client = seeded
    r = client.post("/feeds", data={"csrf": client.cookies["nf_csrf"], "url": "http://169.254.169.254/feed.xml"})
    assert r.status_code == 400 and "non-public" in r.text
    r = client.post("/urls", data={"csrf": client.cookies["nf_csrf"], "urls": "http://127.0.0.1:5432/"})
    assert r.status_code == 400


def test_foreign_host_header_is_refused_on_loopback(seeded):
    _, client = seeded
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 421
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_story_page_shows_what_changed_and_the_edit(seeded):
    _, client = seeded
    sid = _story_id(client)
    story = client.get(f"/api/stories/{sid}").json()
    assert [v["version"] for v in story["versions"]] == [1, 2]
    page = client.get(f"/stories/{sid}?version=2&against=1").text
    assert "What changed since version 1" in page and "New sources (1)" in page
    edited = [r for r in story["reports"] if r["edit_of"]]
    assert len(edited) == 1
    report_page = client.get(f"/reports/{edited[0]['id']}").text
    assert "Edited at its source" in report_page and "Officials&#39; update: the toll" in report_page


def test_api_mirrors_the_contract(seeded):
    _, client = seeded
    listing = client.get("/api/stories").json()
    sid = listing["stories"][0]["id"]
    assert client.get(f"/api/stories?since={listing['cursor']}").json()["stories"] == []
    assert client.get("/api/stories?since=yesterday").status_code == 400
    v1 = client.get(f"/api/stories/{sid}/briefing?version=1").json()
    assert v1["schema"] == "newsfuse.briefing/1" and len(v1["sources"]) == 3
    diff = client.get(f"/api/stories/{sid}/diff?from=1&to=2").json()
    assert len(diff["new_sources"]) == 1 and diff["from"] == 1 and diff["to"] == 2
    assert client.get("/api/stories/story-nope").status_code == 404
    assert client.get("/api/search?q=hostages").json()["hits"]


def test_exports(seeded):
    _, client = seeded
    sid = _story_id(client)
    j = client.get(f"/stories/{sid}/export.json")
    assert j.json()["schema"] == "newsfuse.briefing/1" and "attachment" in j.headers["content-disposition"]
    assert client.get(f"/stories/{sid}/export.md").text.startswith("#")
    h = client.get(f"/stories/{sid}/export.html")
    assert "<style>" in h.text and "script-src" not in h.headers["content-security-policy"]


def test_follow_and_since_your_last_visit(seeded):
    _, client = seeded
    sid = _story_id(client)
    assert client.post(f"/stories/{sid}/follow", data={"csrf": client.cookies["nf_csrf"], "follow": "1"}).status_code == 200
    assert "Unfollow" in client.get(f"/stories/{sid}").text
    assert "Stories you follow" in client.get("/since").text


def test_token_is_required_off_loopback(tmp_path):
    app = create_app(ServeConfig(db=str(tmp_path / "t.db"), host="0.0.0.0", token="s3cret", worker=False))
    with TestClient(app, base_url="http://192.0.2.10") as client:
        assert client.get("/").status_code == 401
        assert client.get("/api/stories", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/api/stories", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        r = client.get("/?token=s3cret", follow_redirects=False)
        assert r.status_code == 303 and "token" not in r.headers["location"]
        assert client.get("/").status_code == 200  # the cookie set by the link


def test_request_bodies_are_bounded(tmp_path):
    app = create_app(ServeConfig(db=str(tmp_path / "b.db"), worker=False, max_body=1024))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        csrf = _csrf(client)
        r = client.post("/paste", data={"csrf": csrf, "text": "x" * 5000})
        assert r.status_code == 413


def test_failed_jobs_keep_their_reason_and_can_be_retried(tmp_path):
    app = create_app(ServeConfig(db=str(tmp_path / "j.db"), worker=False, allow_private=True))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        csrf = _csrf(client)
        client.post("/urls", data={"csrf": csrf, "urls": "http://127.0.0.1:9/nothing-listens-here"})
        app.state.worker.drain()
        jobs = client.get("/api/jobs").json()["jobs"]
        assert jobs[0]["status"] == "failed" and "could not fetch" in jobs[0]["error"]
        client.post(f"/jobs/{jobs[0]['id']}/retry", data={"csrf": csrf})
        assert client.get("/api/jobs").json()["jobs"][0]["status"] == "queued"


def test_section_styles_move_to_the_stylesheet(seeded):
    _, client = seeded
    page = client.get(f"/stories/{_story_id(client)}").text
    assert "<style" not in page and 'class="tl"' in page
    assert ".tl-day" in client.get("/static/report.css").text


def test_progress_is_sent_as_server_sent_events(tmp_path):
    """/api/events sends the /api/stamp progress at once, again when the store moves, and ends by itself."""
    import json
    import threading

    from newsfuse.model import DocMeta, RawDocument
    from newsfuse.store import records as rec

    app = create_app(ServeConfig(db=str(tmp_path / "e.db"), worker=False, events_max_s=2.0, events_tick_s=0.1))

    def add_report() -> None:
        with app.state.db.write() as conn:
            rec.add_report(conn, RawDocument("pasted", "The plant was seized at dawn.", "text", DocMeta()))

    with TestClient(app, base_url="http://127.0.0.1") as client:
        timer = threading.Timer(0.6, add_report)
        timer.start()
        try:
            r = client.get("/api/events")  # the stream ends after events_max_s: the browser reconnects
        finally:
            timer.join()
        stamp = client.get("/api/stamp").json()
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.text.startswith("retry: ")
    events = [json.loads(block.split("data: ", 1)[1]) for block in r.text.split("\n\n")
              if block.startswith("event: progress\n")]
    assert [e["queued"] for e in events] == [0, 1]  # once at the start, once when the report queued its job
    assert events[-1] == stamp
