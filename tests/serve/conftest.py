"""Fixtures of the serve tests: a store on SQLite and on a throwaway PostgreSQL server.

The PostgreSQL server is Debian's (``.ci/run`` installs it): ``initdb`` +
``pg_ctl`` in a temporary folder, listening on a unix socket only, started
once per session; each test gets a fresh database in it. Tests on it skip,
saying why, only when no server binary exists or it cannot start.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.store.database import Database, open_database

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "in-amenas"


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _as_postgres_user(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the ``postgres`` user then."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not installed; .ci/run installs Debian's postgresql")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg not installed")
    root = tempfile.mkdtemp(prefix="newsfuse-pg-")
    data, sock = os.path.join(root, "data"), os.path.join(root, "sock")
    os.makedirs(sock)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    log = os.path.join(root, "log")
    try:
        subprocess.run(_as_postgres_user([initdb, "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]),
                       check=True, capture_output=True, timeout=120)
        subprocess.run(_as_postgres_user([pg_ctl, "-D", data, "-l", log, "-w", "-t", "60", "-o",
                                          f"-c listen_addresses='' -k {sock} -c fsync=off -c full_page_writes=off",
                                          "start"]), check=True, capture_output=True, timeout=120)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"PostgreSQL could not be started: {exc} {detail.decode(errors='replace')[:300]}")
    try:
        yield f"postgresql:///postgres?host={sock}&user=postgres"
    finally:
        subprocess.run(_as_postgres_user([pg_ctl, "-D", data, "-m", "immediate", "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


_counter = itertools.count()


def fresh_pg_database(server: str) -> str:
    import psycopg

    name = f"t{os.getpid()}_{next(_counter)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.replace("/postgres?", f"/{name}?", 1)


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return fresh_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    try:
        yield database
    finally:
        database.close()


def fake_briefing(docs: list, settings: object = None) -> dict:
    """A minimal JSON-contract briefing of ``docs`` (no NLP): store and job tests need its shape, not its content."""
    sources = [{"id": f"s{n}", "outlet": d.meta.outlet, "title": d.meta.title, "url": d.meta.url, "path": None,
                "published": d.meta.published.isoformat() if d.meta.published else None, "text": d.content}
               for n, d in enumerate(docs)]
    return {"schema": "newsfuse.briefing/1",
            "story": {"title": docs[0].meta.title or "Untitled", "first_date": None, "last_date": None},
            "sources": sources, "entities": [], "claims": [], "times": [], "timeline": [], "summary": [],
            "figures": [{"id": "f1", "label": "reports", "status": "conflict" if len(docs) > 1 else "single",
                         "values": [{"value": float(len(docs)), "sources": ["s0"]}]}],
            "independent_groups": [[s["id"]] for s in sources], "rejected": []}


def example_texts() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))]
