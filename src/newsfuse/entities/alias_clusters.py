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

Each rule is tried only on the pairs its necessary condition allows
(``alias_blocks``), in the order the all-pairs loops tried them, so the
clusters are the same; ``exhaustive=True`` tries every pair and is kept as the
reference the blocking is tested against. A cluster's votes, type, sources and
full names are kept per cluster until it changes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

from rapidfuzz import fuzz

from ..ids import content_id
from ..model import Entity, Span
from ..unionfind import DisjointSet
from ..words import MONTHS, WEEKDAYS
from .alias_blocks import CloseStrings, index, merged
from .aliases import (
    GIVEN_NAME_PREFIX,
    HEAD_HINTS,
    PARTIAL_ACRONYM_LETTERS,
    SIMILAR_FIRST_NAME_RATIO,
    SIMILAR_NAME_RATIO,
    SIMILAR_SURNAME_RATIO,
    acronym_letters,
    conflicting_people,
    expansion_initials,
    familiar_form,
    fold,
    full_name_tokens,
    is_acronym,
    is_acronym_of,
    is_given_name,
    is_place_short_form,
    is_short_form,
    key_tokens,
    name_key,
    org_aliases,
    particle_surname,
    person_shaped,
    person_titles,
    phonetic,
    place_aliases,
    place_words,
    same_surname,
    short_form_tokens,
    similar_names,
    surname_particles,
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

    @cached_property
    def tally(self) -> Counter[str]:
        """This node's type votes (``votes``); shared, do not change it."""
        tally: Counter[str] = Counter()
        for m in self.mentions:
            if m.label and not _shouted(m.text):
                tally["ORG" if m.label == "NORP" else m.label] += 1
            if m.cue:
                tally[m.cue] += HINT_VOTES
        hint = HEAD_HINTS.get(self.key.split()[-1]) or (_of_head(self.form) and HEAD_HINTS.get(self.key.split()[0]))
        if hint and self.size > 1:
            tally[hint] += HINT_VOTES * len(self.mentions)
        return tally


#: A capitalised word this long or longer is a name in capitals, not an acronym.
SHOUTED_LETTERS = 7


def _shouted(text: str) -> bool:
    """A transcript's speaker label ("ZAKARIA:", "GEITHNER:"): one word in capitals, which the
    tagger types at random (a place, an organisation), so its label is no evidence of its type
    (report5 and report6 splits: the speaker listed apart from the full name)."""
    word = text.strip()
    return " " not in word and word.isupper() and len(word) >= SHOUTED_LETTERS


def build_nodes(mentions: Iterable[Mention]) -> list[Node]:
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        key = name_key(m.text)
        if key:
            groups[(m.span.source, key)].append(m)
    return [Node(src, key, tuple(sorted(ms, key=lambda m: m.span))) for (src, key), ms in sorted(groups.items())]


def votes(nodes: Iterable[Node]) -> Counter[str]:
    """Type votes of a group: spaCy labels (NORP counts as ORG), appositive cues and head words.

    A sum of the nodes' tallies, so a cluster's votes are the sum of its parts' when two join
    (labels first seen first: ``most_common`` breaks ties by that order)."""
    tally: Counter[str] = Counter()
    for node in nodes:
        tally.update(node.tally)
    return tally


def decided_type(tally: Counter[str]) -> str | None:
    total = sum(tally.values())
    if total < DECIDED_VOTES:
        return None
    label, count = tally.most_common(1)[0]
    return label if count / total >= DECIDED_SHARE else None


class _Clusters:
    """Union-find over nodes with the vetoes; local to one ``cluster_mentions`` call.

    What the rules ask of a whole cluster (votes, type, sources, full names) is computed once
    per cluster and dropped when it joins another: asking it of every member of a cluster of
    a thousand reports again and again was quadratic.
    """

    def __init__(self, nodes: Sequence[Node], *, exhaustive: bool = False) -> None:
        self.nodes = list(nodes)
        self.sets: DisjointSet[int] = DisjointSet(range(len(nodes)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
        self.memo: dict[int, dict[str, Any]] = {}
        self.blocks = _Blocks(self.nodes, exhaustive=exhaustive)
        self.static: dict[tuple[Any, ...], list[int]] = {}

    def one_per_cluster(self, key: tuple[Any, ...], candidates: Callable[[], Iterable[int]]) -> list[int]:
        """One node of each cluster among the nodes that pass a rule's test on strings alone.

        Those nodes depend only on ``key`` (the rule and the short form's strings), so they are
        found once per key; and since clusters only grow, one node per cluster stands for all
        of them ever after: a rule that asks again sees the same clusters, from fewer nodes."""
        reps = self.static.get(key)
        if reps is None:
            reps = list(candidates())
        seen: dict[int, int] = {}
        for j in reps:
            seen.setdefault(self.root(j), j)
        self.static[key] = list(seen.values())
        return self.static[key]

    @cached_property
    def key_kinds(self) -> dict[str, str | None]:
        """The type the story's mentions decide for each name key, voted over every node with that key
        whatever cluster it is in ("Comeaux": a GPE in one report, a PERSON in four)."""
        same_key: dict[str, list[Node]] = defaultdict(list)
        for n in self.nodes:
            same_key[n.key].append(n)
        return {key: decided_type(votes(nodes)) for key, nodes in same_key.items()}

    def root(self, i: int) -> int:
        return self.sets.find(i)

    def group(self, i: int) -> list[Node]:
        return [self.nodes[j] for j in self.members[self.root(i)]]

    def _of_group(self, i: int, name: str, compute: Callable[[list[Node]], Any]) -> Any:
        r = self.root(i)
        memo = self.memo.setdefault(r, {})
        if name not in memo:
            memo[name] = compute(self.group(r))
        return memo[name]

    def votes(self, i: int) -> Counter[str]:
        """The type votes of ``i``'s cluster (shared: do not change it)."""
        return self._of_group(i, "votes", votes)

    def kind(self, i: int) -> str | None:
        """The decided type of ``i``'s cluster, else its most voted one."""
        memo = self.memo.setdefault(self.root(i), {})
        if "kind" not in memo:
            tally = self.votes(i)
            memo["kind"] = decided_type(tally) or (tally.most_common(1)[0][0] if tally else None)
        return memo["kind"]

    def sources(self, i: int) -> frozenset[str]:
        return self._of_group(i, "sources", lambda group: frozenset(n.source for n in group))

    def person_names(self, i: int) -> frozenset[str]:
        """The full person names of ``i``'s cluster (none when it is decided not to be a person)."""
        if decided_type(self.votes(i)) not in {"PERSON", None}:
            return frozenset()
        return self._of_group(i, "names", lambda group: frozenset(n.form for n in group if n.size >= 2 and not n.acronym))

    def any_long_form(self, i: int) -> bool:
        return self._of_group(i, "long", lambda group: any(not n.acronym for n in group))

    def any_multiword(self, i: int) -> bool:
        return self._of_group(i, "multiword", lambda group: any(n.size > 1 for n in group))

    def person_like(self, i: int) -> bool:
        """The cluster is a person, or the tagger called it an organisation but it holds a
        person-shaped name ("Brock Turner" typed ORG): a surname may join it."""
        kind = self.kind(i)
        return kind in {"PERSON", None} or kind == "ORG" and self._of_group(
            i, "shaped", lambda group: any(person_shaped(n.form) for n in group))

    def join(self, a: int, b: int, *, force: bool = False) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return True
        if not force and not _may_join(self, ra, rb):
            return False
        self.sets.union(ra, rb)
        self.members[ra] += self.members.pop(rb)
        self.memo[ra] = _merged_memo(self.memo.pop(ra, {}), self.memo.pop(rb, {}))
        return True


def _merged_memo(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """What is known of two clusters that is known of their union: votes add up (``votes``: a's
    labels first, as the joined group lists a's nodes first), sets unite, flags or."""
    out: dict[str, Any] = {}
    if "votes" in a and "votes" in b:
        out["votes"] = Counter(a["votes"])
        out["votes"].update(b["votes"])
    for name in ("sources", "names"):
        if name in a and name in b:
            out[name] = a[name] | b[name]
    for name in ("long", "multiword", "shaped"):
        if name in a and name in b:
            out[name] = a[name] or b[name]
    return out


def _may_join(clusters: _Clusters, a: int, b: int) -> bool:
    ta, tb = decided_type(clusters.votes(a)), decided_type(clusters.votes(b))
    if ta and tb and ta != tb and "PERSON" in (ta, tb):
        return False
    names_a, names_b = clusters.person_names(a), clusters.person_names(b)
    return not any(conflicting_people(x, y) for x in names_a for y in names_b)


def _similar_either_way(a: str, b: str) -> bool:
    """``similar_names`` for a person or not, in either order (its length guard reads only the first)."""
    return any(similar_names(x, y, person=p) for x, y in ((a, b), (b, a)) for p in (True, False))


def _same_opening(a: str, b: str) -> bool:
    """What ``given_name_forms`` needs of two given names: equal, or the same first letters."""
    return a == b or len(a) >= GIVEN_NAME_PREFIX and len(b) >= GIVEN_NAME_PREFIX and a[:GIVEN_NAME_PREFIX] == b[:GIVEN_NAME_PREFIX]


class _Blocks:
    """For each rule, the nodes it may accept with a given node (``alias_blocks``): a superset,
    ascending; with ``exhaustive`` every node (the all-pairs reference)."""

    def __init__(self, nodes: Sequence[Node], *, exhaustive: bool) -> None:
        self.nodes = nodes
        self.exhaustive = exhaustive
        self.every = range(len(nodes))

    @cached_property
    def _key_tokens(self) -> list[tuple[str, ...]]:
        return [key_tokens(n.form) for n in self.nodes]

    @cached_property
    def _variant_partners(self) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        """Key tokens -> the other key tokens ``similar_names`` accepts with them, for a person or not.

        ``similar_names`` reads only the two forms' key tokens, so it is decided once per pair of
        distinct keys, and only on the pairs that meet one of its two necessary conditions (both
        need as many tokens):
        - not a person: the joined tokens reach ``SIMILAR_NAME_RATIO`` (candidates from
          ``CloseStrings``, then the ratio itself);
        - a person: the last tokens are one surname (``same_surname``: equal, or one metaphone key
          and close spelling) and, for names of several tokens, the given names are close by
          ``SIMILAR_FIRST_NAME_RATIO`` or (two tokens) open with the same ``GIVEN_NAME_PREFIX``
          letters (``given_name_forms``)."""
        form = {}
        for kt, n in zip(self._key_tokens, self.nodes, strict=True):
            if kt:
                form.setdefault(kt, n.form)
        keys = list(form)
        joined = [" ".join(kt) for kt in keys]
        by_last = index((x, [kt[-1]]) for x, kt in enumerate(keys))
        sounds = index((t, [phonetic(t)]) for t in by_last)
        close_whole = CloseStrings(joined, SIMILAR_NAME_RATIO)
        given = [" ".join(kt[:-1]) for kt in keys]
        partners: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        for x, kt in enumerate(keys):
            near = {y for y in close_whole.near(joined[x])
                    if fuzz.ratio(joined[x], joined[y]) >= SIMILAR_NAME_RATIO}
            surnames: set[int] = set()
            for t in sounds[phonetic(kt[-1])]:
                if same_surname(t, kt[-1]):
                    surnames.update(by_last[t])
            if len(kt) > 1:
                surnames = {y for y in surnames if fuzz.ratio(given[x], given[y]) >= SIMILAR_FIRST_NAME_RATIO
                            or len(kt) == 2 and (_same_opening(kt[0], keys[y][0]) or familiar_form(kt[0], keys[y][0]))}
            near |= surnames
            partners[kt] = [keys[y] for y in sorted(near) if y != x and len(keys[y]) == len(kt)
                            and _similar_either_way(form[kt], form[keys[y]])]
        return partners

    def variant_pairs(self, members: Sequence[int], clusters: _Clusters) -> Iterator[tuple[int, int]]:
        """The pairs (i, j), i < j, of ``members`` (ascending) that ``_join_variants`` tries, in its order.

        Blocked: for each i, the members whose form has i's key tokens or a partner's
        (``_variant_partners``), less those already in i's cluster when i's turn comes (clusters
        only grow, so the all-pairs loop would skip them too). A key whose members are all in one
        cluster is passed over whole: a story's most named keys have hundreds of nodes."""
        if self.exhaustive:
            for x, i in enumerate(members):
                for j in members[x + 1 :]:
                    yield i, j
            return
        kts = self._key_tokens
        groups = index((i, [kts[i]]) for i in members if kts[i])
        united: set[tuple[str, ...]] = set()
        for i in members:
            if not kts[i]:
                continue
            r = clusters.root(i)
            found: list[int] = []
            for p in (kts[i], *self._variant_partners[kts[i]]):
                ids = groups.get(p)
                if not ids:
                    continue
                after = bisect_right(ids, i)
                if p in united:
                    found += ids[after:] if clusters.root(ids[0]) != r else []
                    continue
                roots = [clusters.root(j) for j in ids]
                if len(set(roots)) == 1:
                    united.add(p)
                found += [j for j, rj in zip(ids[after:], roots[after:], strict=True) if rj != r]
            for j in sorted(found):
                yield i, j

    @cached_property
    def _initials(self) -> dict[str, list[int]]:
        return index((j, expansion_initials(n.form)) for j, n in enumerate(self.nodes) if not n.acronym)

    def acronym_hosts(self, i: int) -> Iterable[int]:
        """Long forms whose initials spell an acronym of ``i`` in full or, partial, all but its last letter."""
        if self.exhaustive:
            return self.every
        letters = {acronym_letters(m.text) for m in self.nodes[i].mentions}
        spelt = letters | {x[:-1] for x in letters if len(x) >= PARTIAL_ACRONYM_LETTERS}
        return merged(*(self._initials.get(x, ()) for x in spelt))

    @cached_property
    def _last_names(self) -> dict[str, list[int]]:
        return index((j, full_name_tokens(n.form)[-1:]) for j, n in enumerate(self.nodes) if n.size > 1)

    @cached_property
    def _close_last_names(self) -> CloseStrings:
        return CloseStrings(list(self._last_names), SIMILAR_SURNAME_RATIO)

    def surname_hosts(self, i: int) -> Iterable[int]:
        """Full names ``is_short_form`` may accept for ``i``: same last token, or (one token of five
        letters or more) one close to it."""
        if self.exhaustive:
            return self.every
        return merged(*(self._last_names.get(t, ()) for t in _last_tokens(self.nodes[i].form, self._close_last_names)))

    @cached_property
    def _article_last_names(self) -> dict[tuple[str, str], list[int]]:
        """(source, last token of ``full_name_tokens``) -> its nodes, ascending."""
        out: dict[tuple[str, str], list[int]] = defaultdict(list)
        for j, n in enumerate(self.nodes):
            last = full_name_tokens(n.form)[-1:]
            if last:
                out[(n.source, last[0])].append(j)
        return out

    @cached_property
    def _close_any_last_names(self) -> CloseStrings:
        return CloseStrings(sorted({last for _, last in self._article_last_names}), SIMILAR_SURNAME_RATIO)

    def short_form_hosts(self, i: int) -> list[int]:
        """The nodes of ``i``'s article that ``is_short_form`` may accept as ``i``'s full name (a
        superset, ascending): the same last token, or (one token of five letters or more) one close
        to it. Unlike ``surname_hosts``, nodes of any size."""
        source = self.nodes[i].source
        lasts = _last_tokens(self.nodes[i].form, self._close_any_last_names)
        return merged(*(self._article_last_names.get((source, t), ()) for t in lasts))

    @cached_property
    def _place_ends(self) -> dict[str, list[int]]:
        return index((j, (kt[0], kt[-1])) for j, kt in enumerate(self._key_tokens) if len(kt) >= 2)

    def place_hosts(self, i: int) -> Iterable[int]:
        """Names ``is_place_short_form`` may accept for ``i``: those whose first or last key token it is."""
        if self.exhaustive:
            return self.every
        ks = self._key_tokens[i]
        return self._place_ends.get(ks[0], []) if len(ks) == 1 else []

    @cached_property
    def _first_words(self) -> dict[str, list[int]]:
        return index((j, n.key.split()[:1]) for j, n in enumerate(self.nodes) if n.size > 1)

    def opening_with(self, word: str) -> Iterable[int]:
        """Names of several words whose key opens with ``word``."""
        return self.every if self.exhaustive else self._first_words.get(word, [])

    @cached_property
    def _words(self) -> dict[str, list[int]]:
        return index((j, n.key.split()) for j, n in enumerate(self.nodes) if n.size > 1)

    def holding(self, word: str) -> Iterable[int]:
        """Names of several words whose key holds ``word``."""
        return self.every if self.exhaustive else self._words.get(word, [])

    @cached_property
    def _cores(self) -> dict[tuple[str, ...], list[int]]:
        return index((j, [_core(n.form)]) for j, n in enumerate(self.nodes))

    def with_core(self, core: tuple[str, ...]) -> Iterable[int]:
        return self.every if self.exhaustive else self._cores.get(core, [])


def _last_tokens(short: str, close: CloseStrings) -> list[str]:
    """The last tokens a full name may end with for ``is_short_form`` to accept ``short``: its own,
    and (one token of five letters or more) the close spellings among ``close``."""
    ks = short_form_tokens(short)
    if not ks:
        return []
    lasts = [ks[-1]]
    if len(ks) == 1 and len(ks[0]) >= 5:
        lasts += [close.data[x] for x in close.near(ks[0])]
    return lasts


def cluster_mentions(
    mentions: Sequence[Mention],
    equivalences: Sequence[Equivalence] = (),
    leaderships: Sequence[Leadership] = (),
    *,
    exhaustive: bool = False,
) -> tuple[Entity, ...]:
    """Entities from mentions of every source, in the order the module docstring gives.

    ``exhaustive`` tries every rule on every pair of names instead of on the blocked candidates:
    the same clusters, far slower; the reference the blocking is tested against."""
    nodes = build_nodes(mentions)
    clusters = _Clusters(nodes, exhaustive=exhaustive)
    at = {m.span: i for i, n in enumerate(nodes) for m in n.mentions}
    for eq in equivalences:
        if eq.a in at and eq.b in at:
            clusters.join(at[eq.a], at[eq.b], force=True)
    attached = _attach_short_forms(clusters)
    _join_acronyms(clusters, same_source=True)
    _join_equal_keys(clusters, attached)
    _join_variants(clusters, attached)
    _join_acronyms(clusters, same_source=False)
    _join_middle_names(clusters)
    # a name the tagger ran into its neighbour ("Reading Kirsten Gillibrand") is that name before a lone
    # surname looks for its one full name: two hosts of one person left "Gillibrand" alone (report11)
    _join_run_ins(clusters)
    _join_lone_surnames(clusters, attached)
    _join_lone_given_names(clusters)
    _join_place_short_forms(clusters)
    _join_aliases(clusters)
    _join_attached_org_words(clusters, attached)
    _join_org_first_words(clusters)
    _join_by_leader(clusters, leaderships, at)
    _join_glossed(clusters, equivalences, at)
    roots = sorted({clusters.root(i) for i in range(len(nodes))})
    attached_nodes = {nodes[i] for i in attached}
    entities = [_entity(clusters.group(r), attached_nodes) for r in roots]
    return tuple(sorted(entities, key=lambda e: (-len({s.source for s in e.mentions}), -len(e.mentions), e.name)))


def _kind(group: list[Node]) -> str | None:
    tally = votes(group)
    return decided_type(tally) or (tally.most_common(1)[0][0] if tally else None)


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
    for i, n in enumerate(clusters.nodes):
        by_source[n.source].append(i)
    story_kinds = clusters.key_kinds
    for members in by_source.values():
        for i in members:
            short = clusters.nodes[i]
            if short.acronym:
                continue
            # "Ford" that the story calls an organisation throughout is the company, not its chairman
            # William Clay Ford Jr. in the same article (MEANTIME gm).
            story_kind = story_kinds[short.key]
            personal = story_kind in {"PERSON", None} or (story_kind == "ORG" and not _org_word(clusters, short.key))
            if short.size == 1 and _first_name_elsewhere(clusters, short):
                personal = False
            people = _hosts(clusters, members, i, "PERSON") if personal else set()
            if len(people) == 1 and short.size == 1 and _named_later(clusters, i, next(iter(people))):
                continue  # "President Obama ... said. His wife, Michelle Obama, ...": someone else
            if len(people) == 1 and clusters.join(people.pop(), i, force=True):
                attached.add(i)
            elif not people and _kind([short]) == "ORG" and not _opens_other_names(clusters, short):
                orgs = _hosts(clusters, members, i, "ORG")
                if len(orgs) == 1 and clusters.join(orgs.pop(), i):
                    attached.add(i)
    return attached


def _opens_other_names(clusters: _Clusters, short: Node) -> bool:
    """A one-word organisation name that the story also writes first in names of other things
    ("House" of "House Republicans", "House Oversight Committee") is a name of its own there (the
    House of Representatives), not the short form of the one longer name ending in it ("White
    House": report9 and report10 splits, five stories)."""
    if short.size != 1:
        return False
    word = short.key
    return any(clusters.nodes[j].key.split()[0] == word and clusters.nodes[j].size > 1
               for j in clusters.blocks.opening_with(word))


def _hosts(clusters: _Clusters, members: list[int], i: int, kind: str) -> set[int]:
    """Clusters of ``kind`` in the article of node ``i`` with a longer name that ``i`` is a short form of.

    That is: the clusters of a node ``j`` of the article (not ``i``, of more words than ``i``)
    that hold a node of the article ``i`` is a short form of. Blocked (``_Blocks.short_form_hosts``):
    those nodes are found first, by last token, in the article only; then each of their clusters
    is checked for such a ``j``. The all-pairs reference (``exhaustive``) tries every ``j`` of the
    article against every node of its cluster, which grew with the square of a long article."""
    short = clusters.nodes[i]
    accepted = {kind, None} if kind == "PERSON" else {kind}

    def fits(j: int) -> bool:
        return clusters.person_like(j) if kind == "PERSON" else clusters.kind(j) in accepted

    if clusters.blocks.exhaustive:
        hosts = {
            clusters.root(j) for j in members
            if j != i and clusters.nodes[j].size > short.size and not _titled_surname(clusters.nodes[j])
            and fits(j)
            and any(is_short_form(short.form, n.form) for n in clusters.group(j) if n.source == short.source)
        }
    else:
        hosts = set()
        fulls = [n for n in clusters.blocks.short_form_hosts(i) if is_short_form(short.form, clusters.nodes[n].form)]
        for r in {clusters.root(n) for n in fulls}:
            if r in hosts or not fits(r):
                continue
            if any(n != i and clusters.nodes[n].size > short.size and not _titled_surname(clusters.nodes[n])
                   and clusters.root(n) == r for n in fulls) or any(
                j != i and (node := clusters.nodes[j]).source == short.source and node.size > short.size
                and not _titled_surname(node) for j in clusters.members[r]
            ):
                hosts.add(r)
    hosts.discard(clusters.root(i))
    return hosts


def _join_acronyms(clusters: _Clusters, *, same_source: bool) -> None:
    nodes = clusters.nodes
    for i, short in enumerate(nodes):
        if not short.acronym:
            continue
        if not same_source and clusters.any_long_form(i):
            continue
        texts = tuple(sorted({m.text for m in short.mentions}))
        key = ("acronym", texts, short.source if same_source else None)
        hosts = {clusters.root(j) for j in clusters.one_per_cluster(key, partial(_long_forms, clusters, i, same_source))}
        if len(hosts) == 1:
            clusters.join(hosts.pop(), i)


def _join_equal_keys(clusters: _Clusters, attached: set[int]) -> None:
    """Equal keys join; a multi-word key is trusted over conflicting labels ("Deepwater Horizon"
    is a PERSON in one article, an ORG in another), a one-word key is not."""
    first: dict[str, int] = {}
    for i, n in enumerate(clusters.nodes):
        # A short form attached in its article stays there ("Obama" with Michelle Obama); a name of
        # several words that is not a person's is one name across articles too: "Coast Guard" attached
        # to one article's "United States Coast Guard" is the other articles' "Coast Guard" (report14).
        if i in attached and (n.size == 1 or clusters.kind(i) in {"PERSON", None}):
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
        for i, j in clusters.blocks.variant_pairs(members, clusters):
            if clusters.root(i) == clusters.root(j):
                continue
            a, b = clusters.nodes[i], clusters.nodes[j]
            person = clusters.kind(i) == "PERSON" or clusters.kind(j) == "PERSON"
            if similar_names(a.form, b.form, person=person) and not (person and _share_source(clusters, i, j)) \
                    and not demonym_of(a.form, b.form):
                clusters.join(i, j)


#: Endings that make a place's people or adjective of its name ("America" -> "American(s)", "New
#: Zealand" -> "New Zealander", "Japan" -> "Japanese"): English demonym morphology, not a story's words.
DEMONYM_ENDINGS = frozenset({"n", "ns", "an", "ans", "ian", "ians", "er", "ers", "ese", "i", "is", "ish", "ic"})


def demonym_of(a: str, b: str) -> bool:
    """One name is the other with a demonym ending: a place and its people are two entities, however
    close their spelling (report5 split: "Americans" and "New Zealander" joined to the countries)."""
    short, long = sorted((a.strip().lower(), b.strip().lower()), key=len)
    return long.startswith(short) and long[len(short):] in DEMONYM_ENDINGS


def _share_source(clusters: _Clusters, i: int, j: int) -> bool:
    """Both clusters are named in one article under different keys: one article does not spell
    one person two ways, so "Mary Landry" and "Mary Landrieu" side by side are two people."""
    return not clusters.sources(i).isdisjoint(clusters.sources(j))


def _org_word(clusters: _Clusters, token: str) -> bool:
    """``token`` is a word of a multi-word organisation name in the story ("Ford Motor"): a
    one-word name the model calls ORG is then the organisation, not a person's surname. A
    person-shaped name that ends in it ("Brock Turner", typed ORG) makes it no organisation's word."""
    named = clusters.one_per_cluster(("org word", token), partial(_org_names_holding, clusters, token))
    return any(clusters.kind(j) == "ORG" for j in named)


def _org_names_holding(clusters: _Clusters, token: str) -> list[int]:
    return [j for j in _names_holding(clusters, token)
            if not ((n := clusters.nodes[j]).key.split()[-1] == token and person_shaped(n.form))]


def _first_name_elsewhere(clusters: _Clusters, short: Node) -> bool:
    """The lone word opens a person's full name in the story ("Jordan" of "Jordan Belliveau"): it
    may be that person's given name, so it is no one's surname for sure. Read on the words as
    written: keys fold plurals, and "Johns" is no "John" (tune split, "Kanasho Johns")."""
    word = fold(short.form)
    named = clusters.one_per_cluster(("first name", word), partial(_names_opening_as_written, clusters, short.key, word))
    return any(clusters.kind(j) in {"PERSON", None} for j in named)


def _names_opening_as_written(clusters: _Clusters, key: str, word: str) -> list[int]:
    return [j for j in _names_opening(clusters, key) if fold(clusters.nodes[j].form).split()[0] == word]


# What each rule asks of the strings alone, before it looks at clusters (``_Clusters.one_per_cluster``).


def _long_forms(clusters: _Clusters, i: int, same_source: bool) -> list[int]:
    """Long forms (in ``i``'s article when ``same_source``) that one of ``i``'s acronyms abbreviates."""
    short = clusters.nodes[i]
    two_letters = sum(ch.isalpha() for ch in short.form) < MIN_PERSON_INITIALS
    return [j for j in clusters.blocks.acronym_hosts(i)
            if not (long := clusters.nodes[j]).acronym and (long.source == short.source or not same_source)
            and not (two_letters and clusters.kind(j) == "PERSON")
            and not _organisation_and_place(clusters.kind(i), long.key)
            and any(is_acronym_of(m.text, long.form) for m in short.mentions)]


#: Types of a place: an acronym the story reads as an organisation abbreviates no place.
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})


def _organisation_and_place(acronym_kind: str | None, long_key: str) -> bool:
    """An organisation's acronym and a long form whose head word names a place ("BP", the company
    throughout, is not the "Bolivar Peninsula" an article names beside it: report14 split). The
    long form's own type is not trusted: the tagger calls "New York Police" a place (ECB+)."""
    return acronym_kind == "ORG" and HEAD_HINTS.get(long_key.split()[-1]) in PLACE_KINDS


#: A person goes by initials of three letters at least ("JFK", "AOC"); two capitals are a place or a
#: thing ("DC" is not Dave Camp, "TV" not Tommy Vietor: report6 and report7 splits).
MIN_PERSON_INITIALS = 3


def _full_names(clusters: _Clusters, i: int) -> list[int]:
    """Names of several words that ``i`` is a short form of."""
    short = clusters.nodes[i]
    return [j for j in clusters.blocks.surname_hosts(i)
            if (full := clusters.nodes[j]).size > 1 and not _titled_surname(full) and is_short_form(short.form, full.form)]


def _titled_surname(node: Node) -> bool:
    """ "Director Comey", "Sen. Graham": a role word and a surname name no one more fully than the
    surname alone does, so they are no full name for a surname to join (two would leave it alone)."""
    return node.size == 2 and node.key.split()[0] in person_titles()


def _headed_names(clusters: _Clusters, word: str) -> list[int]:
    """ "Stanford University" for "stanford": ``word`` then generic organisation heads only."""
    return [j for j in clusters.blocks.opening_with(word)
            if (full := clusters.nodes[j]).size > 1 and full.key.split()[0] == word
            and all(t in ORG_HEADS for t in full.key.split()[1:])]


def _full_places(clusters: _Clusters, i: int) -> list[int]:
    """Names of several words that ``i`` is a place short form of."""
    short = clusters.nodes[i]
    return [j for j in clusters.blocks.place_hosts(i)
            if (full := clusters.nodes[j]).size > 1 and is_place_short_form(short.form, full.form)]


def _names_holding(clusters: _Clusters, word: str) -> list[int]:
    return [j for j in clusters.blocks.holding(word) if (n := clusters.nodes[j]).size > 1 and word in n.key.split()]


def _names_opening(clusters: _Clusters, word: str) -> list[int]:
    return [j for j in clusters.blocks.opening_with(word)
            if (n := clusters.nodes[j]).size > 1 and n.key.split()[0] == word
            and not set(n.key.split()[1:]) & person_titles()]  # "Obama Deputy Campaign Manager"


def _join_middle_names(clusters: _Clusters) -> None:
    """ "James B. Comey", "Barack Hussein Obama" -> "James Comey", "Barack Obama": a full name with
    a middle name or initial is the same person as its first and last names alone, when the story
    gives that pair one middle form only. Two middles ("George W. Bush", "George H. W. Bush") are
    father and son: neither joins the plain name. Without this the plain surname has two hosts
    and stays alone as well. A familiar form of the first name is the same first name ("Hank
    Paulson" and "Henry M. Paulson Jr.", "Fred Bartlit" and "Fred H. Bartlit Jr."; report and
    report16 splits): the generation written once ("Jr.") does not make another person of the plain
    name (``conflicting_people``)."""
    by_last: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for i, n in enumerate(clusters.nodes):
        tokens = full_name_tokens(n.form)
        if not n.acronym and len(tokens) >= 2:
            by_last[tokens[-1]].append((tokens[0], i))
    for named in by_last.values():
        for members in _same_first_names(named):
            middles = {full_name_tokens(clusters.nodes[i].form)[1:-1] for i in members}
            if len(middles) != 2 or () not in middles:
                continue
            if any(clusters.kind(i) == "PERSON" for i in members):  # the vetoes keep a decided place or company out
                for i in members[1:]:
                    clusters.join(members[0], i)


def _same_first_names(named: list[tuple[str, int]]) -> list[list[int]]:
    """The nodes of one surname grouped by first name, a familiar form with its formal one ("hank",
    "henry"); a first name that two groups could take ("alex" of "alexander" and "alexandra") joins none."""
    firsts = sorted({first for first, _ in named})
    groups: list[set[str]] = []
    for first in firsts:
        homes = [g for g in groups if any(first == f or familiar_form(first, f) for f in g)]
        if len(homes) == 1:
            homes[0].add(first)
        elif not homes:
            groups.append({first})
    return [[i for first, i in named if first in g] for g in groups]


def _lone_surname_size(node: Node) -> bool:
    """One word, or a surname particle and one word ("Lo Presti" of "Gaetano Lo Presti", report17;
    "De France" of "Cecile de France", report11)."""
    return node.size == 1 or particle_surname(node.key.split())


def _join_lone_surnames(clusters: _Clusters, attached: set[int]) -> None:
    """An article that names someone by surname only: the one full name in the story that ends in it."""
    nodes = clusters.nodes
    found: list[tuple[int, int]] = []
    for i, short in enumerate(nodes):
        # A one-word name labelled ORG stays an organisation: "Ford" is not William Clay Ford Jr. (MEANTIME gm).
        if i in attached or not _lone_surname_size(short) or short.acronym:
            continue
        kind = clusters.kind(i)
        # a surname the tagger called a place in one report is the person where the story's other
        # reports call the same word a person ("Comeaux" a GPE once, a PERSON four times: report18)
        if kind not in {"PERSON", None} and (kind != "ORG" or _org_word(clusters, short.key)) \
                and not (kind != "ORG" and clusters.key_kinds[short.key] == "PERSON"):
            continue
        if _first_name_elsewhere(clusters, short):
            continue
        if clusters.any_multiword(i) and (short.size == 1 or not all(_lone_surname_size(n) for n in clusters.group(i))):
            continue
        full_names = clusters.one_per_cluster(("surname", short.form), partial(_full_names, clusters, i))
        hosts = {clusters.root(j) for j in full_names if clusters.person_like(j)}
        host = hosts.pop() if len(hosts) == 1 else _dominant(clusters, hosts)
        if host is not None:
            found.append((i, host))
    # A report names its person in full before it uses the surname alone. A surname used before the
    # full name in the same report names someone else: "President Obama ... his wife, Michelle Obama"
    # (report7 split: Barack Obama's mentions were listed under Michelle). When more of the story's
    # reports use the surname first than give the full name first, no report's bare surname joins it
    # (a headline and a caption "Jackson ..." above "Michael Jackson" in one report decide nothing).
    later: Counter[tuple[str, int]] = Counter()
    first: Counter[tuple[str, int]] = Counter()
    for j in attached:  # reports whose surname joined its full name within the report count as well
        if nodes[j].size == 1 and _named_first(clusters, j, j):
            first[(nodes[j].key, clusters.root(j))] += 1
    for i, host in found:
        key = (nodes[i].key, clusters.root(host))
        later[key] += _named_later(clusters, i, host)
        first[key] += _named_first(clusters, i, host)
    for i, host in found:
        key = (nodes[i].key, clusters.root(host))
        if later[key] < NAMED_LATER_REPORTS or later[key] <= first[key]:
            clusters.join(host, i)


def _host_start(clusters: _Clusters, i: int, host: int) -> int | None:
    """Where the host cluster is first named in the report of node ``i`` (its other nodes), or None."""
    short = clusters.nodes[i]
    starts = [clusters.nodes[j].mentions[0].span.start for j in clusters.members[clusters.root(host)]
              if j != i and clusters.nodes[j].source == short.source]
    return min(starts, default=None)


def _named_later(clusters: _Clusters, i: int, host: int) -> bool:
    """The report of node ``i`` uses the bare surname ``NAMED_LATER_MENTIONS`` times before it gives the
    host's full name (once may be a headline: "Mubarak resigns" above "Hosni Mubarak stepped down")."""
    first = _host_start(clusters, i, host)
    return first is not None and sum(m.span.start < first for m in clusters.nodes[i].mentions) >= NAMED_LATER_MENTIONS


def _named_first(clusters: _Clusters, i: int, host: int) -> bool:
    """The report of node ``i`` gives the host's full name before its first bare surname."""
    first = _host_start(clusters, i, host)
    return first is not None and first < clusters.nodes[i].mentions[0].span.start


#: Reports that must use a bare surname before the full name (and outnumber those that name the person
#: first) before the surname is taken for someone else's: one report quoting "Biden wrote" above "Vice
#: President Joe Biden" decides nothing (report split, mn-1839).
NAMED_LATER_REPORTS = 2
#: Bare-surname mentions before the full name in one report that make it someone else's surname.
NAMED_LATER_MENTIONS = 2


#: A surname alone names the person of that surname the story is about when that person's full name
#: takes this share of the mentions of all full names ending in it ("Mubarak" is Hosni Mubarak beside
#: a few mentions of Gamal Mubarak; "Obama" is Barack beside Michelle): news style names its main
#: figure by surname. Below it (Kris Jenner and Kris Humphries, a father and son) the surname stays alone.
DOMINANT_SHARE = 0.8
#: ... and at least this many mentions of the full name, so that two passing mentions decide nothing.
DOMINANT_MIN_MENTIONS = 3


def _dominant(clusters: _Clusters, hosts: set[int]) -> int | None:
    """The host cluster with ``DOMINANT_SHARE`` of the full-name mentions of ``hosts``, or None."""
    if len(hosts) < 2:
        return None
    counts = {r: sum(len(n.mentions) for n in clusters.group(r)) for r in hosts}
    best = max(counts, key=lambda r: (counts[r], -r))
    total = sum(counts.values())
    return best if counts[best] >= DOMINANT_MIN_MENTIONS and counts[best] >= DOMINANT_SHARE * total else None


#: Words after a name that say when, never part of it: a date run into the name by a headline or a
#: caption ("George Takei April"). Not "May" (a surname: Theresa May). A role after it is not run in:
#: "Ford Motor Company CEO" names the chief, not the company (MEANTIME). Generational suffixes ("Sr.",
#: "Jr.") name another person.
_TRAILING_NOT_NAME = frozenset(WEEKDAYS) | (frozenset(MONTHS) - {"may"})
_GENERATIONS = frozenset({"sr", "jr", "ii", "iii", "iv"})
#: Two names written as one ("Boeing-Air Force", "Macbook and Macbook Pro", "San Jose - Cisco").
_JOINED = re.compile(r"[-–—&/]| and ")


def _join_run_ins(clusters: _Clusters) -> None:
    """A name the tagger ran into its neighbour: "Cardiff Michael Jackson" (a headline's place before
    a person's name), "George Takei April" (a date after it). When a person's name of two words or
    more that the story uses on its own closes a longer one after a place the story names on its own
    ("Cardiff"; not an album's "The Infamous" before a duo's name: report3 split), or a name opens one
    before weekday and month words only, the longer one is that name (report7 and tune splits)."""
    nodes = clusters.nodes
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if not n.acronym:
            by_key[tuple(n.key.split())].append(i)
    for i, n in enumerate(nodes):
        toks = tuple(n.key.split())
        if len(toks) < 3 or n.acronym or set(toks) & _GENERATIONS or _JOINED.search(n.form):
            continue
        for cut in range(1, len(toks) - 1):
            for inner, rest, after in ((toks[cut:], toks[:cut], False), (toks[:-cut], toks[-cut:], True)):
                hosts = [j for j in by_key.get(inner, ()) if clusters.root(j) != clusters.root(i)]
                if not hosts:
                    continue
                # Before the name, a place only before a person's ("United States Senate" is the Senate's
                # name, "Cardiff Michael Jackson" no one's); after it, weekday and month words only.
                run_in = all(t in _TRAILING_NOT_NAME for t in rest) if after else (
                    (any(clusters.kind(k) in PLACE_TYPES for k in by_key.get(rest, ())) or cut == 1 and _descriptor(n.form))
                    and any(clusters.kind(j) == "PERSON" for j in hosts))
                if run_in:  # into the name's biggest cluster; the veto reads two full names where there is one
                    clusters.join(max(hosts, key=lambda j: (len(clusters.members[clusters.root(j)]), -j)), i, force=True)


def _descriptor(form: str) -> bool:
    """A capitalised word that is no given name before a full name that opens with one: a role, a
    nationality or an affiliation the tagger took into the name ("Linebacker Steve Foley",
    "Frenchwoman Edith Bouvier", "Host Chris Wallace", "BP Tony Hayward"; report5, report7, tune,
    report16 splits), not a first name of three ("Bryce Dallas Howard", "Thomas Morgan Evans")."""
    words = form.split()
    return len(words) >= 3 and words[0][:1].isupper() and not is_given_name(words[0]) \
        and not {words[0].lower(), words[1].lower()} & surname_particles() and is_given_name(words[1])


def _join_lone_given_names(clusters: _Clusters) -> None:
    """ "Kanye" -> the one "Kanye West": a person called by the given name alone, when the story
    has exactly one person whose full name opens with it and no name that ends with it (then it
    may be a surname: "Jordan" of "Michael Jordan"). Not beside a "Sr." or "Jr.": "Karl Kleppinger
    Sr., whose son, Karl, ..." (deepwater-horizon) names the other generation."""
    nodes = clusters.nodes
    for i, short in enumerate(nodes):
        if short.size != 1 or short.acronym or clusters.any_multiword(i) or not _given_name_node(clusters, i):
            continue
        word = short.key
        if clusters.one_per_cluster(("surname", short.form), partial(_full_names, clusters, i)):
            continue
        opening = clusters.one_per_cluster(("first name", word), partial(_names_opening, clusters, word))
        hosts = {clusters.root(j) for j in opening}
        hosts.discard(clusters.root(i))
        family = any(len(full_name_tokens(nodes[j].form)) < nodes[j].size for j in opening)
        # a person's given name opens people's names only; one typed an organisation may open a
        # person's name the tagger typed so too ("Meredith Kercher" [ORG]), not "Philly Max" for "Philly"
        fits = clusters.person_like if clusters.kind(i) == "ORG" else (lambda j: clusters.kind(j) == "PERSON")
        if len(hosts) == 1 and not family and all(fits(j) for j in opening):
            # a lone word typed an organisation holds no full name to conflict with: only the type veto
            # would keep it out, and ``_given_name_node`` has read it as a given name
            clusters.join(hosts.pop(), i, force=clusters.kind(i) == "ORG")


def _given_name_node(clusters: _Clusters, i: int) -> bool:
    """A lone word that may be a person's given name: typed a person, or typed an organisation but a
    given name the dictionary knows and no word of the story's organisation names ("Raffaele" and
    "Meredith" [ORG] beside "Raffaele Sollecito" and "Meredith Kercher", report10; "Brad" beside
    "Brad Fischetti" [ORG], tune). A place-typed word is left alone: "Jordan", "Florence" and
    "Georgia" are places as often as given names."""
    kind = clusters.kind(i)
    short = clusters.nodes[i]
    if kind == "PERSON":
        return True
    # a given name and a surname open the person's name ("Meredith Kercher", not "Tory MP Karen Vecchio":
    # "Tory" is the party, report7); a company written with its suffix ("Meredith Corp.", the same key)
    # or an organisation's name holding the word ("Meredith Media Group") makes it that organisation's,
    # unless the name is a person's the tagger called an organisation ("Meredith Kercher" [ORG])
    return kind == "ORG" and all(is_given_name(n.form) for n in clusters.group(i)) and any(
        person_shaped(clusters.nodes[j].form) for j in _names_opening(clusters, short.key)) and not any(
        clusters.kind(j) == "ORG" and not person_shaped(clusters.nodes[j].form)
        for j in _names_holding(clusters, short.key))


PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ORG_HEADS = frozenset(w for w, t in HEAD_HINTS.items() if t == "ORG")


def _join_aliases(clusters: _Clusters) -> None:
    """ "America" -> "United States" (or its initials, "US", where the story never writes it out): a
    country's other name (resources/place_aliases.tsv), when the story names it both ways and neither is
    typed a person or an organisation (report10 split: "America" apart from "US" in two stories); "Fed"
    -> "Federal Reserve": an institution's clipped name (resources/org_aliases.tsv), typed an
    organisation or nothing."""
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, n in enumerate(clusters.nodes):
        by_key[place_words(n.form)].append(i)  # not key_tokens: its plural slips make "Americas" "America"
    for table, kinds in ((place_aliases(), PLACE_TYPES | {None}), (org_aliases(), frozenset({"ORG", None}))):
        for alias, name in table.items():
            initials = ("".join(w[0] for w in name),) if len(name) > 1 else None
            # a short name already attached to a longer one is that one's ("Fed" in "the New York Fed",
            # report13), and one in capitals is shouted text ("the credit bubble FED the trade deficit", report15)
            short = [i for i in by_key.get(alias, []) if not clusters.nodes[i].form.isupper()
                     and all(place_words(n.form) == alias for n in clusters.group(i))]
            full = by_key.get(name, []) + [i for i in by_key.get(initials, []) if clusters.nodes[i].acronym]
            if not short or not full:
                continue
            members = [i for i in short + full if clusters.kind(i) in kinds]
            for i in members[1:]:
                clusters.join(members[0], i)


def _join_attached_org_words(clusters: _Clusters, attached: set[int]) -> None:
    """ "Colts" -> "Indianapolis Colts" in every report once one report has tied the word to that
    name: an organisation's clipped name, which one report attached to its one full name (step 2),
    names it in the story's other reports too, whatever type the tagger gave it there (report17:
    "Colts" [MISC] apart from "Indianapolis Colts"; report6: "Chargers" [PRODUCT] apart from "San
    Diego Chargers"). Not when reports tie the word to two organisations, not a word that opens
    other names ("House" of "House Republicans" beside "White House"), and never a person or a
    place: those have their own rules (``_join_lone_surnames``, ``_join_place_short_forms``)."""
    nodes = clusters.nodes
    tied: dict[str, set[int]] = defaultdict(set)
    for j in attached:
        if nodes[j].size == 1 and clusters.kind(j) == "ORG":
            tied[nodes[j].key].add(clusters.root(j))
    for i, short in enumerate(nodes):
        hosts = tied.get(short.key) if short.size == 1 and i not in attached and not short.acronym else None
        if not hosts or len(hosts) != 1 or clusters.kind(i) in PLACE_TYPES | {"PERSON"}:
            continue
        if not _opens_other_names(clusters, short):
            clusters.join(next(iter(hosts)), i)


def _join_org_first_words(clusters: _Clusters) -> None:
    """ "Stanford" -> the one "Stanford University", "Lehman" -> the one "Lehman Brothers": an
    organisation's name without its generic head word."""
    nodes = clusters.nodes
    for i, short in enumerate(nodes):
        if short.size != 1 or short.acronym or clusters.kind(i) not in {"ORG", None}:
            continue
        headed = clusters.one_per_cluster(("org head", short.key), partial(_headed_names, clusters, short.key))
        hosts = {clusters.root(j) for j in headed if clusters.kind(j) == "ORG"}
        hosts.discard(clusters.root(i))
        if len(hosts) == 1:
            clusters.join(hosts.pop(), i)


def _join_place_short_forms(clusters: _Clusters) -> None:
    """ "the Gulf" -> the one "Gulf of ..." in the story (or the dominant one); "Amenas" -> the one "In Amenas"."""
    nodes = clusters.nodes
    for i, short in enumerate(nodes):
        if short.size != 1 or short.acronym or clusters.kind(i) not in PLACE_TYPES:
            continue
        places = clusters.one_per_cluster(("place", short.form), partial(_full_places, clusters, i))
        hosts = {clusters.root(j) for j in places if clusters.kind(j) in PLACE_TYPES}
        hosts.discard(clusters.root(i))
        # one "Gulf of Mexico" named throughout beside a "Gulf of Mexico Photograph" a caption's credit
        # ran in once (report14 split): the story's dominant one, as for surnames
        host = hosts.pop() if len(hosts) == 1 else _dominant(clusters, hosts)
        if host is not None:
            clusters.join(host, i)


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
        for j in clusters.blocks.with_core(core) if core else ():
            other = clusters.nodes[j]
            if _core(other.form) == core and other.size > len(core) and clusters.kind(j) == "ORG":
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
    person = _kind(group) == "PERSON"
    for n in candidates:
        for m in n.mentions:
            form = _untitled(m.text) if person else m.text
            sources[form].add(m.span.source)
            counts[form] += 1
    return max(counts, key=lambda f: (len(sources[f]), len(key_tokens(f)), counts[f], f[:1].isupper(), f))


def _untitled(form: str) -> str:
    """ "Director James Comey" -> "James Comey": a role word before a full name is the article's
    wording of the moment, not the name (the person keeps it among the aliases). Two words stay
    ("President Obama"), as ``key_tokens`` keeps them. People only: "Speaker's Corner Trust" is not
    a person's name with a title."""
    words = form.split()
    while len(words) > 2 and (fold(words[0]).rstrip(".") in person_titles() or _descriptor(" ".join(words))):
        words = words[1:]  # and a descriptor the tagger ran in: "Miami Barack Obama", "RIP Marty Balin"
    return " ".join(words)
