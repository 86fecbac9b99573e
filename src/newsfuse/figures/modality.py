"""What kind of statement a number is in, and where it applies: modality, place scope, a disputing sayer.

Read off the dependency parse the core already made. Only an *asserted* number
(this story's count, stated as fact) can confirm or contradict another outlet's;
a hypothetical ("would die if"), a forecast or target ("expected to", "aims
to"), a negated number, a generic or rate fact ("a year", "on average") and an
increment ("30 more", "two other men") stay in the claims but are never grouped.
The cue words live in ``resources/figures.toml``.
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp.ents import doc_ents
from ..words import MONTHS as MONTH_NAMES
from .lexicon import is_event_noun, lexicon
from .numbers import TIME_UNITS, changes_from

ASSERTED = "asserted"
#: Clause links climbed from the claim's verb to a governing verb ("expected to approve", "warned that ... would").
#: Not adverbial, coordinated or relative clauses: "will be remembered ..., having sold 250 million albums"
#: (tune half) sells them in fact.
GOVERNING = frozenset({"xcomp", "ccomp"})
#: How many governing verbs to climb: "officials warned that it was expected to ..." is two.
MAX_GOVERNING = 3
#: Tokens after the number searched for a generic or rate phrase ("400,000 people a year").
GENERIC_WINDOW = 6
#: Prepositions whose place object scopes a count ("31 killed in Alexandria", "outages across Maine", "15,000
#: people were killed at Bhopal": another disaster's toll, report9 split).
PLACE_PREPS = frozenset({"in", "across", "throughout", "inside", "at"})
PLACE_ENTITIES = frozenset({"GPE", "LOC"})


def _proportion(doc, start: int, end: int, anchor, lex) -> bool:
    """A fraction's numerator ("Two-thirds of the senators": the counted word is "thirds") or a
    ratio written as one word ("a 5-to-1 margin", "one-in-four"): a share, not a count. Only the
    hyphenated ratio: "rose from 5 to 10" is two counts."""
    if anchor.i != start and anchor.lower_ in lex.fraction_nouns:
        return True
    glued = list(doc[end : min(end + 2, len(doc))])  # the tokenizer gives "5", "-", "to-1"
    return (len(glued) == 2 and glued[0].text == "-" and glued[1].lower_.split("-")[0] in lex.ratio_words
            and not doc[end - 1].whitespace_ and not glued[0].whitespace_
            and ("-" in glued[1].text or not glued[1].whitespace_))


def modality_of(doc, start: int, end: int, anchor, sent, rate_in_unit: bool, physical: bool = False) -> str:
    """``asserted``, ``increment``, ``proportion``, ``window``, ``difference``, ``generic``, ``negated``,
    ``hypothetical`` or ``forecast``.

    ``start``/``end``: the numeral's tokens; ``anchor``: the counted noun (or the numeral);
    ``rate_in_unit``: the unit already says "a day" (a flow rate is a quantity of its own);
    ``physical``: a physical measure, which mostly locates things ("the sea floor nearly 5,000
    feet below" in a sentence about what could be leaking): the clause's mood is not the number's.
    """
    lex = lexicon()
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    after2 = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    if before in lex.increment_before or (after in lex.increment_after - {"others"} and after2 != "than"):
        return "increment"
    if anchor.i >= end and _more_after(doc, anchor, lex):
        return "increment"
    if _proportion(doc, start, end, anchor, lex):
        return "proportion"
    relative = _relative(doc, start, anchor, lex)
    if relative:
        return relative
    if not rate_in_unit:
        tail = " " + " ".join(t.lower_ for t in doc[end : min(end + GENERIC_WINDOW, sent.end)]) + " "
        cut = min((tail.find(p) for p in (" ; ", " . ") if tail.find(p) >= 0), default=len(tail))
        if any(f" {p} " in tail[:cut] + " " for p in lex.generic_phrases):
            return "generic"
    if not physical and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in anchor.children) \
            and doc[start].head.i == anchor.i:
        return "generic"  # "Chicago's two airports": what a named place or body has, not what happened
    verb = _first_verb(anchor, sent)
    if _habitual(verb, sent, lex):
        return "generic"
    if _superseded(doc[start], anchor, verb, lex):
        return "superseded"
    if _supposed(sent, lex):
        return "hypothetical"
    if verb is None:
        return ASSERTED
    if physical:
        if end < len(doc) and doc[end].text in ("-", "–"):
            return ASSERTED  # "a 450-tonne valve": a property of a thing, whatever is planned with it
        return _own_verb_modality(anchor, verb, lex)
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children) \
            or any(c.dep_ == "det" and c.lower_ == "no" for c in anchor.children):
        return "negated"
    node = verb
    for _ in range(MAX_GOVERNING):
        found = _verb_modality(node, lex)
        if found:
            return found
        if node.lemma_ in lex.say_verbs or node.dep_ not in GOVERNING or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            break
    return ASSERTED


#: Dependency links that make a measure an argument of its verb ("predicts 8 to 12 inches", "5 inches are expected").
ARGUMENT = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})


def _relative(doc, start: int, anchor, lex) -> str | None:
    """``window``, ``difference`` or ``generic`` when the number only frames or relates other numbers.

    A window ("lost eight of their last 10 games", "the team's eighth in 10 games") is what a tally is
    taken over, a difference ("two games behind the eighth seed", "12 votes short") is a gap between
    two things, and "a mother of two" describes a person: none counts the story's event, so none may
    group with a count that does (report5 split: the 10-game window and a 23-game run read as one
    "games" figure in conflict; a standings gap against a playoff series; a victim's children as deaths).
    """
    numeral = doc[start]
    if any(c.dep_ == "amod" and c.lower_ in lex.window_words and c.i < start for c in anchor.children) \
            or (start > 0 and doc[start - 1].lower_ in lex.window_words):
        return "window"
    top = anchor if anchor.i != numeral.i else numeral
    prep = top.head
    owner = prep.head if top.dep_ == "pobj" and prep.head.i != prep.i else None  # "mother" of "of two"
    if owner is not None and prep.lower_ == "of" and top.i == numeral.i and owner.lemma_.lower() in lex.family_nouns:
        return "generic"
    if owner is not None and prep.lower_ in lex.window_ordinal_preps and (
            (owner.pos_ == "NUM" and top.i == numeral.i) or owner.ent_type_ == "ORDINAL" or owner.tag_ == "JJS"
            or any(c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.tag_ == "JJS") for c in owner.children)):
        return "window"  # "eight of 10" (no noun: "two of the 23 victims" counts victims), "eighth in 10 games"
    if any(c.dep_ in ("prep", "advmod") and c.lower_ in lex.difference_words for c in anchor.children) \
            or (anchor.dep_ == "npadvmod" and anchor.head.lower_ in lex.difference_words):
        return "difference"
    return None


def _own_verb_modality(anchor, verb, lex) -> str:
    """A physical measure takes the mood of a verb only when it is that verb's argument: "the service predicts
    8 to 12 inches" and "four to seven feet of snow is forecast" are forecasts (tune half), but "the sea floor
    nearly 5,000 feet below" in a sentence about what could leak is where things are. A forecast noun as
    the subject ("the forecast calls for 5 to 7 inches") makes a forecast too."""
    node = anchor
    while node.head.i != node.i and node.head.i != verb.i and node.head.pos_ in ("NOUN", "NUM", "PROPN", "ADP"):
        node = node.head  # (spaCy makes a new Token object per access: compare indices, never identity)
    if node.head.i != verb.i:
        return ASSERTED
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != node.i), None)
    if subject is not None and subject.lemma_.lower() in lex.forecast_nouns and node.dep_ in ARGUMENT | {"prep"}:
        return "forecast"
    if node.dep_ not in ARGUMENT:
        return ASSERTED
    found = _verb_modality(verb, lex)
    if found is None and verb.dep_ in GOVERNING and verb.head.pos_ in ("VERB", "AUX"):
        found = _verb_modality(verb.head, lex)  # "is forecast to fall": the governing verb
    return found or ASSERTED


def _habitual(verb, sent, lex) -> bool:
    """What usually happens, not what happened this time: an adverb such as "typically" on the claim's verb
    (or a verb governing it), or a clause about past or recurring years ("In years past, the city hired two
    crews"; tune half). Both are read off the parse and the lexicon, never off one story's words."""
    node = verb
    for _ in range(MAX_GOVERNING):
        if node is None:
            break
        if any(c.dep_ == "advmod" and c.lower_ in lex.habitual_adverbs for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ not in GOVERNING | {"conj", "advcl"}:
            break
        node = node.head
    text = " " + " ".join(t.lower_ for t in sent if not t.is_punct) + " "
    return any(f" {p} " in text for p in lex.habitual_phrases)


def _superseded(numeral, anchor, verb, lex) -> bool:
    """An earlier value that the text says was replaced: the value before a stated change ("raised their
    estimates from 1,000 barrels a day to 19,000", "rose from 7 to 23"), an estimate dated before a
    revision ("the Coast Guard initially pegged the leak at 1,000", "an earlier estimate of 5,000").
    It is history, not what any source now says: grouped with current values it made a false conflict
    (report14 split). "The actual rate initially was 62,000" is the rate at the start, a fact: the
    adverb counts on verbs of estimating or saying only."""
    top = anchor if anchor.i != numeral.i else numeral
    for node in (top, numeral):
        if node.dep_ == "pobj" and changes_from(node.head) and any(
                c.dep_ == "prep" and c.lower_ == "to" for c in (*node.head.head.children, *node.head.children)):
            return True
    node = top
    for _ in range(4):  # the noun phrases the number sits in: "an earlier estimate of 5,000"
        if _dated_estimate(node, lex):
            return True
        if node.head.i == node.i or node.head.pos_ not in ("NOUN", "ADP", "NUM", "PROPN"):
            break
        node = node.head
    if verb is None:
        return False
    dated = any(c.dep_ == "advmod" and c.lower_ in lex.superseded_adverbs for c in verb.children)
    estimating = verb.lemma_.lower() in lex.superseded_verbs | lex.say_verbs
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (dated and estimating) or (subject is not None and _dated_estimate(subject, lex))  # "initial estimates put it at 1,000"


def _dated_estimate(noun, lex) -> bool:
    """An estimate noun dated before a revision: "an earlier estimate", "initial reports"."""
    return noun.lemma_.lower() in lex.superseded_nouns and any(
        c.dep_ == "amod" and c.lower_ in lex.superseded_adjectives for c in noun.children)


def _verb_modality(verb, lex) -> str | None:
    for c in verb.children:
        if c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks:
            return "hypothetical"
        if c.dep_ == "aux" and c.lower_ in lex.hypothetical_aux:
            return "hypothetical"
        if c.dep_ == "aux" and c.lower_ in lex.forecast_aux:
            return "forecast"
    if verb.lemma_.lower() in lex.forecast_verbs:
        return "forecast"
    return None


def _first_verb(anchor, sent):
    """The verb whose clause holds the claim (climbing noun heads), or None."""
    node = anchor
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or (node.pos_ == "ADJ" and node.dep_ == "ROOT"):
            return node
        if node.head.i == node.i or not (sent.start <= node.head.i < sent.end):
            return None
        node = node.head
    return None


def place_of(anchor, sent, measure: bool = False) -> str | None:
    """'in Alexandria', 'across Maine': a place phrase on the counted noun or on its clause's verb.

    ``measure``: a measure's place may also be its clause's subject ("the city of Madison got 15.2
    inches", tune half): a place receives snow, rain or damage; it is rarely the one who counts.
    """
    for prep, pobj in _prepositions(anchor, sent):
        if prep.lower_ in PLACE_PREPS and pobj.ent_type_ in PLACE_ENTITIES:
            return f"{prep.lower_} {_entity_text(pobj)}"
        named = _named_area(pobj) if prep.lower_ in PLACE_PREPS else None
        if named is not None:
            return f"{prep.lower_} {_entity_text(named)}"
        found = _event_place(pobj) if prep.lower_ in PLACE_PREPS else None
        if found:
            return found  # "died in the Dar es Salaam explosion", "killed in an explosion near … in Dar es Salaam"
    if not measure:
        verb = _first_verb(anchor, sent)
        found = _event_clause_place(verb) or _subject_place(verb, anchor) or _participle_place(verb)
        if found:
            return found
    verb = _first_verb(anchor, sent) if measure else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None or subject.i == anchor.i:
        return None
    if subject.ent_type_ not in PLACE_ENTITIES:  # "the city of Madison": the place is the 'of' object
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subject = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if subject is None or subject.ent_type_ not in PLACE_ENTITIES:
        return None
    return f"in {_entity_text(subject)}"


def _event_clause_place(verb) -> str | None:
    """'Twenty people were wounded when a shell struck a gathering in Homs': the place of the clause that
    says how the count came about (opened by resources/figures.toml ``event_clause_marks``)."""
    if verb is None:
        return None
    marks = lexicon().event_clause_marks
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in clause.children):
            continue
        found = _place_phrase(clause.subtree)
        if found:
            return found
    return None


def _place_phrase(tokens, areas: bool = True, skip: frozenset[int] = frozenset()) -> str | None:
    """The first place phrase among ``tokens`` (a subtree): a place preposition whose object is a place
    entity ("in Homs"), or with ``areas`` a named area ("in the Idlib area"); tokens in ``skip`` are
    passed over. The one reader of a place for the clause, subject, event and participle rules."""
    for prep in tokens:
        if prep.i in skip or prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            if pobj.ent_type_ in PLACE_ENTITIES:
                return f"{prep.lower_} {_entity_text(pobj)}"
            named = _named_area(pobj) if areas else None
            if named is not None:
                return f"{prep.lower_} {_entity_text(named)}"
    return None


def _event_place(noun) -> str | None:
    """The place named on an event noun (resources/figures.toml ``event_nouns``): "the Nairobi blast",
    "an explosion near the embassy in Dar es Salaam". A place before another noun names what it
    belongs to ("the U.S. embassy", "the Syrian army"), so only an event's is where it happened."""
    if not is_event_noun(noun):
        return None
    for child in noun.children:
        if child.dep_ != "compound" or child.pos_ != "PROPN":
            continue
        # the whole name before the event, as the text names a place here or elsewhere: "the Dar es
        # Salaam explosion" (tagged only elsewhere); not a rig's name of which the tagger took one
        # word for a place ("the Deepwater Horizon explosion": "Horizon" LOC)
        phrase = " ".join(t.text for t in child.subtree)
        if any(e.text == phrase and e.label_ in PLACE_ENTITIES for e in noun.doc.ents):
            return f"in {phrase}"
    return _place_phrase(noun.subtree, areas=False)


def _participle_place(verb) -> str | None:
    """"A blast damaged the embassy in Nairobi, killing 40 people": a participle clause adds what the
    clause it hangs on did, where that clause says it happened."""
    if verb is None or verb.dep_ != "advcl" or verb.tag_ != "VBG" or any(c.dep_ == "mark" for c in verb.children):
        return None
    return _place_phrase(verb.head.subtree, areas=False, skip=frozenset(t.i for t in verb.subtree))


def _subject_place(verb, anchor) -> str | None:
    """'Three suicide bombings in Damascus killed 27 people': a place on the subject of the count's verb
    (what did it, or where it was found) is where the count happened. Not for a subject that is the count."""
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i == anchor.i or subject.is_ancestor(anchor):
        return None
    found = _event_place(subject)
    if found:
        return found  # "The Nairobi blast killed 74 people"
    return _place_phrase(subject.subtree)


def _named_area(pobj):
    """'in the Idlib area', 'in Homs province', 'in the city of Aleppo': a common noun naming a kind of
    place (resources/figures.toml, ``area_nouns``) whose compound or 'of' object is a named place."""
    if pobj.lemma_.lower() not in lexicon().area_nouns and pobj.lower_ not in lexicon().area_nouns:
        return None
    for child in pobj.children:
        if child.dep_ in ("compound", "amod", "nmod") and (child.ent_type_ in PLACE_ENTITIES or child.pos_ == "PROPN"):
            return child  # the small model often tags "Idlib" ORG and "Aleppo" NORP: "the _ area" says it is a place
        if child.dep_ == "prep" and child.lower_ == "of":
            named = next((g for g in child.children if g.dep_ == "pobj" and (g.ent_type_ in PLACE_ENTITIES
                                                                              or g.pos_ == "PROPN")), None)
            if named is not None:
                return named
    return None


def earlier_event(anchor, sent) -> str | None:
    """``"before"`` when the claim's verb is in the past perfect and no verb of saying governs it.

    "Early November, the British Royal Navy had captured eight pirates", "had also rescued two
    merchant vessels" (report5 split): the past perfect of a narrative sets an event before the one
    reported, another quantity than this story's count. Under a verb of saying the past perfect is
    only reported speech ("officials said 30 people had died"), as under a verb of finding or knowing
    ("the company had paid her $90,000, the newspaper found"), and the count is this story's; with
    "by" or "since" it counts up to a time (a running total, read elsewhere)."""
    verb = _first_verb(anchor, sent)
    if verb is None or verb.tag_ != "VBN":
        return None
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("by", "since") for c in verb.children):
        return None
    say = _reporting_verbs()
    node = verb
    for _ in range(MAX_GOVERNING + 1):
        if node.lemma_.lower() in say or any(c.lemma_.lower() in say and c.dep_ in ("parataxis", "advcl", "conj")
                                              for c in node.children):
            return None
        if node.head.i == node.i:
            break
        node = node.head
    if any(t.lemma_.lower() in say and t.pos_ == "VERB" for t in sent):
        return None  # "..., police said": a sayer anywhere in the sentence makes it reported speech
    return "before"


@cache
def _reporting_verbs() -> frozenset[str]:
    """Verbs of saying and of finding or knowing, joined once (``earlier_event`` asks per claim)."""
    return lexicon().say_verbs | lexicon().reporting_verbs


def running_total(anchor, sent, predicate: str | None = None) -> str | None:
    """'9,000 killed since March', 'have so far killed 2,000', 'killed in the year-long uprising': a running
    total over a period (resources/figures.toml, ``scope``), another quantity than one day's or one
    incident's count. Returns the scope written ("since March", "so far"), or None. A state's count
    (``predicate`` "missing", "held": "11 missing since the blast") takes no 'since' scope."""
    lex = lexicon()
    since = predicate not in lex.state_events
    for prep, pobj in _prepositions(anchor, sent):
        if prep.lower_ in lex.cumulative_preps and since:
            return _phrase(prep)
        if prep.lower_ in lex.campaign_preps and pobj.lemma_.lower() in lex.campaign_nouns:
            return _phrase(prep)  # "have now died in the crackdown": the campaign's total
        if any(c.text.lower().endswith(lex.long_suffix) or (c.text in ("-", "–") and pobj.doc[c.i + 1 : c.i + 2].text == "long")
               for c in pobj.subtree if c.i < pobj.i):
            return _phrase(prep)  # "in the year-long uprising"
    verb = _first_verb(anchor, sent) if since else None
    if verb is not None:
        for child in verb.children:
            if child.dep_ in ("advcl", "prep") and child.lower_ in lex.cumulative_preps:
                return _phrase(child)
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.cumulative_preps for m in child.children):
                return _phrase(child)  # "since the government launched its crackdown"
    words = " " + " ".join(t.lower_ for t in sent) + " "
    return next((p for p in lex.cumulative_phrases if f" {p} " in words), None)


def part_of_period(anchor, sent) -> str | None:
    """'pumped half a million barrels during the first month', 'spent $350 million in the first 20 days', 'in
    the past 24 hours': the count covers a part of the event's period, named by a window word
    (resources/figures.toml ``[modality.window]``) on a unit of time. Returns the phrase as written, or None.

    A part is another quantity than the whole: compared with a total, half a million barrels in the first
    month read as a conflict with four million in all (report7 split). Two parts are compared."""
    lex = lexicon()
    # not the first conjunct's: "12 were killed in the first week, and 300 have died since" has two subjects
    for prep, pobj in _prepositions(anchor, sent, shared=False):
        if prep.lower_ in lex.part_preps and pobj.lemma_.lower() in TIME_UNITS and any(
                c.dep_ == "amod" and c.lower_ in lex.window_words for c in pobj.children):
            return _phrase(prep)
    return None


def _phrase(head) -> str:
    """The words a phrase or clause spans, as written ("since the crackdown began")."""
    return head.doc[head.left_edge.i : head.right_edge.i + 1].text


def _entity_text(tok) -> str:
    ent = doc_ents(tok.doc).at(tok.i)
    return ent.text if ent is not None else tok.text


def _prepositions(anchor, sent, shared: bool = True):
    """(preposition, its object) on the counted noun, then on its clause's verb: where scope is written.
    ``shared``: and on the first of two conjoined verbs, which may share the count's subject."""
    holders = [anchor]
    verb = _first_verb(anchor, sent)
    if verb is not None:
        holders.append(verb)
        if shared and verb.dep_ == "conj" and verb.head.i < verb.i:
            holders.append(verb.head)  # "In early March, a gunman shot and wounded three": the first conjunct's phrase
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        yield prep, pobj


def month_scope(anchor, sent, published) -> str | None:
    """'killed 17 people in January': a month named as the claim's period, other than the report's own month.

    Such a count belongs to an earlier event than the story's (tune half: a January attack recalled in an
    April arrest story), so it gets a scope of its own and never joins the story-wide figure. A month with
    a day ("on January 16") dates this story's event and is no scope.
    """
    for prep, pobj in _prepositions(anchor, sent):
        month = pobj.lower_
        if prep.lower_ != "in" or month not in MONTH_NAMES or any(c.like_num and len(c.text) <= 2 for c in pobj.children):
            continue
        if published is None or MONTH_NAMES.index(month) + 1 != published.month:
            return pobj.text
    return None


def disputer_of(anchor, sent) -> str | None:
    """The subject of a verb that rejects the number ("the ministry denied reports that 800 died")."""
    lex = lexicon()
    for tok in anchor.ancestors:
        if not (sent.start <= tok.i < sent.end):
            break
        if tok.lemma_.lower() in lex.dispute_verbs and tok.pos_ == "VERB":
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return anchor.doc[subject.left_edge.i : subject.i + 1].text
    return None


def _more_after(doc, anchor, lex) -> bool:
    """An increment word after the counted noun or unit: "380,000 litres more a day", "two weeks more"
    (the amount added, not the total). Not "… more than": a comparison."""
    nxt = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    nxt2 = doc[anchor.i + 2] if anchor.i + 2 < len(doc) else None
    return nxt is not None and nxt.lower_ in lex.increment_after - {"others", "other"} and (
        nxt2 is None or nxt2.lower_ != "than")


def _supposed(sent, lex) -> bool:
    """A sentence that supposes its numbers for the sake of argument ("let's say 30 million gallons have
    spilled"): the writer's arithmetic, no one's figure."""
    text = " " + re.sub(r"[^a-z' ]+", " ", sent.text.lower().replace("’", "'")) + " "
    return any(f" {p} " in text for p in lex.hypothetical_phrases)
