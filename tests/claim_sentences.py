"""Claims and figures of made-up sentences, parsed as the pipeline parses a report (one place for
the figure tests of each stop)."""

from __future__ import annotations

from datetime import date

from newsfuse.figures.align import build_figures
from newsfuse.figures.claims import doc_claims
from newsfuse.nlp.sentences import doc_sentences

DAY = date(2020, 4, 22)


def parsed(nlp, source, text):
    """The claims of ``text`` as one report ``source`` published on ``DAY``."""
    doc = nlp(text)
    return doc_claims(source, doc, doc_sentences(source, doc), DAY)


def one_claim(nlp, text, value=None):
    """The one claim of ``text`` (of that ``value``, when given); fails if there is not exactly one."""
    (claim,) = [c for c in parsed(nlp, "s", text) if value is None or c.value == value]
    return claim


def figures(nlp, texts):
    """Every figure of the reports ``texts`` (source id -> text), each report its own voice."""
    claims = [c for sid, text in texts.items() for c in parsed(nlp, sid, text)]
    return build_figures(claims, tuple((sid,) for sid in texts), frozenset(), texts)
