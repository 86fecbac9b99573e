"""Name mentions from spaCy NER, repaired.

spaCy's small English model finds most names but gets their edges and labels
wrong in ways that matter downstream: "the Coast Guard" keeps its article,
"South Korea's" its possessive, "BP Plc's Macondo" glues two names, a
sentence-initial "Underwater" or "Whales" becomes a PERSON, "CDT" a PERSON,
the "DVN" of the ticker "DVN.N" an ORG. ``ner_mentions`` trims and filters
each entity span; the label it keeps is only one *vote* for the type (the
type is decided over all mentions of an entity in ``align.alias_clusters``).

A ``Mention`` always points at real text: ``span`` slices ``Source.text`` to
exactly ``text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from ..model import Span

#: spaCy labels that name an entity the briefing lists. NORP is kept as a
#: candidate because the small model labels some companies NORP
#: ("Transocean" 5 of 10 times in deepwater-horizon); demonym-shaped NORP
#: mentions are dropped in ``_is_demonym``.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "NORP", "WORK_OF_ART", "LAW"})

#: Words that come before a name but are not part of it (the gold labels of
#: both clusters exclude titles: "Col.", "Sen.", "Rear Adm.", "Prime Minister").
TITLE_WORDS = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady sheikh sheik col col. gen gen. adm adm. rear
    lt lt. capt capt. maj maj. sgt sgt. sen sen. rep rep. gov gov. president prime minister secretary
    officer petty colonel chief executive spokesman spokeswoman correspondent commander general admiral senator
    pope king queen prince princess emir ayatollah imam cleric judge justice""".split()
)

#: Lowercase particles that may begin a name ("al-Qaeda", "bin Laden", "de Gaulle").
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "van", "von", "le", "la", "du", "des", "da", "di"})

#: Time zones the small model tags as PERSON/ORG ("5 p.m. CDT" in deepwater-horizon).
TIME_ZONES = frozenset({"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT"})

#: A ticker suffix right after a name ("DVN.N", "BP.L", "TOTF.PA"): the name is a ticker, not a mention.
_TICKER_AFTER = re.compile(r"\.[A-Z]{1,2}\b")
_DEMONYM = re.compile(r"(?:ian|ians|ese|ish|i|is|ist|ists)$")
_UPPER = re.compile(r"[A-Z]")

Origin = Literal["ner", "pattern", "propagated"]


@dataclass(frozen=True)
class Mention:
    """One naming of an entity: where it is, its exact text, and the type it votes for.

    ``label`` is None when the mention gives no evidence of its type (a
    propagated string match, the first half of "BP Plc's Macondo").
    """

    span: Span
    text: str
    label: str | None
    origin: Origin = "ner"
    cue: str | None = None  # the type an appositive gives it ("the state oil company, Sonatrach")


def ner_mentions(source_id: str, doc: Any, text: str | None = None) -> tuple[Mention, ...]:
    """Trimmed, filtered mentions of every named entity spaCy found in ``doc``.

    ``text``: the source's text, which is the Doc's (``nlp.pieces``); without it ``Doc.text`` is
    rebuilt from every token, a Python object made per token."""
    found: list[Mention] = []
    text = doc.text if text is None else text
    demonyms = {e.text for e in doc.ents if e.label_ == "NORP"}
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS or _is_adjectival(ent):
            continue
        label = _context_label(doc, ent)
        for tokens, part_label in _paragraph_parts(_split_possessive(_extend(doc, ent), label)):
            tokens = _trim(tokens, part_label)
            if part_label == "PERSON" and len(tokens) > 2 and (tokens[0].text in demonyms or _is_demonym(tokens[0].text)):
                tokens = tokens[1:]  # "Pakistani Aafia Siddiqui"
            mention = _mention_from_tokens(source_id, doc, text, tokens, part_label)
            if mention is not None:
                found.append(mention)
    return tuple(found) + _possessed_names(source_id, doc, text) + _appositive_names(source_id, doc, text)


