"""Pick a renderer by format name; all of them start from the JSON contract dict."""

from __future__ import annotations

import json
from typing import Any

from ..model import Briefing
from .json import briefing_to_json


def render(briefing: Briefing, fmt: str, options: dict[str, Any] | None = None) -> str:
    """The briefing as ``json``, ``md`` or ``html`` text."""
    if not isinstance(briefing, Briefing):
        raise TypeError(f"render() takes a Briefing, not {type(briefing).__name__}")
    if options is not None and not isinstance(options, dict):
        raise TypeError(f"render(): options must be a dict or None, not {type(options).__name__}")
    data = briefing_to_json(briefing, options)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from .markdown import briefing_to_markdown

        return briefing_to_markdown(data)
    if fmt == "html":
        from .html import briefing_to_html

        return briefing_to_html(data)
    raise ValueError(f"unknown format {fmt!r}")
