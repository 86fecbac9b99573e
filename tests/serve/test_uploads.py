"""Uploads: zip members cannot escape, bombs stop at the limit, counts and types are bounded."""

from __future__ import annotations

import io
import json
import zipfile

from newsfuse.config import Settings
from newsfuse.serve.uploads import Limits, member_problem, read_upload

from .conftest import example_texts

TEXT = example_texts()[0][1]


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def test_member_names_that_leave_the_folder_are_refused():
    for bad in ("../etc/passwd.txt", "/abs/a.txt", "a/../../b.txt", "C:/x.txt", "..\\win.txt"):
        assert member_problem(bad), bad
    assert member_problem("folder/article.txt") is None


def test_a_zip_is_read_member_by_member():
    data = _zip({"a/one.txt": TEXT.encode(), "../evil.txt": TEXT.encode(), "nested.zip": b"PK",
                 "two.jsonl": (json.dumps({"text": TEXT, "title": "Two"}) + "\n").encode()})
    docs, rejected = read_upload("batch.zip", data, Settings())
    assert sorted(d.origin for d in docs) == ["upload:batch.zip/a/one.txt", "upload:batch.zip/two.jsonl:1"]
    assert all(d.path is None for d in docs)
    reasons = {r.path: r.reason for r in rejected}
    assert "leaves the archive" in reasons["upload:batch.zip/../evil.txt"]
    assert "archives inside archives" in reasons["upload:batch.zip/nested.zip"]


def test_a_zip_bomb_stops_at_the_expansion_limit():
    big = b"hostage " * (1024 * 1024)  # 8 MB of text deflates to a few KB
    data = _zip({f"m{n}.txt": big for n in range(4)})
    assert len(data) < 200_000
    limits = Limits(max_file_bytes=10 * 1024 * 1024, max_expanded_bytes=12 * 1024 * 1024)
    docs, rejected = read_upload("bomb.zip", data, Settings(max_bytes=10 * 1024 * 1024), limits)
    assert len(docs) <= 1
    assert any("total limit" in r.reason for r in rejected)


def test_member_count_file_size_and_type_limits():
    many = _zip({f"{n}.txt": b"x" for n in range(6)})
    assert "more than 5 files" in read_upload("many.zip", many, Settings(), Limits(max_members=5))[1][0].reason
    assert "limit" in read_upload("big.txt", b"x" * 2000, Settings(), Limits(max_file_bytes=1000))[1][0].reason
    assert "unsupported" in read_upload("feed.xml", b"<rss/>", Settings())[1][0].reason
    assert "not a readable zip" in read_upload("broken.zip", b"PK\x03\x04junk", Settings())[1][0].reason