def _appositive_names(source_id: str, doc: Any, text: str) -> tuple[Mention, ...]:
    """ "his son, Karl,", "the state oil company, Sonatrach,": a proper noun in apposition to a
    noun that says what it is, when the model tagged nothing there."""
    found = []
    for tok in _untagged_tokens(doc, "appos", "PROPN"):
        if not tok.text[:1].isupper():
            continue
        cue = APPOSITIVE_CUES.get(tok.head.lemma_.lower()) if tok.head.pos_ == "NOUN" else None
        if cue is None:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        mention = _mention_from_tokens(source_id, doc, text, list(doc[start : tok.i + 1]), cue)
        if mention is not None:
            found.append(mention)
    return tuple(found)


def _possessed_names(source_id: str, doc: Any, text: str) -> tuple[Mention, ...]:
    """ "Norway's Statoil", "Britain's BP": a proper noun owned by a country is an organisation
    the model often leaves untagged (Statoil in all three in-amenas reports that name it)."""
    found = []
    for tok in _possessed_tokens(doc, "POS", ("GPE", "NORP")):
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.lower_ in TITLE_WORDS:
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and doc[end].text[:1].isupper():
            end += 1
        mention = _mention_from_tokens(source_id, doc, text, list(doc[tok.i : end]), "ORG")
        if mention is not None:
            found.append(mention)
    return tuple(found)


def _untagged_tokens(doc: Any, dep: str, pos: str) -> list[Any]:
    """The tokens, in order, of dependency relation ``dep`` and part of speech ``pos`` that no
    entity covers. Read off the Doc's attribute arrays at once: asking a Python ``Token`` of
    every token of every article was much of the entities stage's time."""
    import numpy as np

    if not len(doc):
        return []
    cols = doc.to_array(["DEP", "POS", "ENT_TYPE"])
    keep = (cols[:, 0] == doc.vocab.strings[dep]) & (cols[:, 1] == doc.vocab.strings[pos]) & (cols[:, 2] == 0)
    return [doc[int(i)] for i in np.flatnonzero(keep)]


def _possessed_tokens(doc: Any, tag: str, owner_types: tuple[str, ...]) -> list[Any]:
    """The tokens, in order, that no entity covers, right after a token of ``tag`` that follows a
    token of an entity of one of ``owner_types`` ("Norway" "'s" -> "Statoil"); from the attribute
    arrays, as ``_untagged_tokens``."""
    import numpy as np

    if len(doc) < 3:
        return []
    cols = doc.to_array(["TAG", "ENT_TYPE"])
    owners = np.isin(cols[:-2, 1], np.array([doc.vocab.strings[t] for t in owner_types], dtype=cols.dtype))
    keep = owners & (cols[1:-1, 0] == doc.vocab.strings[tag]) & (cols[2:, 1] == 0)
    return [doc[int(i) + 2] for i in np.flatnonzero(keep)]


#: Prepositions that put a PERSON-labelled name in the place slot ("in Mali",
#: "to Benin"): the small model calls Mali and Togo people (in-amenas).
_PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "into", "across", "near", "towards", "toward", "throughout"})


def _context_label(doc: Any, ent: Any) -> str:
    """A one-word PERSON in the place slot ("to Mali") or listed with places ("Nigeria, Togo and Benin")."""
    if ent.label_ != "PERSON" or len(ent) != 1:
        return ent.label_
    tok = ent[0]
    if ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS:
        return "GPE"
    listed_with = [tok.head] if tok.dep_ == "conj" else []
    listed_with += [child for child in tok.children if child.dep_ == "conj"]
    if any(other.ent_type_ == "GPE" for other in listed_with):
        return "GPE"
    return ent.label_


