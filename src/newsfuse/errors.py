"""One base error for the project, and the record of a rejected input.

A rejected document is data, not an exception that unwinds the run: the
pipeline keeps going with the other documents and reports every rejection
with its path and reason (stderr, JSON ``rejected``, exit code 1).
"""

from __future__ import annotations

from dataclasses import dataclass


class NewsfuseError(Exception):
    """Base class for every error newsfuse raises on purpose."""


class UsageError(NewsfuseError):
    """The user asked for something impossible; the message says what to try."""


class InputError(NewsfuseError):
    """One input cannot be used; ``reason`` says why in plain words."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class PipelineError(NewsfuseError):
    """The stages do not fit together (raised at construction, not mid-run)."""


@dataclass(frozen=True)
class Rejection:
    """An input that was skipped: where it came from, which stage refused it, why."""

    path: str
    reason: str
    stage: str = "ingest"

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason, "stage": self.stage}


def write_traceback(exc: BaseException, context: str) -> str:
    """Where a bug's traceback goes: a fresh file in the temp folder, whose path the one line the user sees
    names (what failed, on which input, in which stage) instead of forty lines of Python.

    Returns the file's path, or a note if even that failed."""
    import tempfile
    import traceback

    try:
        fd, name = tempfile.mkstemp(prefix="newsfuse-traceback-", suffix=".txt")
        with open(fd, "w", encoding="utf-8") as fh:
            fh.write(f"newsfuse internal error {context}\n\n")
            fh.write("".join(traceback.format_exception(exc)))
        return name
    except OSError as err:
        return f"(could not write a traceback file: {err.strerror or err})"
