"""The ``parse`` and ``sentences`` stages: one spaCy pass that every later stage reuses."""

from __future__ import annotations

import dataclasses

from ..config import available_cores
from ..model import Briefing
from ..pipeline import stage
from ..progress import step
from .load import load_nlp
from .pieces import parse_texts
from .sentences import doc_sentences

#: spaCy's batch size for nlp.pipe; articles are 2-10 KB each.
PIPE_BATCH = 16
#: Below this much text the parse stays in one process: starting workers and shipping Docs back
#: costs more than it saves (bench/scale.py --n-process measures both side by side).
PARALLEL_PARSE_MIN_CHARS = 500_000


@stage("parse", version="1", requires={"sources", "settings"}, produces={"docs"})
def parse(briefing: Briefing) -> Briefing:
    """One ``nlp.pipe`` pass over every source (long ones in pieces); later stages reuse these Docs.

    With enough text and more than one core the pass runs in spaCy's worker processes
    (``n_process``); the Docs are the same as from one process.
    """
    nlp = load_nlp(briefing.settings.model)
    texts = [s.text for s in briefing.sources]
    n_process = parse_processes(briefing.settings.parse_processes, sum(len(t) for t in texts))
    docs = {}
    parsed = parse_texts(nlp, texts, batch_size=PIPE_BATCH, n_process=n_process)
    for done, (sid, doc) in enumerate(zip((s.id for s in briefing.sources), parsed), 1):
        docs[sid] = doc
        step("parse", done, len(texts))
    return dataclasses.replace(briefing, docs=docs)


def parse_processes(asked: int, chars: int) -> int:
    """Processes for the parse: 1 for a small story, else ``asked`` (0: every available core)."""
    if asked == 1 or chars < PARALLEL_PARSE_MIN_CHARS:
        return 1
    return available_cores() if asked <= 0 else asked


@stage("sentences", version="1", requires={"docs"}, produces={"sentences"})
def sentences(briefing: Briefing) -> Briefing:
    texts = {s.id: s.text for s in briefing.sources}  # each Doc's text (nlp.pieces), not rebuilt
    found = {sid: doc_sentences(sid, doc, texts.get(sid)) for sid, doc in briefing.docs.items()}
    return dataclasses.replace(briefing, sentences=found)
