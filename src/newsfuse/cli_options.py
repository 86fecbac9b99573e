"""Options that every command reading articles takes (``brief`` and ``cluster``), defined once."""

from __future__ import annotations

import argparse
import os

from .config import DEFAULT_MAX_BYTES, DEFAULT_MODEL


def add_reading_options(parser: argparse.ArgumentParser, *, words_help: str = "summary length in words (default 250)") -> None:
    """--manifest, --spacy-model, --max-bytes, --encoding, --words and -q, with the same meaning everywhere."""
    parser.add_argument("--manifest", metavar="FILE", help="CSV or JSONL with path|url, outlet, title, published; overrides what is detected")
    parser.add_argument("--spacy-model", default=os.environ.get("NEWSFUSE_SPACY_MODEL", DEFAULT_MODEL),
                        help=f"installed spaCy pipeline to use (default {DEFAULT_MODEL}; env NEWSFUSE_SPACY_MODEL)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="reject inputs larger than this (default 5 MB)")
    parser.add_argument("--encoding", help="decode text files with this encoding instead of UTF-8 (e.g. latin-1)")
    parser.add_argument("--words", type=int, default=250, help=words_help)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
