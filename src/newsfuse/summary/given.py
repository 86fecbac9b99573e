"""What a sentence takes as already known: referents its article introduced in an earlier sentence.

News prose introduces a thing once ("the Deepwater Horizon drilling rig", "Philadelphia 76ers
president Billy King") and then refers back to it short ("The rig sank", "King said"). Lifted
into a summary, such a sentence reads only after one that introduces the same thing; shown
first, or with no introduction at all, the reader meets "the rig" and "King" unexplained
(judged junk on every held-out split: report5 to report7).

The test is the article's own given/new structure, not a word list: a bare definite noun ("the
rig": "the" and nothing that says which) whose lemma names a noun of an earlier sentence of the
same article is *given*; so is a one-word person name that is a word of a full name ("Billy King",
"Ban Ki-moon") an earlier sentence gave. Each is a *need*, keyed as the words that introduce it:
``n:rig``, ``p:king``. A sentence *gives* the nouns it names and the words of the full names it names. A summary
shows a sentence only after one that gives what it needs (``select``); a sentence with needs
never leads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..entities.aliases import person_titles
from ..nlp.syntax import set_off
from .standalone import temporal_words

#: Arguments of the main clause a reader must resolve to follow it.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
#: Dependents that say which one a noun is ("the rig off Louisiana", "the study that found",
#: "the rig, Deepwater Horizon,", "the company's rig", "the two rigs").
_IDENTIFYING = frozenset({"prep", "relcl", "acl", "appos", "poss", "nummod"})


@dataclass(frozen=True)
class Referents:
    """What one sentence needs introduced before it, and what it introduces."""

    needs: frozenset[str] = frozenset()
    gives: frozenset[str] = frozenset()

    def after(self, first: Referents) -> Referents:
        """This sentence shown right after ``first`` (one candidate of two sentences)."""
        return Referents(first.needs | (self.needs - first.gives), first.gives | self.gives)


NONE = Referents()


def article_referents(sentences: Sequence[Any | None]) -> list[Referents]:
    """For each parsed sentence of one article, in order (None where a sentence has no parse),
    what it needs from the sentences before it and what it gives to those after."""
    seen: set[str] = set()
    out = []
    for sent in sentences:
        if sent is None:
            out.append(NONE)
            continue
        definite = _definite_arguments(sent)
        gives = _gives(sent)
        # the sentence's own "the rig" introduces nothing to itself; a full name in it does
        own = gives - {f"n:{t.lemma_.lower()}" for t in definite}
        # Only what an earlier sentence gave: a lone name whose full name comes later ("King
        # decided …" before "76ers president Billy King") is left as it is. Needing that too cost
        # 0.11 R-1 on Multi-News validation, below the floor.
        needs = frozenset(k for k in _given_keys(sent, definite) if k in seen and k not in own)
        out.append(Referents(needs, gives))
        seen |= gives
    return out


def _gives(sent: Any) -> frozenset[str]:
    nouns = {f"n:{t.lemma_.lower()}" for t in sent if t.pos_ == "NOUN"}
    names = {f"p:{w}" for e in _persons(sent) for w in _given_names(e)}
    return frozenset(nouns | names)


def _given_names(ent: Sequence[Any]) -> list[str]:
    """The words a full name lets a later sentence use alone: any of them, not only the last
    ("Ban" of "Ban Ki-moon", whose family name comes first; "Kim" of "Kim Kardashian"). A role
    word the tagger took into the name ("President", ``person_titles``) is none of them."""
    words = _name_words(ent)
    if len(words) < 2:
        return []
    return [w.text.lower() for w in words if w.is_title and w.text.lower() not in person_titles()]


def _persons(sent: Any) -> list[list[Any]]:
    """The PERSON names in the sentence, as token lists, read off the tokens' entity tags:
    ``Span.ents`` walks every entity of the Doc, quadratic over a long text's sentences."""
    out: list[list[Any]] = []
    for tok in sent:
        if tok.ent_type_ != "PERSON":
            continue
        if tok.ent_iob_ == "B" or not out or out[-1][-1].i != tok.i - 1:
            out.append([tok])
        else:
            out[-1].append(tok)
    return out


def _given_keys(sent: Any, definite: Sequence[Any]) -> Iterable[str]:
    for tok in definite:
        yield f"n:{tok.lemma_.lower()}"
    for tok in sent:
        if _lone_name(tok):
            yield f"p:{tok.lower_}"  # kept only where the article gives a full name with it


def _lone_name(tok: Any) -> bool:
    """A one-word proper name ("King said"), read off the parse rather than the entity tagger,
    which often misses a surname that opens a sentence. Not part of a longer name ("King
    County", "Billy King"); a short title before it leaves it one word ("Dr Murray")."""
    if tok.pos_ != "PROPN" or tok.dep_ in {"compound", "flat"}:
        return False
    return not any(c.dep_ in {"compound", "flat"} and c.text.rstrip(".").lower() not in _TITLES for c in tok.children)


def _definite_arguments(sent: Any) -> list[Any]:
    """Bare definite nouns that are arguments of the main clause (or of a verb conjoined to it)."""
    root = sent.root
    heads = {root.i} | {c.i for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}}
    units = temporal_words()
    out = []
    for tok in sent:
        if tok.dep_ not in _ARGUMENTS or tok.head.i not in heads or tok.pos_ != "NOUN":
            continue
        if units.get(tok.lemma_.lower()) == "unit":
            continue  # "the day", "the week": a time, not a referent
        dets = [c.lower_ for c in tok.children if c.dep_ in {"det", "poss"}]
        if dets == ["the"] and not any(_identifies(c) for c in tok.children):
            out.append(tok)
    return out


def _identifies(child: Any) -> bool:
    """A dependent that says which one its noun is. A clause set off by a comma adds to a noun
    already known, it does not pick it out: "The panel, which cited interviews, said …", "The
    deal, announced in September, …" still point back (report15: three such openings judged junk)."""
    return child.dep_ in _IDENTIFYING and not (child.dep_ in {"relcl", "acl"} and set_off(child))


def _name_words(ent: Sequence[Any]) -> list[Any]:
    """The words of a person's name, without a courtesy or professional title before it ("Dr Murray")."""
    words = [t for t in ent if any(ch.isalpha() for ch in t.text)]
    while len(words) > 1 and (words[0].text.rstrip(".").lower() in _TITLES or not words[0].is_title):
        words = words[1:]
    return words


#: Short forms written before a surname; a one-word name after them is still one word.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"})
