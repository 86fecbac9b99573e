"""The HTML report in a real headless browser (Debian's Chromium): it renders, and article script stays text.

Skips, saying why, where Chromium is not installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newsfuse.api import brief_documents
from newsfuse.config import Settings
from newsfuse.model import DocMeta, RawDocument
from newsfuse.render.output import render

from corpus import example_file

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAYLOAD = "<script>document.body.setAttribute('data-pwned','yes')</script><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")]


def dump_dom(page: Path, profile: Path) -> str:
    out = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=2000",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def test_report_renders_and_article_script_stays_text(tmp_path: Path) -> None:
    text = example_file("002").read_text(encoding="utf-8").replace("READ MORE", f"A reader pasted {PAYLOAD} into the page.")
    doc = RawDocument("evil.txt", text, "text", DocMeta(title=f"Siege {PAYLOAD}"), "evil.txt")
    page = tmp_path / "report.html"
    page.write_text(render(brief_documents([doc], Settings()), "html"), encoding="utf-8")
    dom = dump_dom(page, tmp_path / "profile")
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "&lt;script&gt;document.body.setAttribute" in dom
    assert "Sources</h2>" in dom
