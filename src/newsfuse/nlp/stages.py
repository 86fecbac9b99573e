"""The ``parse`` and ``sentences`` stages: one spaCy pass that every later stage reuses."""

from __future__ import annotations

import dataclasses

from ..model import Briefing
from ..pipeline import stage
from .load import load_nlp
from .pieces import parse_texts
from .sentences import doc_sentences

#: spaCy's batch size for nlp.pipe; articles are 2-10 KB each.
PIPE_BATCH = 16


@stage("parse", version="1", requires={"sources", "settings"}, produces={"docs"})
def parse(briefing: Briefing) -> Briefing:
    """One ``nlp.pipe`` pass over every source (long ones in pieces); later stages reuse these Docs."""
    nlp = load_nlp(briefing.settings.model)
    texts = [s.text for s in briefing.sources]
    docs = dict(zip((s.id for s in briefing.sources), parse_texts(nlp, texts, batch_size=PIPE_BATCH)))
    return dataclasses.replace(briefing, docs=docs)


@stage("sentences", version="1", requires={"docs"}, produces={"sentences"})
def sentences(briefing: Briefing) -> Briefing:
    found = {sid: doc_sentences(sid, doc) for sid, doc in briefing.docs.items()}
    return dataclasses.replace(briefing, sentences=found)
