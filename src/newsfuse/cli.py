"""Command line: parse arguments, call the library, map outcomes to exit codes.

Exit codes: 0 every input was used; 1 a briefing was written but some inputs
were rejected (listed on stderr and in the output); 2 usage error; 3 nothing
usable, no briefing written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import __version__
from .cli_options import add_reading_options
from .cluster.cli import add_parser as add_cluster_parser
from .cluster.cli import handle as handle_cluster
from .config import Settings
from .errors import NewsfuseError, UsageError

EXIT_OK, EXIT_SOME_REJECTED, EXIT_USAGE, EXIT_NOTHING_USABLE = 0, 1, 2, 3
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        return handle_cluster(args) if args.command == "cluster" else _brief(args)
    except UsageError as exc:
        print(f"newsfuse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NewsfuseError as exc:
        print(f"newsfuse: {exc}", file=sys.stderr)
        return EXIT_NOTHING_USABLE


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return FORMATS[args.format]
    if args.output:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        if suffix not in FORMATS:
            raise UsageError(f"cannot tell the format from {args.output!r}; use .json, .md or .html, or pass --format")
        return FORMATS[suffix]
    return "json"


def _brief(args: argparse.Namespace) -> int:
    from .api import brief
    from .render.output import render

    fmt = _format(args)
    if args.max_bytes <= 0 or args.words <= 0:
        raise UsageError("--max-bytes and --words must be positive")
    if args.llm and not args.model:
        raise UsageError("--llm needs --model NAME (the model the server should use)")
    settings = Settings(model=args.spacy_model, max_bytes=args.max_bytes, encoding=args.encoding,
                        summary_words=args.words, llm_url=args.llm, llm_model=args.model)
    show = not args.quiet and sys.stderr.isatty()
    with _progress(show) as tick:
        briefing = brief(args.articles, settings, args.manifest, tick)
    for r in briefing.rejected:
        print(f"newsfuse: skipped {r.path}: {r.reason}", file=sys.stderr)
    if not briefing.sources:
        print("newsfuse: no usable article among the inputs; nothing written", file=sys.stderr)
        return EXIT_NOTHING_USABLE
    options = _options(args)
    text = render(briefing, fmt, options)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"newsfuse: wrote {args.output} ({len(briefing.sources)} sources)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_SOME_REJECTED if briefing.rejected else EXIT_OK


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
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.fields[docs]} articles read"),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading articles", total=None, docs=0)
        read = 0

        def tick(event: str) -> None:
            nonlocal read
            kind, _, what = event.partition(" ")
            if kind == "read":
                read += 1
                bar.update(task, description=f"reading {Path(what).name[:40]}", docs=read)
            else:
                bar.update(task, description=f"running {what}")

        yield tick



if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
