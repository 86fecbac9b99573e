"""Exit codes that tell the truth (issue 15): user mistakes are code 2 before any work, internal errors code 4
with one line naming the inputs, the stage and the traceback file; never a traceback on stderr. Also the
library API's argument checks and the renderers' hostile-string handling.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsfuse.api import brief, brief_documents
from newsfuse.cli import EXIT_INTERNAL, EXIT_NOTHING_USABLE, EXIT_SOME_REJECTED, EXIT_USAGE, main
from newsfuse.config import Settings
from newsfuse.model import DocMeta, RawDocument
from newsfuse.render.output import render

from corpus import ROOT

HOSTILE = ROOT / "tests" / "data" / "hostile"
GOOD = HOSTILE / "inputs" / "good"
MANIFESTS = HOSTILE / "manifests"


def _run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsfuse.cli", *args], capture_output=True, text=True,
                          check=False, timeout=timeout, env={**os.environ, "PYTHONUNBUFFERED": "1"})


# --- as a subprocess: the real exit codes, no tracebacks ----------------------------------------------------


@pytest.mark.integration
def test_unwritable_output_is_a_usage_error_before_work(tmp_path: Path) -> None:
    started = time.monotonic()
    out = _run("brief", str(GOOD), "-o", str(tmp_path / "missing_dir" / "x.json"))
    assert out.returncode == EXIT_USAGE and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines() == [f"newsfuse: cannot write {tmp_path}/missing_dir/x.json: "
                                               f"folder {tmp_path}/missing_dir does not exist"]
    assert time.monotonic() - started < 60  # no spaCy model was loaded, no article read


@pytest.mark.integration
def test_fifo_and_dev_zero_among_inputs_complete_with_code_1(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    out = _run("brief", str(GOOD), str(tmp_path / "pipe.txt"), "/dev/zero", "-o", str(tmp_path / "b.json"), timeout=300)
    assert out.returncode == EXIT_SOME_REJECTED and "Traceback" not in out.stderr
    assert f"skipped {tmp_path}/pipe.txt: a named pipe (FIFO)" in out.stderr
    assert "skipped /dev/zero: a character device" in out.stderr
    assert len(json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["sources"]) == 2


@pytest.mark.integration
def test_internal_error_has_its_own_code_and_one_line(tmp_path: Path) -> None:
    """A bug (here: the renderer made to divide by zero) is code 4 with the stage, inputs and traceback file."""
    script = textwrap.dedent(f"""
        import sys
        import newsfuse.render.output as output
        def broken(*args, **kwargs):
            return 1 / 0
        output.render = broken
        from newsfuse.cli import main
        sys.exit(main(["brief", {str(GOOD)!r}, "-q"]))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=300)
    assert out.returncode == EXIT_INTERNAL and "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"newsfuse: internal error in stage 'render' on {GOOD}: ZeroDivisionError")
    saved = Path(re.search(r"full traceback in (\S+);", lines[0]).group(1))
    assert "ZeroDivisionError" in saved.read_text(encoding="utf-8") and "Traceback" in saved.read_text(encoding="utf-8")
    saved.unlink()


# --- in-process: every user mistake is code 2, reported before work --------------------------------------


@pytest.mark.parametrize("args, message", [
    (["--manifest", str(MANIFESTS / "manifest_not_object.jsonl")], "manifest_not_object.jsonl:2: each line must be a JSON object"),
    (["--manifest", str(MANIFESTS / "manifest_binary.csv")], "cannot read manifest"),
    (["--manifest", "/nonexistent/m.csv"], "--manifest /nonexistent/m.csv: no such file"),
    (["--manifest", "/dev/null"], "not a regular file"),
    (["--encoding", "klingon-8"], "--encoding 'klingon-8' is not an encoding"),
    (["--max-bytes", "0"], "must be positive"),
    (["--max-fetches", "-1"], "must be positive"),
    (["--words", "abc"], None),
    (["-o", "/", "--format", "json"], "cannot write /: it is a folder"),
    (["-o", "x.docx"], "cannot tell the format"),
    (["--llm", "http://127.0.0.1:9"], "--llm needs --model"),
])
def test_user_mistakes_are_code_2(args: list[str], message: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(GOOD), "-q", *args]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if message:
        assert message in err


