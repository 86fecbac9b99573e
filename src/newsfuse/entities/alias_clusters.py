"""Mentions -> entities: merge aliases across outlets, precision first.

A wrong merge corrupts every figure and summary that names the entity, so
each merge rule is narrow and every merge that is not stated by the text
passes two vetoes (``_may_join``): two different full names with one surname
are two people, and a cluster that is clearly a person never joins one that
is clearly a place or organisation.

Order matters and is fixed (each step sees the merges of the steps before):
1. equivalences the text states (glosses, bracketed acronyms) — no veto;
2. within one article, a surname to the only full name ending in it
   ("Cameron" -> "David Cameron"), an acronym to its only long form;
3. across articles, equal keys ("Mohamed Saïd"/"Mohamed Said"), spelling
   variants ("In Amenas"/"Ain Amenas"), acronyms and lone surnames with
   exactly one candidate in the story;
4. place short forms with one candidate ("the Gulf" -> "Gulf of Mexico");
5. groups led by the same person, and a glossed name's translation
   ("Mulathameen brigade" = "The Masked Ones" ~ "Masked Brigade").

The type of each entity is voted over all its mentions (spaCy's label, one
vote each; the name's head word and an appositive noun, two votes each),
never taken from one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..ids import content_id
from ..model import Entity, Span
from ..unionfind import DisjointSet
from .aliases import (
    conflicting_people,
    is_acronym,
    is_acronym_of,
    is_place_short_form,
    is_short_form,
    key_tokens,
    name_key,
    person_titles,
    similar_names,
)
from .mentions import Mention
from .patterns import GROUP_NOUNS, Equivalence, Leadership

#: A cluster's type is "decided" when this share of at least DECIDED_VOTES
#: votes agree; two decided clusters of PERSON vs another type never merge.
#: 0.6 lets "Sonatrach" (PERSON once, ORG twice in in-amenas) join its ORG
#: mentions while keeping Al Jazeera's "Jordan" (PERSON) from a country.
DECIDED_SHARE = 0.6
DECIDED_VOTES = 2
#: Weight of a head-word hint ("... University", "Gulf of ...") against one spaCy label.
HINT_VOTES = 2

HEAD_HINTS: Mapping[str, str] = {
    **dict.fromkeys(
        "university department service agency administration guard party ministry council committee company "
        "campaign club brigade battalion press exchange bank institute association union network corp plc "
        "ltd inc brother holding".split(), "ORG"),
    **dict.fromkeys("gulf sea sound bay ocean desert river mountain coast".split(), "LOC"),
    **dict.fromkeys("airport station tower bridge".split(), "FAC"),
    **dict.fromkeys("war".split(), "EVENT"),
}


def _of_head(form: str) -> bool:
    """ "Gulf of Mexico", "Bay of Campeche": the head word comes first."""
    words = form.lower().split()
    return len(words) >= 3 and words[1] == "of"


@dataclass(frozen=True)
class Node:
    """All mentions in one source that share a name key: the unit the rules merge."""

    source: str
    key: str
    mentions: tuple[Mention, ...]

    @cached_property
    def form(self) -> str:
        return Counter(m.text for m in self.mentions).most_common(1)[0][0]

    @cached_property
    def size(self) -> int:
        return len(self.key.split())

    @cached_property
    def acronym(self) -> bool:
        return all(is_acronym(m.text) for m in self.mentions)


def build_nodes(mentions: Iterable[Mention]) -> list[Node]:
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        key = name_key(m.text)
        if key:
            groups[(m.span.source, key)].append(m)
    return [Node(src, key, tuple(sorted(ms, key=lambda m: m.span))) for (src, key), ms in sorted(groups.items())]


def votes(nodes: Iterable[Node]) -> Counter[str]:
    tally: Counter[str] = Counter()
    for node in nodes:
        for m in node.mentions:
            if m.label:
                tally["ORG" if m.label == "NORP" else m.label] += 1
            if m.cue:
                tally[m.cue] += HINT_VOTES
        hint = HEAD_HINTS.get(node.key.split()[-1]) or (_of_head(node.form) and HEAD_HINTS.get(node.key.split()[0]))
        if hint and node.size > 1:
            tally[hint] += HINT_VOTES * len(node.mentions)
    return tally


def decided_type(tally: Counter[str]) -> str | None:
    total = sum(tally.values())
    if total < DECIDED_VOTES:
        return None
    label, count = tally.most_common(1)[0]
    return label if count / total >= DECIDED_SHARE else None


class _Clusters:
    """Union-find over nodes with the vetoes; local to one ``cluster_mentions`` call."""

    def __init__(self, nodes: Sequence[Node]) -> None:
        self.nodes = list(nodes)
        self.sets: DisjointSet[int] = DisjointSet(range(len(nodes)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
        self.kinds: dict[int, str | None] = {}

    def root(self, i: int) -> int:
        return self.sets.find(i)

    def group(self, i: int) -> list[Node]:
        return [self.nodes[j] for j in self.members[self.root(i)]]

    def kind(self, i: int) -> str | None:
        """The decided type of ``i``'s cluster, else its most voted one (cached until it changes)."""
        r = self.root(i)
        if r not in self.kinds:
            self.kinds[r] = _kind(self.group(r))
        return self.kinds[r]

    def join(self, a: int, b: int, *, force: bool = False) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return True
        if not force and not _may_join(self.group(ra), self.group(rb)):
            return False
        self.sets.union(ra, rb)
        self.members[ra] += self.members.pop(rb)
        self.kinds.pop(ra, None)
        self.kinds.pop(rb, None)
        return True


