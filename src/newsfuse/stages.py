"""The core stages: parse, sentences, publication dates, shared wire copy.

Each is a pure function over the Briefing, declared with what it requires
and produces. Later capabilities (entities, figures, timeline, summary) add
their own stages in their packages; ``default_stages`` lists them in order.
"""

from __future__ import annotations

import dataclasses

from .align.wire import independent_groups, near_duplicate_pairs, shared_copy
from .model import Briefing
from .nlp import load_nlp
from .pipeline import FunctionStage, stage
from .segment.sentences import doc_sentences
from .timeline.published import infer_published

#: spaCy's batch size for nlp.pipe; articles are 2-10 KB each.
PIPE_BATCH = 16


@stage("parse", version="1", requires={"sources", "settings"}, produces={"docs"})
def parse(briefing: Briefing) -> Briefing:
    """One ``nlp.pipe`` pass over every source; later stages reuse these Docs."""
    nlp = load_nlp(briefing.settings.model)
    texts = [s.text for s in briefing.sources]
    docs = dict(zip((s.id for s in briefing.sources), nlp.pipe(texts, batch_size=PIPE_BATCH)))
    return dataclasses.replace(briefing, docs=docs)


@stage("sentences", version="1", requires={"docs"}, produces={"sentences"})
def sentences(briefing: Briefing) -> Briefing:
    found = {sid: doc_sentences(sid, doc) for sid, doc in briefing.docs.items()}
    return dataclasses.replace(briefing, sentences=found)


@stage("published", version="1", requires={"sources"}, produces={"published"})
def published(briefing: Briefing) -> Briefing:
    """Fill missing publication dates by inference (dated sources keep theirs)."""
    return dataclasses.replace(briefing, sources=infer_published(briefing.sources))


@stage("wire", version="1", requires={"sentences"}, produces={"shared_text", "independent_groups"})
def wire(briefing: Briefing) -> Briefing:
    pairs = near_duplicate_pairs(briefing.sources, briefing.sentences)
    links = shared_copy(pairs)
    ids = [s.id for s in briefing.sources]
    sources = tuple(
        dataclasses.replace(s, shares_text_with=tuple(sorted(links.get(s.id, ()), key=ids.index)))
        for s in briefing.sources
    )
    return dataclasses.replace(
        briefing, sources=sources, shared_sentences=pairs, independent_groups=independent_groups(ids, links)
    )


CORE_STAGES: tuple[FunctionStage, ...] = (parse, sentences, published, wire)


def default_stages() -> tuple[FunctionStage, ...]:
    """Core stages, then each capability's stages (imported here so each owns its module)."""
    return CORE_STAGES + _capability_stages()


def _capability_stages() -> tuple[FunctionStage, ...]:
    from .extension_stages import STAGES

    return STAGES