def test_manifest_in_other_encodings_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "latin1.csv").write_bytes(f"path,outlet\n{GOOD / 'harlow_a.txt'},Café Times\n".encode("latin-1"))
    for manifest, outlet in ((MANIFESTS / "manifest_utf16.csv", "Bay Post – Sørensen"),
                             (tmp_path / "latin1.csv", "Café Times")):
        out = tmp_path / "o.json"
        assert main(["brief", str(GOOD), "-q", "--manifest", str(manifest), "-o", str(out)]) == 0
        outlets = {s["outlet"] for s in json.loads(out.read_text(encoding="utf-8"))["sources"]}
        assert outlet in outlets


def test_cluster_output_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["cluster", str(GOOD), "-o", str(tmp_path / "file"), "-q"]) == EXIT_USAGE
    assert "exists and is not a folder" in capsys.readouterr().err
    assert main(["cluster", str(GOOD), "-o", str(tmp_path / "o"), "--state", str(tmp_path / "file"), "-q"]) == EXIT_USAGE


def test_nothing_usable_is_code_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(HOSTILE / "inputs" / "deep_nesting.json"), "-q"]) == EXIT_NOTHING_USABLE
    assert "nested too deeply" in capsys.readouterr().err


# --- library API ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad, message", [
    ("a/path", "not a single str; write brief(['a/path'])"),
    (Path("a/path"), "not a single PosixPath") if os.name == "posix" else (Path("a"), "not a single"),
    (None, "not None"),
    (42, "not int"),
    ([1, 2], "each input must be a path or URL"),
    (b"bytes", "not a single bytes"),
])
def test_brief_rejects_wrong_arguments_with_type_error(bad: object, message: str) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        brief(bad)  # type: ignore[arg-type]


def test_other_public_functions_check_their_arguments() -> None:
    with pytest.raises(TypeError, match="settings must be"):
        brief([str(GOOD)], settings={"max_bytes": 5})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="manifest must be"):
        brief([str(GOOD)], manifest=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="progress must be"):
        brief([str(GOOD)], progress="loud")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes a list of RawDocument"):
        brief_documents("text")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="RawDocument items"):
        brief_documents(["text"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="takes a Briefing"):
        render({"sources": []}, "json")  # type: ignore[arg-type]


# --- renderers --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_briefing():
    text = (GOOD / "harlow_a.txt").read_text(encoding="utf-8")
    doc = RawDocument("a.txt", text, "text",
                      DocMeta(title="Road shut\n# Injected heading\n\n- injected item", outlet="Bay\nPost | x"), "a.txt")
    other = (GOOD / "harlow_b.html").read_text(encoding="utf-8")
    return brief_documents([doc, RawDocument("b.html", other, "html", DocMeta(outlet="Coast\r\nGazette"), "b.html")],
                           Settings())


def test_markdown_keeps_titles_and_outlets_on_one_line(hostile_briefing) -> None:
    md = render(hostile_briefing, "md")
    assert not any(line.startswith(("# Injected", "- injected")) for line in md.splitlines())
    source_lines = [ln for ln in md.splitlines() if ln.startswith("- **")]
    assert any("Road shut \\# Injected heading - injected item" in ln for ln in source_lines), source_lines
    assert any("Coast Gazette" in ln for ln in source_lines)


def test_html_report_forbids_script_and_external_loads(hostile_briefing) -> None:
    html = render(hostile_briefing, "html")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp, "no CSP meta"
    policy = dict(part.strip().split(" ", 1) for part in csp.group(1).split(";"))
    assert policy["default-src"] == "'none'" and policy["script-src"] == "'none'"
    assert policy["img-src"] == "data:" and policy["style-src"] == "'unsafe-inline'"
    assert html.index("Content-Security-Policy") < html.index("<style>")  # in force before anything loads


def test_cluster_index_page_carries_the_same_policy() -> None:
    from newsfuse.cluster.index import build_index
    from newsfuse.cluster.index_html import index_to_html
    from newsfuse.cluster.model import StoredArticle

    article = StoredArticle("s-1", "story-1", None, None, "f.txt", "Title\nwith a newline", "O", None, None, "Text.", None)
    html = index_to_html(build_index([article], {"story-1": None}))
    assert "default-src 'none'; script-src 'none'" in html
    assert html.index("Content-Security-Policy") < html.index("<style>")
