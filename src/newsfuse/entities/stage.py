"""The ``entities`` stage: mentions per source -> entities merged across outlets.

Pure passes over the parsed sources: NER mentions repaired by the patterns
(``entity_patterns``); clustering (``align.alias_clusters``); look-up: every
name an entity is known by is searched again in every article, because the
small model misses names it found elsewhere ("Statoil" in two of three
reports, "US" in "US-led"); a second clustering with the mentions the
look-up found, so that they vote for the type too. A surname is looked up
only in the articles where its full name is known.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..model import Briefing, Entity, Source, Span
from ..pipeline import stage
from .alias_clusters import cluster_mentions
from .aliases import initials, is_acronym
from .lookup import WordIndex, texts_of
from .mentions import NAME_PARTICLES, Mention, appositive_cue, mention_at, ner_mentions
from .patterns import Equivalence, Leadership, Taken, find_patterns
from .types import retype

#: Shortest name propagated by string search: two letters ("BP", "US") only
#: as acronyms; single words shorter than this are too often common words.
MIN_PROPAGATED_WORD = 4


@stage("entities", version="1", requires={"docs"}, produces={"entities"})
def extract_entities(briefing: Briefing) -> Briefing:
    return dataclasses.replace(briefing, entities=find_entities(briefing.sources, briefing.docs))


def find_entities(sources: Sequence[Source], docs: Mapping[str, Any]) -> tuple[Entity, ...]:
    """Cluster, look every name up again, cluster once more with what the look-up found.

    The second clustering lets the new mentions vote: a name the model
    missed often sits in the appositive that says what it is ("The state oil
    and gas company, Sonatrach,").
    """
    mentions: list[Mention] = []
    equivalences: list[Equivalence] = []
    leaderships: list[Leadership] = []
    for source in sources:
        found = find_patterns(source.id, source.text, ner_mentions(source.id, docs[source.id], source.text))
        mentions += found.mentions
        equivalences += found.equivalences
        leaderships += found.leaderships
    first = cluster_mentions(mentions, equivalences, leaderships)
    extra = _as_mentions(propagate(first, sources, docs), first, sources, docs)
    entities = cluster_mentions(mentions + extra, equivalences, leaderships)
    groups = _nationality_words(docs)
    kept = tuple(e for e in entities if not all(_one_word(a) and a in groups for a in e.aliases))
    return retype(kept, {s.id: s.text for s in sources})


def _nationality_words(docs: Mapping[str, Any]) -> set[str]:
    """Nationality and religion words ("French", "American", "Muslim"): the model calls them NORP
    somewhere in the story and they look like one (a demonym ending, or a plural also called NORP),
    so where another mention got an ORG label they still name no entity of their own. The model
    also calls "Kidal" and "Tinguetourine" NORP once (in-amenas): those have neither mark."""
    words = {e.text for doc in docs.values() for e in doc.ents if e.label_ == "NORP"}
    plural_of = {w[:-1] for w in words if w.endswith("s")}
    return {w for w in words | plural_of if w in plural_of or _DEMONYM_ENDING.search(w)}


_DEMONYM_ENDING = re.compile(r"(?:an|ian|ese|ish|ch|i)$")


def _one_word(name: str) -> bool:
    return " " not in name.strip()


def _as_mentions(
    grown: Sequence[Entity], before: Sequence[Entity], sources: Sequence[Source], docs: Mapping[str, Any]
) -> list[Mention]:
    known = {m for e in before for m in e.mentions}
    texts = {s.id: s.text for s in sources}
    return [
        mention_at(m.source, texts[m.source], m.start, m.end, None, "propagated",
                   appositive_cue(docs[m.source], m.start, m.end))
        for e in grown for m in e.mentions if m not in known
    ]


def propagate(
    entities: Sequence[Entity], sources: Sequence[Source], docs: Mapping[str, Any] | None = None
) -> tuple[Entity, ...]:
    """Add the string matches of each entity's names that no mention covers yet.

    Names of several words, acronyms and one-word names of anything but a
    person are looked for everywhere; a person's one-word names (and
    surname, "Cameron" for "David Cameron") only in the articles where the
    person is already named. Where two entities want one name, it goes to the
    one already named in that article, else to neither.

    Each article's words are indexed once (``entities.lookup``): a name is only
    tried in the articles that hold its first word, at the offsets where it starts.
    """
    texts = texts_of(sources)
    index = WordIndex.build(texts)
    order = _Order(s.id for s in sources)
    named_in = [{m.source for m in e.mentions} for e in entities]
    wanted = [_search_forms(e, index, order, named) for e, named in zip(entities, named_in, strict=True)]
    lowercase = {w for s in sources for w in _LOWER_WORD.findall(s.text)}
    owner = _owners(named_in, wanted)
    taken = {s.id: Taken() for s in sources}
    for e in entities:
        for m in e.mentions:
            if m.source in taken:
                taken[m.source].add(m.start, m.end)
    grown = []
    for position, (entity, forms) in enumerate(zip(entities, wanted, strict=True)):
        spans = list(entity.mentions)
        for form, where in forms:
            for sid in where:
                if owner.get((form, sid)) != position:
                    continue
                common = form.lower() in lowercase
                for start, end in _occurrences(form, sid, index, common=common, fold=_foldable(entity, form)):
                    if taken[sid].overlaps(start, end):
                        continue
                    if docs is None or _used_as_name(docs[sid], start, end):
                        spans.append(Span(sid, start, end))
                        taken[sid].add(start, end)
        grown.append(_with_mentions(entity, spans, texts))
    return tuple(grown)


def _with_mentions(entity: Entity, spans: list[Span], texts: Mapping[str, str]) -> Entity:
    """The entity with its grown mentions; aliases list every form as it appears, most used first."""
    forms = Counter(texts[m.source][m.start : m.end] for m in spans)
    aliases = tuple(f for f, _ in sorted(forms.items(), key=lambda fc: (-fc[1], fc[0])))
    return dataclasses.replace(entity, aliases=aliases, mentions=tuple(sorted(set(spans))))


def _owners(named_in: Sequence[set[str]], wanted: Sequence[list[tuple[str, list[str]]]]) -> dict:
    """(form, source) -> the one entity that may claim it there: the only one wanting it, else the
    only one of those already named in that source ("Cameron" in David Cameron's article)."""
    claims: dict[tuple[str, str], list[int]] = {}
    for position, forms in enumerate(wanted):
        for form, where in forms:
            for sid in where:
                claims.setdefault((form, sid), []).append(position)
    owner = {}
    for (form, sid), positions in claims.items():
        present = [i for i in set(positions) if sid in named_in[i]]
        if len(set(positions)) == 1:
            owner[(form, sid)] = positions[0]
        elif len(present) == 1:
            owner[(form, sid)] = present[0]
    return owner


def _search_forms(entity: Entity, index: WordIndex, order: _Order, named_in: set[str]) -> list[tuple[str, list[str]]]:
    """Each name to look up with the articles to look in: only those that hold its first word (in any
    case), since it cannot occur elsewhere; the claims of ``_owners`` need no more."""
    has_full_name = any(" " in a.strip() for a in entity.aliases)
    forms = []
    for form in entity.aliases:
        if not _propagatable(form):
            continue
        wide = " " in form.strip() or is_acronym(form) or entity.type != "PERSON" or not has_full_name
        forms.append((form, wide))
    if entity.type == "ORG":
        forms += [(a, True) for a in _acronyms(entity) if a not in entity.aliases]
    if entity.type == "PERSON":
        surnames = {_surname(a) for a in entity.aliases if len(a.split()) >= 2}
        forms += [(s, False) for s in sorted(surnames) if _propagatable(s) and s not in entity.aliases]
    out = []
    for form, wide in forms:
        out.append((form, _where(index.may_hold(form), order, named_in, wide=wide)))
    return out


def _where(holders: set[str] | None, order: _Order, named_in: set[str], *, wide: bool) -> list[str]:
    """The articles, in ``order``, that may hold a name (``holders``; None: any) and where it is
    looked for (all when ``wide``, else those in ``named_in``). Only the smaller of the sets is
    walked: walking every article for every name of the story cost names x articles."""
    if holders is None:
        return list(order.ids) if wide else order.sorted(named_in)
    if wide:
        return order.sorted(holders)
    small, large = (holders, named_in) if len(holders) <= len(named_in) else (named_in, holders)
    return order.sorted(sid for sid in small if sid in large)


class _Order:
    """Article ids in their order, with each one's place, to sort a subset back into that order."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.ids = tuple(ids)
        self.place = {sid: k for k, sid in enumerate(self.ids)}

    def sorted(self, subset: Iterable[str]) -> list[str]:
        return sorted((sid for sid in subset if sid in self.place), key=self.place.__getitem__)


def _used_as_name(doc: Any, start: int, end: int) -> bool:
    """Not where the word is an adjective ("French intervention", "American hostages")."""
    span = doc.char_span(start, end)
    return span is None or len(span) > 1 or span[0].tag_ != "JJ"


def _acronyms(entity: Entity) -> list[str]:
    """ "AP" for "Associated Press" (photo credits), "NYSE" for "New York Stock Exchange"."""
    return sorted({initials(a) for a in entity.aliases if len(a.split()) >= 2 and len(initials(a)) >= 2})


def _surname(name: str) -> str:
    """ "Jean-Yves Le Drian" -> "Le Drian", "Karl Kleppinger Sr." -> "Kleppinger", "David Cameron" -> "Cameron"."""
    words = [w for w in name.split() if w.rstrip(".").lower() not in {"sr", "jr", "ii", "iii"}]
    if len(words) >= 3 and words[-2].lower() in NAME_PARTICLES:
        return " ".join(words[-2:])
    return words[-1]


def _propagatable(form: str) -> bool:
    if is_acronym(form):
        return True
    return len(form) >= MIN_PROPAGATED_WORD and form[:1].isupper()


def _foldable(entity: Entity, form: str) -> bool:
    """An institution's name of several words also counts in lowercase ("the coast guard",
    "the state department": both labelled clusters write them so)."""
    return entity.type == "ORG" and len(form.split()) >= 2 and not is_acronym(form)


def _occurrences(form: str, sid: str, index: WordIndex, *, common: bool = False, fold: bool = False) -> list[tuple[int, int]]:
    """Where ``form`` occurs as a whole word; a ``common`` word ("Total", "Shell": the story
    also uses it in lowercase) does not count where its capital only marks a sentence start."""
    text = index.texts[sid]
    found = index.occurrences(form, sid, fold=fold)
    if common and " " not in form:
        found = [(a, b) for a, b in found if not _SENTENCE_START.search(text[max(0, a - 3) : a] or "\n")]
    return found


_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n“\"]\s*)$")
