"""Options that every command reading articles takes (``brief`` and ``cluster``), defined and checked once."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from .config import DEFAULT_MAX_BYTES, DEFAULT_MAX_FETCHES, DEFAULT_MODEL, Settings
from .errors import UsageError


def add_reading_options(parser: argparse.ArgumentParser, *, words_help: str = "summary length in words (default 250)") -> None:
    """--manifest, --spacy-model, --max-bytes, --encoding, --allow-private, --max-fetches, --words and -q,
    with the same meaning everywhere."""
    parser.add_argument("--manifest", metavar="FILE", help="CSV or JSONL with path|url, outlet, title, published; overrides what is detected")
    parser.add_argument("--spacy-model", default=os.environ.get("NEWSFUSE_SPACY_MODEL", DEFAULT_MODEL),
                        help=f"installed spaCy pipeline to use (default {DEFAULT_MODEL}; env NEWSFUSE_SPACY_MODEL)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="reject inputs larger than this (default 5 MB)")
    parser.add_argument("--encoding", help="decode files that are not valid UTF-8 with this encoding (e.g. latin-1) "
                                           "instead of detecting it; UTF-8 files are read as UTF-8")
    parser.add_argument("--allow-private", action="store_true",
                        help="let feed item links and redirects reach loopback, private and link-local addresses "
                             "(refused by default; URLs you name are always fetched)")
    parser.add_argument("--max-fetches", type=int, default=DEFAULT_MAX_FETCHES,
                        help=f"at most this many HTTP requests per run, redirects included (default {DEFAULT_MAX_FETCHES})")
    parser.add_argument("--words", type=int, default=250, help=words_help)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def reading_settings(args: argparse.Namespace, **extra: Any) -> Settings:
    """Settings from the reading options, every one checked before any work starts (``UsageError``)."""
    from .ingest.decode import check_encoding

    if args.max_bytes <= 0 or args.words <= 0 or args.max_fetches <= 0:
        raise UsageError("--max-bytes, --max-fetches and --words must be positive")
    if args.encoding:
        try:
            check_encoding(args.encoding)
        except LookupError as exc:
            raise UsageError(f"--encoding {args.encoding!r} is not an encoding Python knows (try latin-1 or cp1252)") from exc
    if args.manifest:
        check_readable_file(args.manifest, "--manifest")
    return Settings(model=args.spacy_model, max_bytes=args.max_bytes, encoding=args.encoding,
                    summary_words=args.words, allow_private=args.allow_private, max_fetches=args.max_fetches,
                    **extra)


def check_readable_file(name: str, option: str) -> None:
    path = Path(name)
    if not path.is_file():
        raise UsageError(f"{option} {name}: {'not a regular file' if path.exists() else 'no such file'}")
    if not os.access(path, os.R_OK):
        raise UsageError(f"{option} {name}: permission denied")


def check_writable_file(name: str) -> None:
    """An output file can be created or replaced: its folder exists and is writable, and it is not a folder."""
    path = Path(name)
    if path.is_dir():
        raise UsageError(f"cannot write {name}: it is a folder")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"cannot write {name}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"cannot write {name}: permission denied")


def check_writable_folder(name: str, option: str) -> None:
    """An output folder exists and is writable, or can be created (its nearest existing parent is writable)."""
    path = Path(name)
    if path.exists() and not path.is_dir():
        raise UsageError(f"{option} {name}: exists and is not a folder")
    existing = path
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"{option} {name}: cannot write in {existing} (permission denied)")
