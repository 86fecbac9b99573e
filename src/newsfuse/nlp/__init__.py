"""Language processing shared by every later stage: the spaCy pipeline and sentences."""

from .load import load_nlp

__all__ = ["load_nlp"]
