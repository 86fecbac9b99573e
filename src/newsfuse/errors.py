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