def _may_join(a: list[Node], b: list[Node]) -> bool:
    ta, tb = decided_type(votes(a)), decided_type(votes(b))
    if ta and tb and ta != tb and "PERSON" in (ta, tb):
        return False
    names_a, names_b = _full_person_names(a), _full_person_names(b)
    return not any(conflicting_people(x, y) for x in names_a for y in names_b)


def _full_person_names(group: list[Node]) -> set[str]:
    if decided_type(votes(group)) not in {"PERSON", None}:
        return set()
    return {n.form for n in group if n.size >= 2 and not n.acronym}


def cluster_mentions(
    mentions: Sequence[Mention],
    equivalences: Sequence[Equivalence] = (),
    leaderships: Sequence[Leadership] = (),
) -> tuple[Entity, ...]:
    """Entities from mentions of every source, in the order the module docstring gives."""
    nodes = build_nodes(mentions)
    clusters = _Clusters(nodes)
    at = {m.span: i for i, n in enumerate(nodes) for m in n.mentions}
    for eq in equivalences:
        if eq.a in at and eq.b in at:
            clusters.join(at[eq.a], at[eq.b], force=True)
    attached = _attach_short_forms(clusters)
    _join_acronyms(clusters, same_source=True)
    _join_equal_keys(clusters, attached)
    _join_variants(clusters, attached)
    _join_acronyms(clusters, same_source=False)
    _join_lone_surnames(clusters, attached)
    _join_place_short_forms(clusters)
    _join_org_first_words(clusters)
    _join_by_leader(clusters, leaderships, at)
    _join_glossed(clusters, equivalences, at)
    roots = sorted({clusters.root(i) for i in range(len(nodes))})
    entities = [_entity(clusters.group(r), {nodes[i] for i in attached}) for r in roots]
    return tuple(sorted(entities, key=lambda e: (-len({s.source for s in e.mentions}), -len(e.mentions), e.name)))


def _kind(group: list[Node]) -> str | None:
    return decided_type(votes(group)) or (votes(group).most_common(1)[0][0] if votes(group) else None)


def _attach_short_forms(clusters: _Clusters) -> set[int]:
    """Within one article: "Belmokhtar" -> "Mokhtar Belmokhtar", "Shell" -> "Royal Dutch Shell Plc".

    A surname joins the only person in the article whose full name ends in
    it, whatever label the model gave the surname (it calls Al Jazeera's
    "Jordan" a country and "Landry" an organisation). An organisation's last
    word joins only an organisation. Places never: "Africa" is not "North
    Africa". A short form with several candidates ("Murray" beside three
    Murrays) stays alone.
    """
    attached: set[int] = set()
    by_source = defaultdict(list)
    same_key = defaultdict(list)
    for i, n in enumerate(clusters.nodes):
        by_source[n.source].append(i)
        same_key[n.key].append(n)
    for members in by_source.values():
        for i in members:
            short = clusters.nodes[i]
            if short.acronym:
                continue
            # "Ford" that the story calls an organisation throughout is the company, not its chairman
            # William Clay Ford Jr. in the same article (MEANTIME gm).
            story_kind = decided_type(votes(same_key[short.key]))
            personal = story_kind in {"PERSON", None} or (story_kind == "ORG" and not _org_word(clusters, short.key))
            if short.size == 1 and _first_name_elsewhere(clusters, short.key):
                personal = False
            people = _hosts(clusters, members, i, "PERSON") if personal else set()
            if len(people) == 1 and clusters.join(people.pop(), i, force=True):
                attached.add(i)
            elif not people and _kind([short]) == "ORG":
                orgs = _hosts(clusters, members, i, "ORG")
                if len(orgs) == 1 and clusters.join(orgs.pop(), i):
                    attached.add(i)
    return attached


