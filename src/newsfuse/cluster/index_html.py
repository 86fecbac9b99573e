"""The story index as one self-contained HTML page (Jinja2, autoescaped: article
titles and leads are data, never markup)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("newsfuse.render", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def index_to_html(index: dict[str, Any]) -> str:
    return _environment().get_template("index.html.j2").render(index=index)