def _is_adjectival(ent: Any) -> bool:
    """ "Islamist fighters", "Algerians", "Defence Secretary": nationality words and title fragments."""
    if len(ent) != 1:
        return False
    tok = ent[0]
    nxt = ent.doc[tok.i + 1] if tok.i + 1 < len(ent.doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in TITLE_WORDS:
        return True
    if ent.label_ == "NORP" and (tok.tag_ in {"NNPS", "NNS"} or tok.text.endswith("s")):
        return True
    return tok.tag_ == "JJ"


def _extend(doc: Any, ent: Any) -> list[Any]:
    """Grow an entity over capitalised proper nouns the model left out ("the In Amenas", "State Department")."""
    start, end = ent.start, ent.end
    while start > 0 and _joinable(doc[start - 1], leftward=True):
        start -= 1
    start = _hyphen_chain_start(doc, start)
    while end < len(doc) and _joinable(doc[end], leftward=False):
        end += 1
    return list(doc[start:end])


def _hyphen_chain_start(doc: Any, start: int) -> int:
    """ "Signed-in-Blood Battalion": the model starts the name at "Blood"; take the whole compound."""
    i = start
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return i if i < start and doc[i].text[:1].isupper() else start


def _joinable(tok: Any, *, leftward: bool) -> bool:
    if tok.ent_type_ or not tok.text[:1].isupper() or tok.lower_ in TITLE_WORDS or tok.lower_ == "the":
        return False
    if not tok.whitespace_ and not leftward:
        return tok.pos_ == "PROPN" and tok.is_alpha
    if leftward and tok.is_sent_start:
        return tok.pos_ == "PROPN" and tok.is_upper is False and tok.is_alpha
    return tok.pos_ == "PROPN" and tok.is_alpha


def _split_possessive(tokens: list[Any], label: str) -> list[tuple[list[Any], str | None]]:
    """ "BP Plc's Macondo" -> "BP Plc" and "Macondo", neither with a type vote."""
    cut = next((i for i, t in enumerate(tokens[:-1]) if t.tag_ == "POS" or t.lower_ in {"'s", "’s"}), None)
    if cut is None:
        return [(tokens, label)]
    # The label was given to the whole phrase ("Al Jazeera's Rosiland Jordan": ORG), so neither half gets it.
    return [(tokens[:cut], None), (tokens[cut + 1 :], None)]


def _paragraph_parts(parts: list[tuple[list[Any], str | None]]) -> list[tuple[list[Any], str | None]]:
    """ "News\n\nPrice", "IST\n\nIndian Naval": no name runs across a blank line; a headline's or
    a time stamp's last word was read into the next paragraph's first name. Each side is its own
    name, and neither keeps the label the model gave the run (tune and report6 splits)."""
    out: list[tuple[list[Any], str | None]] = []
    for tokens, label in parts:
        cuts = [i for i, t in enumerate(tokens) if t.is_space and t.text.count("\n") >= 2]
        if not cuts:
            out.append((tokens, label))
            continue
        bounds = [-1, *cuts, len(tokens)]
        out += [(tokens[a + 1 : b], None) for a, b in zip(bounds, bounds[1:]) if b > a + 1]
    return out


def _trim(tokens: list[Any], label: str | None) -> list[Any]:
    """Drop articles, titles, stray lowercase words and trailing possessives/hyphen suffixes."""
    tokens = list(tokens)
    while tokens and _droppable_head(tokens[0], label, len(tokens)):
        tokens.pop(0)
    while tokens and (_droppable_tail(tokens[-1]) or tokens[-1].is_lower and tokens[-1].is_alpha):
        tokens.pop()
    # "Al Qaeda-linked": a hyphenated lowercase modifier glued to the name.
    for i, tok in enumerate(tokens):
        rest = tokens[i + 1 :]
        if i > 0 and tok.text in {"-", "–"} and rest and all(t.is_lower or t.is_punct for t in rest):
            return _trim(tokens[:i], label)
    return tokens


def _droppable_head(tok: Any, label: str | None, remaining: int) -> bool:
    if tok.lower_ == "the" or tok.is_punct or tok.is_space:  # "\n\nGEORGE STEPHANOPOULOS:" in a transcript
        return True
    if tok.lower_.rstrip(".") in TITLE_WORDS or tok.lower_ in TITLE_WORDS:
        return label == "PERSON" or remaining > 1 and tok.lower_ in {"mr", "mr.", "mrs", "mrs.", "ms", "ms."}
    if tok.text[:1].islower():
        return tok.lower_ not in NAME_PARTICLES
    # "Multiple Coast Guard", "Underwater", "Crews": a capital that only marks a sentence start
    # (but "Signed-in-Blood Battalion" opens a sentence with a hyphenated name).
    return bool(tok.is_sent_start) and bool(tok.whitespace_) and tok.pos_ in {"ADJ", "ADV", "DET", "VERB", "NOUN", "PRON", "ADP", "NUM"}


def _droppable_tail(tok: Any) -> bool:
    return tok.tag_ == "POS" or tok.lower_ in {"'s", "’s", "'", "’"} or tok.is_space or tok.is_punct and tok.text != "."


def _mention_from_tokens(
    source_id: str, doc: Any, full_text: str, tokens: list[Any], label: str | None
) -> Mention | None:
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = full_text[start:end]
    if not _is_name(text, label, full_text, end):
        return None
    return Mention(Span(source_id, start, end), text, label, "ner", appositive_cue(doc, start, end))


def _is_name(text: str, label: str | None, full_text: str, end: int) -> bool:
    if len(text) < 2 or not _UPPER.search(text) or text in TIME_ZONES or not text[0].isalnum():
        return False
    if any(ch in text for ch in "()[]{}"):
        return False  # a transcript's "(INAUDIBLE)" or "[CROSSTALK]" run into a name (report5 split): no name holds brackets
    if not any(ch.isalpha() for ch in text):
        return False
    if _TICKER_AFTER.match(full_text, end) and text.isupper():
        return False
    return not (label == "NORP" and _is_demonym(text))


def _is_demonym(text: str) -> bool:
    """ "Algerian", "Japanese", "Britons", "Democrat": nationality or party words, not entities."""
    words = text.split()
    if not words:
        return False
    last = words[-1]
    return bool(_DEMONYM.search(last.lower())) or last in {"Democrat", "Democrats", "Republican", "Republicans"}


#: Appositive head nouns that say what kind of thing a name is. Calibrated on
#: both clusters: "The state oil and gas company, Sonatrach," (the model says
#: PERSON), "Mohamed Said, Algerian communications minister", "an Algerian
#: driver, Iba El Haza"; "Transocean, the rig's owner" (deepwater-horizon).
APPOSITIVE_CUES = {
    **dict.fromkeys(
        "company firm group agency operator corporation newspaper daily channel broadcaster ministry party "
        "organisation organization network bank insurer owner contractor subsidiary brigade battalion "
        "militia movement website".split(), "ORG"),
    **dict.fromkeys(
        "spokesman spokeswoman minister president leader official correspondent driver secretary executive "
        "chief analyst director officer commander worker engineer senator admiral captain professor "
        "father mother son daughter wife husband brother sister grandson granddaughter".split(), "PERSON"),
    **dict.fromkeys("town city village region country province capital state county port".split(), "GPE"),
}


def appositive_cue(doc: Any, start: int, end: int) -> str | None:
    """The type an appositive noun gives the name at ``start:end`` (either side of the comma),
    or the rig/ship noun it modifies."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in VESSEL_HEADS:
        return "FAC"  # "the Deepwater Horizon rig"
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [child for child in root.children if child.dep_ == "appos"]
    for noun in nouns:
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in APPOSITIVE_CUES:
            return APPOSITIVE_CUES[noun.lemma_.lower()]
    return None


#: Nouns a name modifies when it names a rig or a ship (FAC in both labelled clusters'
#: guidelines). Not "refinery", "airport", "site": "Texas City refinery", "In Amenas site"
#: name the place.
VESSEL_HEADS = frozenset({"rig", "platform", "vessel", "ship", "tanker", "drillship"})


def mention_at(
    source_id: str, text: str, start: int, end: int, label: str | None, origin: Origin, cue: str | None = None
) -> Mention:
    """A mention of ``text[start:end]`` (used by patterns and propagation)."""
    return Mention(Span(source_id, start, end), text[start:end], label, origin, cue)