def _hosts(clusters: _Clusters, members: list[int], i: int, kind: str) -> set[int]:
    """Clusters of ``kind`` in the article of node ``i`` with a longer name that ``i`` is a short form of."""
    short = clusters.nodes[i]
    hosts = {
        clusters.root(j) for j in members
        if j != i and clusters.nodes[j].size > short.size
        and clusters.kind(j) in ({kind, None} if kind == "PERSON" else {kind})
        and any(is_short_form(short.form, n.form) for n in clusters.group(j) if n.source == short.source)
    }
    hosts.discard(clusters.root(i))
    return hosts


def _join_acronyms(clusters: _Clusters, *, same_source: bool) -> None:
    nodes = clusters.nodes
    for i, short in enumerate(nodes):
        if not short.acronym:
            continue
        if not same_source and any(not n.acronym for n in clusters.group(i)):
            continue
        hosts = {
            clusters.root(j) for j, long in enumerate(nodes)
            if not long.acronym and (long.source == short.source or not same_source)
            and any(is_acronym_of(m.text, long.form) for m in short.mentions)
        }
        if len(hosts) == 1:
            clusters.join(hosts.pop(), i)


def _join_equal_keys(clusters: _Clusters, attached: set[int]) -> None:
    """Equal keys join; a multi-word key is trusted over conflicting labels ("Deepwater Horizon"
    is a PERSON in one article, an ORG in another), a one-word key is not."""
    first: dict[str, int] = {}
    for i, n in enumerate(clusters.nodes):
        if i in attached:
            continue
        if n.key in first:
            clusters.join(first[n.key], i, force=n.size > 1)
        else:
            first[n.key] = i


def _join_variants(clusters: _Clusters, attached: set[int]) -> None:
    """Spelling variants with the same token count, across or within articles."""
    by_size = defaultdict(list)
    for i, n in enumerate(clusters.nodes):
        if i not in attached and not n.acronym:
            by_size[n.size].append(i)
    for members in by_size.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if clusters.root(i) == clusters.root(j):
                    continue
                a, b = clusters.nodes[i], clusters.nodes[j]
                person = clusters.kind(i) == "PERSON" or clusters.kind(j) == "PERSON"
                if similar_names(a.form, b.form, person=person) and not (person and _share_source(clusters, i, j)):
                    clusters.join(i, j)


def _share_source(clusters: _Clusters, i: int, j: int) -> bool:
    """Both clusters are named in one article under different keys: one article does not spell
    one person two ways, so "Mary Landry" and "Mary Landrieu" side by side are two people."""
    return bool({n.source for n in clusters.group(i)} & {n.source for n in clusters.group(j)})


def _org_word(clusters: _Clusters, token: str) -> bool:
    """``token`` is a word of a multi-word organisation name in the story ("Ford Motor"): a
    one-word name the model calls ORG is then the organisation, not a person's surname."""
    return any(n.size > 1 and token in n.key.split() and clusters.kind(j) == "ORG"
               for j, n in enumerate(clusters.nodes))


def _first_name_elsewhere(clusters: _Clusters, token: str) -> bool:
    """``token`` opens a person's full name in the story ("Jordan" of "Jordan Belliveau"): as a
    lone word it may be that person's given name, so it is no one's surname for sure."""
    return any(n.size > 1 and n.key.split()[0] == token and clusters.kind(j) in {"PERSON", None}
               and not set(n.key.split()[1:]) & person_titles()  # "Obama Deputy Campaign Manager"
               for j, n in enumerate(clusters.nodes))


def _join_lone_surnames(clusters: _Clusters, attached: set[int]) -> None:
    """An article that names someone by surname only: the one full name in the story that ends in it."""
    nodes = clusters.nodes
    for i, short in enumerate(nodes):
        group = clusters.group(i)
        # A one-word name labelled ORG stays an organisation: "Ford" is not William Clay Ford Jr. (MEANTIME gm).
        if i in attached or short.size != 1 or short.acronym:
            continue
        if clusters.kind(i) not in {"PERSON", None} and (clusters.kind(i) != "ORG" or _org_word(clusters, short.key)):
            continue
        if _first_name_elsewhere(clusters, short.key):
            continue
        if any(n.size > 1 for n in group):
            continue
        hosts = {
            clusters.root(j) for j, full in enumerate(nodes)
            if full.size > 1 and clusters.kind(j) == "PERSON" and is_short_form(short.form, full.form)
        }
        if len(hosts) == 1:
            clusters.join(hosts.pop(), i)


PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ORG_HEADS = frozenset(w for w, t in HEAD_HINTS.items() if t == "ORG")


def _join_org_first_words(clusters: _Clusters) -> None:
    """ "Stanford" -> the one "Stanford University", "Lehman" -> the one "Lehman Brothers": an
    organisation's name without its generic head word."""
    nodes = clusters.nodes
    for i, short in enumerate(nodes):
        if short.size != 1 or short.acronym or clusters.kind(i) not in {"ORG", None}:
            continue
        hosts = {
            clusters.root(j) for j, full in enumerate(nodes)
            if full.size > 1 and clusters.kind(j) == "ORG" and full.key.split()[0] == short.key
            and all(t in ORG_HEADS for t in full.key.split()[1:])
        }
        hosts.discard(clusters.root(i))
        if len(hosts) == 1:
            clusters.join(hosts.pop(), i)


def _join_place_short_forms(clusters: _Clusters) -> None:
    """ "the Gulf" -> the one "Gulf of ..." in the story; "Amenas" -> the one "In Amenas"."""
    nodes = clusters.nodes
    for i, short in enumerate(nodes):
        if short.size != 1 or short.acronym or clusters.kind(i) not in PLACE_TYPES:
            continue
        hosts = {
            clusters.root(j) for j, full in enumerate(nodes)
            if full.size > 1 and clusters.kind(j) in PLACE_TYPES and is_place_short_form(short.form, full.form)
        }
        hosts.discard(clusters.root(i))
        if len(hosts) == 1:
            clusters.join(hosts.pop(), i)


def _join_by_leader(clusters: _Clusters, leaderships: Sequence[Leadership], at: Mapping[Span, int]) -> None:
    led: dict[int, list[int]] = defaultdict(list)
    for lead in leaderships:
        if lead.group in at and lead.leader in at:
            led[clusters.root(at[lead.leader])].append(at[lead.group])
    for leader, groups in led.items():
        if clusters.kind(leader) != "PERSON":
            continue
        for g in groups[1:]:
            if clusters.kind(g) != "PERSON" and clusters.kind(groups[0]) != "PERSON":
                clusters.join(groups[0], g)


def _core(name: str) -> tuple[str, ...]:
    """A group name without its head noun: "Masked Brigade" and "The Masked Ones" -> ("masked",)."""
    return tuple(t for t in key_tokens(name) if t not in GROUP_NOUNS and t != "one")


def _join_glossed(clusters: _Clusters, equivalences: Sequence[Equivalence], at: Mapping[Span, int]) -> None:
    """A translated name ("The Masked Ones") also joins another outlet's rendering of it ("Masked Brigade")."""
    for eq in equivalences:
        if eq.reason != "gloss" or eq.b not in at:
            continue
        gloss = clusters.nodes[at[eq.b]]
        core = _core(gloss.form)
        for j, other in enumerate(clusters.nodes):
            if core and _core(other.form) == core and other.size > len(core) and clusters.kind(j) == "ORG":
                clusters.join(at[eq.b], j)


def _entity(group: list[Node], attached: set[Node]) -> Entity:
    mentions = tuple(sorted(m.span for n in group for m in n.mentions))
    forms = Counter(m.text for n in group for m in n.mentions)
    tally = votes(group)
    if any(n in attached for n in group) and _kind(group) != "ORG":
        tally["PERSON"] += HINT_VOTES  # named by surname alone: how articles refer to people
    return Entity(
        id=content_id("e", _canonical(group, attached), mentions[0]),
        name=_canonical(group, attached),
        type=decided_type(tally) or (tally.most_common(1)[0][0] if tally else "MISC"),
        aliases=tuple(f for f, _ in sorted(forms.items(), key=lambda fc: (-fc[1], fc[0]))),
        mentions=mentions,
    )


def _canonical(group: list[Node], attached: set[Node]) -> str:
    """The most complete, most widely used form: full names over surnames and acronyms."""
    expanded = {n.key for n in group if not n.acronym}
    candidates = [n for n in group if n not in attached and not (n.acronym and expanded - {n.key})] or group
    if _kind(group) == "PERSON" and any(n.size > 1 for n in candidates):
        candidates = [n for n in candidates if n.size > 1]
    sources: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for n in candidates:
        for m in n.mentions:
            sources[m.text].add(m.span.source)
            counts[m.text] += 1
    return max(counts, key=lambda f: (len(sources[f]), len(key_tokens(f)), counts[f], f[:1].isupper(), f))
