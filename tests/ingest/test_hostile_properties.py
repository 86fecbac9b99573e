"""Property tests (issue 15): random JSON records, random bytes and random manifests through the readers
raise nothing but newsfuse's own errors; every bad record is a rejection with a reason."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.config import Settings
from newsfuse.errors import InputError, UsageError
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.manifest import read_manifest
from newsfuse.ingest.read import read_inputs
from newsfuse.ingest.records import RECORD_FIELDS

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
FIELD_VALUES = JSON | st.text(max_size=200)
RECORDS = st.one_of(
    st.dictionaries(st.sampled_from(RECORD_FIELDS), FIELD_VALUES, max_size=6),
    st.dictionaries(st.sampled_from(RECORD_FIELDS) | st.text(max_size=8), JSON, max_size=6),
    JSON,
)


@given(st.lists(RECORDS, min_size=1, max_size=8), st.sampled_from([".jsonl", ".json"]))
@settings(max_examples=200, deadline=None)
def test_random_records_become_documents_or_rejections(records: list[object], suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"dump{suffix}"
        body = json.dumps(records) if suffix == ".json" else "\n".join(json.dumps(r) for r in records)
        path.write_text(body, encoding="utf-8")
        got = read_inputs([str(path)], Settings())
    assert all(r.reason and r.path.startswith(str(path)) for r in got.rejected)
    for doc in got.documents:
        assert isinstance(doc.content, str) and doc.content.strip()
        assert all(v is None or isinstance(v, str) for v in (doc.meta.title, doc.meta.outlet, doc.meta.url))
    if suffix == ".jsonl":
        assert len(got.documents) + len(got.rejected) == len(records)


@given(st.binary(max_size=600) | st.text(max_size=300).map(lambda t: t.encode("utf-16")))
@settings(max_examples=300, deadline=None)
def test_random_bytes_decode_or_are_rejected(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x")
    except InputError as exc:
        assert exc.reason
        return
    assert text.strip() and "\x00" not in text


@given(st.lists(JSON | st.text(max_size=40), max_size=5), st.sampled_from([".jsonl", ".csv"]),
       st.sampled_from(["utf-8", "utf-16", "latin-1"]))
@settings(max_examples=200, deadline=None)
def test_random_manifests_are_read_or_a_usage_error(rows: list[object], suffix: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"m{suffix}"
        lines = [json.dumps(r) if suffix == ".jsonl" else str(r) for r in rows]
        path.write_bytes(("path,outlet,published\n" if suffix == ".csv" else "").encode(encoding, "replace")
                         + "\n".join(lines).encode(encoding, "replace"))
        try:
            read_manifest(path)
        except UsageError as exc:
            assert str(exc)
