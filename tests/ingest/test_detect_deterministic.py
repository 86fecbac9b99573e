"""A short legacy-encoded file reads the same wherever it lives (CI once read "Café" as "Cafť").

On a few non-ASCII bytes many single-byte code pages tie; charset-normalizer's pick then
depended on the ASCII around them (here, the checkout's path inside a manifest).
"""

from __future__ import annotations

from newsfuse.ingest.decode import decode_bytes


def test_a_latin1_manifest_reads_the_same_whatever_its_paths() -> None:
    # The first path is the CI clone's, where the old pick read "Cafť".
    paths = ["/work/ci-check/tests/data/hostile/inputs/good/harlow_a.txt"]
    paths += ["/" + "/".join(f"dir{n}" for n in range(depth)) + "/harlow_a.txt" for depth in range(12)]
    for path in paths:
        data = f"path,outlet\n{path},Café Times\n".encode("latin-1")
        assert decode_bytes(data, "m").endswith(",Café Times\n"), path
