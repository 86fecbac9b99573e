"""Which event a count belongs to, and whether it counts a part of what another count counts.

Two readings the grouping needs beyond the counted class and the predicate, both
off the dependency parse the core already made:

* the **cause** of a count: the thing (not a person) that did what the verb says,
  "a 30-car pileup ... killed two people" against "a snowstorm left at least
  eight people dead" (tune half): two events of one story, two tolls;
* the **restricting words** of a counted noun phrase: "one civil aircraft" is a
  part of "twelve aircraft" (tune half), a relation, never a dispute.
"""

from __future__ import annotations

from ..model import Claim
from .classes import FOREIGN, RELATIONS, demonym
from .lexicon import lexicon

#: How many heads to climb from the numeral to the verb whose subject may be the cause.
MAX_CLIMB = 6
#: Entity types that name who acted, not what happened ("Algeria's army killed 29"): never a cause.
AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
#: Relative pronouns standing for the noun their clause hangs on ("a pileup that killed two").
RELATIVE = frozenset({"that", "which"})


def numeral_token(doc, claim: Claim):
    """The last token of the claim's numeral in ``doc``, or None when the offsets no longer fit."""
    span = claim.number or claim.span
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found[-1] if found is not None and len(found) else None


def cause_of(doc, claim: Claim) -> str | None:
    """Lemma of the non-person subject of the active verb that governs the count, or of its 'by' agent.

    "a pileup killed two people", "the storm left eight dead", "two people were killed by the blast":
    pileup, storm, blast. A person, a group, a place or a pronoun did something; it names no event.
    """
    tok = numeral_token(doc, claim)
    if tok is None or claim.kind != "count":
        return None
    node = tok
    path = {tok.i}
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
        path.add(node.i)
    else:
        return None
    if node.pos_ not in ("VERB", "AUX") or not _names_event(node):
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in node.children)
    if passive:
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        subject = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    else:
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in RELATIVE and node.dep_ == "relcl":
            subject = node.head
        elif subject is None and node.dep_ == "acl":
            subject = node.head  # "A snowstorm ..., left at least eight people dead": a finite verb hung as acl
    if subject is None or subject.i in path:
        return None  # "two people killed in the crash": the counted noun itself
    return _event_noun(subject)


#: Dependents of "leave" that say what it left ("left eight people dead", "left 200 homeless").
RESULT_DEPS = frozenset({"ccomp", "oprd", "acomp", "xcomp"})


def _names_event(verb) -> bool:
    """The verb says what happened to the counted (an event class of resources/figures.toml), itself or
    through the state it left them in; a verb of saying or putting ("an official put the number at 10")
    has a sayer for its subject, not a cause."""
    events = lexicon().events
    if verb.lemma_.lower() in lexicon().say_verbs:
        return False
    return verb.lemma_.lower() in events or any(c.dep_ in RESULT_DEPS and c.lemma_.lower() in events
                                                 for c in verb.children)


def _event_noun(tok) -> str | None:
    if tok.pos_ != "NOUN" or tok.ent_type_ in AGENT_ENTITIES or tok.like_num:
        return None
    lemma = tok.lemma_.lower()
    if lemma in lexicon().roles or lemma in FOREIGN:
        return None  # "gunmen killed 20": who acted, not which event
    return lemma


def restricting_words(claim: Claim, demonyms: frozenset[str]) -> frozenset[str]:
    """Words of the counted phrase before its head that narrow what is counted ("civil" in "civil
    aircraft"); nationalities, 'foreign' and relation words are the class's modifier already."""
    words = claim.counts.partition(" from ")[0].replace("-", " ").split()
    return frozenset(w for w in words[:-1] if w.isalpha() and w not in FOREIGN and w not in RELATIONS
                     and w not in NOT_RESTRICTING and demonym(w, demonyms) is None)


#: Words before a counted noun that point back to a set, not narrow it ("six other Norwegians").
NOT_RESTRICTING = frozenset({"other", "others", "remaining", "same", "such", "those", "these", "total"})
