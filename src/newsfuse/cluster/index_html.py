"""The story index as one self-contained HTML page (Jinja2, autoescaped: article
titles and leads are data, never markup)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .index import IndexParts


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("newsfuse.render", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def index_to_html(index: dict[str, Any]) -> str:
    return _environment().get_template("index.html.j2").render(index=index)


def index_html_chunks(parts: IndexParts) -> Iterator[str]:
    """``index_to_html`` of the whole index, a piece at a time, each story's entry made as the page
    reaches it (the template reads the stories once, in order)."""
    view = {**parts.head, "stories": parts.stories(), "rejected": parts.rejected}
    return _environment().get_template("index.html.j2").generate(index=view)
