"""Command line: parse arguments, call the library, map outcomes to exit codes.

Exit codes: 0 every input was used; 1 a briefing was written but some inputs
were rejected (listed on stderr and in the output); 2 usage error (found
before any work starts); 3 nothing usable, no briefing written; 4 internal
error (a bug in newsfuse: one line on stderr names the inputs and the stage,
and the file holding the full traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import __version__
from .cli_options import add_reading_options, check_writable_file, reading_settings
from .cluster.cli import add_parser as add_cluster_parser
from .cluster.cli import handle as handle_cluster
from .errors import NewsfuseError, UsageError
from .progress import reporting
from .serve.cli import add_parser as add_serve_parser
from .serve.cli import handle as handle_serve

EXIT_OK, EXIT_SOME_REJECTED, EXIT_USAGE, EXIT_NOTHING_USABLE, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130  # the shell's code for Ctrl-C
FORMATS = {"json": "json", "md": "md", "markdown": "md", "html": "html", "htm": "html"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsfuse", description="Many news reports of one event -> one sourced briefing.")
    parser.add_argument("--version", action="version", version=f"newsfuse {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("brief", help="write a briefing of one story", description="Write a briefing of one story from ARTICLES.")
    b.add_argument("articles", nargs="+", metavar="ARTICLES", help="files (.txt .html .json .jsonl), folders, http(s) URLs or RSS/Atom feeds")
    b.add_argument("-o", "--output", metavar="OUT", help="output file; its extension picks the format (.json .md .html); default: stdout")
    b.add_argument("--format", choices=sorted(FORMATS), help="output format (default: from -o, else json)")
    add_reading_options(b)
    b.add_argument("--llm", metavar="URL", help="OpenAI-compatible endpoint to rewrite the summary (optional)")
    b.add_argument("--model", metavar="NAME", help="model name for --llm")
    add_cluster_parser(sub)
    add_serve_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    where = _Where(args.command, list(args.articles if args.command == "brief" else getattr(args, "inputs", [])))
    try:
        if args.command == "serve":
            return handle_serve(args)
        return handle_cluster(args) if args.command == "cluster" else _brief(args, where)
    except UsageError as exc:
        print(f"newsfuse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NewsfuseError as exc:
        print(f"newsfuse: {exc}", file=sys.stderr)
        return EXIT_NOTHING_USABLE
    except BrokenPipeError:  # `newsfuse brief ... | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("newsfuse: interrupted; nothing written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the one place a bug becomes a message, not a traceback
        from .errors import write_traceback

        saved = write_traceback(exc, where.describe())
        print(f"newsfuse: internal error {where.describe()}: {type(exc).__name__}: {_one_line(str(exc))}; "
              f"full traceback in {saved}; please report it", file=sys.stderr)
        return EXIT_INTERNAL


class _Where:
    """Which command, inputs and stage a run is in, for the one line an internal error prints."""

    def __init__(self, command: str, inputs: list[str]) -> None:
        self.command, self.inputs, self.stage, self.last_read = command, inputs, "start-up", ""

    def event(self, event: str) -> None:
        kind, _, what = event.partition(" ")
        self.stage, self.last_read = ("read", what) if kind == "read" else (what, self.last_read)

    def describe(self) -> str:
        shown = ", ".join(self.inputs[:3]) + (f" and {len(self.inputs) - 3} more" if len(self.inputs) > 3 else "")
        stage = f"reading inputs (last read: {self.last_read})" if self.stage == "read" else f"stage {self.stage!r}"
        if self.command == "cluster":
            stage = "newsfuse cluster"
        return f"in {stage} on {shown}"


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return FORMATS[args.format]
    if args.output:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        if suffix not in FORMATS:
            raise UsageError(f"cannot tell the format from {args.output!r}; use .json, .md or .html, or pass --format")
        return FORMATS[suffix]
    return "json"


def _brief(args: argparse.Namespace, where: _Where | None = None) -> int:
    from .api import brief
    from .render.output import render

    fmt = _format(args)
    if args.llm and not args.model:
        raise UsageError("--llm needs --model NAME (the model the server should use)")
    settings = reading_settings(args, llm_url=args.llm, llm_model=args.model)
    if args.output:
        check_writable_file(args.output)
    show = not args.quiet and sys.stderr.isatty()
    with _progress(show) as tick:
        def progress(event: str) -> None:
            if where is not None:
                where.event(event)
            if tick is not None:
                tick(event)

        with reporting(getattr(tick, "phase", None)):
            briefing = brief(args.articles, settings, args.manifest, progress)
        if where is not None:
            where.event("stage render")
    for r in briefing.rejected:
        print(f"newsfuse: skipped {r.path}: {r.reason}", file=sys.stderr)
    if not briefing.sources:
        print("newsfuse: no usable article among the inputs; nothing written", file=sys.stderr)
        return EXIT_NOTHING_USABLE
    options = _options(args)
    text = render(briefing, fmt, options)
    if args.output:
        _write_atomically(Path(args.output), text)
        print(f"newsfuse: wrote {args.output} ({len(briefing.sources)} sources)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_SOME_REJECTED if briefing.rejected else EXIT_OK


def _write_atomically(path: Path, text: str) -> None:
    """Write beside ``path`` and rename: a reader (or a crash) never sees half a briefing."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent if str(path.parent) else ".")
    try:
        with open(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _options(args: argparse.Namespace) -> dict[str, Any]:
    keep = {"format": _format(args), "words": args.words, "spacy_model": args.spacy_model}
    if args.manifest:
        keep["manifest"] = args.manifest
    if args.llm:
        keep.update(llm=args.llm, model=args.model)
    return keep


@contextmanager
def _progress(show: bool) -> Iterator[Any]:
    """A rich progress line on stderr: articles read, then the stage running; a no-op when hidden.

    Briefing a folder of one story takes seconds, mostly in the parse stage;
    the line shows it is alive and where it is, and vanishes when done.
    """
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=24),
                  TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading articles", total=None, detail="0 articles read")
        read = 0
        phases: dict[str, Any] = {}

        def tick(event: str) -> None:
            nonlocal read
            kind, _, what = event.partition(" ")
            if kind == "read":
                read += 1
                bar.update(task, description=f"reading {Path(what).name[:40]}", detail=f"{read} articles read")
            else:
                bar.update(task, description=f"running {what}")

        def phase(name: str, done: int, total: int) -> None:
            """A long phase (the parse) gets its own bar with an ETA."""
            if name not in phases:
                phases[name] = bar.add_task(f"{name}", total=total, detail="")
            bar.update(phases[name], completed=done, total=total, detail=f"{done}/{total} articles")

        tick.phase = phase  # type: ignore[attr-defined]
        yield tick



if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
