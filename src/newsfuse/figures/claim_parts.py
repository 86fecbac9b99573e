"""The parts of a numeric claim read off the dependency parse: qualifier, counted noun, predicate, speaker.

spaCy's small English model misattaches some numerals ("said on Saturday
four of its 18 workers": "four" hangs off "Saturday"), so each reader tries
the parse first and falls back to a linear reading of the sentence; the
fallbacks are named where they are used.
"""

from __future__ import annotations

from ..words import SCALES
from .lexicon import lexicon
from .numbers import CURRENCY_SIGNS, MEASURE_UNITS, TIME_UNITS, Quantity

#: Hedge phrases before a numeral -> normalised qualifier (longest first).
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("at least", "at least"), ("no fewer than", "at least"), ("no less than", "at least"),
    ("up to", "up to"), ("as many as", "up to"), ("as much as", "up to"), ("at most", "up to"),
    ("no more than", "up to"), ("as large as", "up to"), ("as high as", "up to"), ("as big as", "up to"),
    ("more than", "more than"), ("just over", "more than"), ("over", "more than"), ("upwards of", "more than"),
    ("in excess of", "more than"), ("above", "more than"),
    ("fewer than", "fewer than"), ("less than", "fewer than"), ("just under", "fewer than"), ("under", "fewer than"),
    ("about", "about"), ("around", "about"), ("some", "about"), ("roughly", "about"), ("approximately", "about"),
    ("an estimated", "about"), ("estimated", "about"), ("nearly", "about"), ("almost", "about"),
    ("close to", "about"), ("approx.", "about"), ("circa", "about"),
)
#: Hedges written after the number ("1,000 or more people", "26,000 barrels a day minimum", "a week or so"):
#: right after it, or closing its phrase before a punctuation mark.
AFTER_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("or more", "at least"), ("or so", "about"), ("or less", "up to"), ("or fewer", "up to"),
    ("at a minimum", "at least"), ("at minimum", "at least"), ("minimum", "at least"), ("at least", "at least"),
    ("at the most", "up to"), ("at most", "up to"), ("maximum", "up to"),
)
#: Tokens after the numeral a closing hedge may sit behind: its unit and counted noun ("barrels a day").
AFTER_WINDOW = 5
#: Hedges that are also prepositions: the parse tells "over 300 people" (a hedge on the number) from
#: "shot over two defenders" or "700 points over two days" (a place or a period).
PREPOSITIONS = frozenset({"over", "under", "above", "about", "around"})
#: Lemmas that name what happened to the counted things -> general event classes (resources/figures.toml).
PREDICATES: dict[str, str] = lexicon().events
#: Nouns that carry the predicate only as a copula's complement ("five of the Islamists were workers at the plant").
ATTR_PREDICATES: dict[str, str] = {"worker": "employed", "employee": "employed", "member": "member"}
#: Nouns that carry the predicate when met while climbing ("took the lives of", "on the ground").
NOUN_PREDICATES = frozenset({"life", "dead", "death", "toll", "ground", "board", "part", "custody"})
#: Verbs too light to name what happened; their complement does ("took the lives of", "were among the dead").
LIGHT_VERBS = frozenset("be remain take have put get make include seem become go come".split())
#: Predicates whose subject is the agent, not the counted victim ("30 fighters were holding hostages").
AGENTIVE = frozenset({"taken", "held", "killed", "captured", "took part"})
#: Verbs of saying whose subject is the cited speaker.
SAY_VERBS = lexicon().say_verbs
DROP_MODIFIERS = frozenset({"no", "more", "other", "additional", "further", "the", "its", "their", "his", "her", "those", "these", "all"})
#: Unit words skipped before reading what a measure is of ("1,000 barrels of oil").
UNIT_WORDS = frozenset(
    "barrel barrels gallon gallons ft feet foot metres meters metre m km miles mile square sq cubic tonnes tons "
    "tonne acres percent pence cents dollars euros pounds per cent".split()
) | frozenset(MEASURE_UNITS) | frozenset(f"{u}s" for u in MEASURE_UNITS) | frozenset({"inches", "in"})
#: Words right after a length that make it a depth ("5,000 feet below the surface", "a mile underwater",
#: resources/figures.toml): the depth is what is measured, whatever the sentence's noun.
DEPTH_WORDS = lexicon().depth_words
#: What a depth "below the surface/sea" or a length "of water" measures: the water's depth (resources/figures.toml).
WATER_WORDS = lexicon().water_words
LENGTH_WORDS = frozenset(u for u, canonical in MEASURE_UNITS.items() if canonical in ("ft", "m", "km", "miles")) \
    | frozenset({"feet", "metres", "meters", "kilometres", "kilometers", "miles", "ft", "m", "km"})
#: How far (tokens) the linear fallbacks look for a counted noun or a predicate.
LINEAR_WINDOW = 10


def qualifier_of(doc, q: Quantity) -> tuple[str, int]:
    """(qualifier, start token of the hedge) from the words just before the numeral; vague amounts are approximate."""
    at = q.start - 1 if q.start > 0 and doc[q.start - 1].text in CURRENCY_SIGNS else q.start  # "about $3 million"
    # the last three words before it, over line breaks: a paragraph may open with the hedge
    # ("\n\nMore than 100 people were injured"), and the parser keeps the break as a token
    words: list = []
    k = at - 1
    while k >= 0 and len(words) < 3:
        if not doc[k].is_space:
            words.insert(0, doc[k])
        k -= 1
    before = " ".join(w.lower_ for w in words)
    for phrase, norm in QUALIFIERS:
        if before == phrase or before.endswith(" " + phrase):
            if phrase in PREPOSITIONS and _heads_phrase(words[-1], doc[q.end - 1]):
                break  # the word heads a phrase of its own: "a bank shot over two defenders"
            return norm, words[-len(phrase.split())].i
    if q.vague and q.low is not None and q.high is not None and not _explicit_range(doc, q):
        return "approximate-vague", q.start
    after = _closing_hedge(doc, q)
    if after is not None:
        return after, q.start
    return "exact", q.start


def _closing_hedge(doc, q: Quantity) -> str | None:
    """A hedge written after the number: right after it ("1,000 or more people"), or closing the number's
    phrase, before a punctuation mark or the sentence's end ("an estimate of 26,000 barrels a day minimum.",
    a leak estimate read as exactly 26,000 and called a conflict with 56,000, report7 split). Not across
    a verb or a mark: "2,000 people, at least one of them" hedges another number."""
    end = min(len(doc), q.end + AFTER_WINDOW)
    for k in range(q.end, end):
        tok = doc[k]
        if k > q.end and (tok.is_punct or tok.pos_ in ("VERB", "AUX") or tok.like_num):
            return None
        for phrase, norm in AFTER_QUALIFIERS:
            words = phrase.split()
            got = [t.lower_ for t in doc[k : k + len(words)]]
            if got != words:
                continue
            nxt = doc[k + len(words)] if k + len(words) < len(doc) else None
            closes = nxt is None or nxt.is_space or nxt.is_punct and nxt.text not in ("-", "/")  # not "minimum-wage"
            if k == q.end and phrase.startswith("or ") or closes:
                return norm
    return None


def _heads_phrase(word, number) -> bool:
    """The hedge-like word is a preposition whose object the number counts ("over two defenders",
    "over two days"), not a hedge on an amount ("to average over $76 a barrel", parsed as the verb's
    preposition too, but with the amount as its object)."""
    noun = number.head
    return word.dep_ == "prep" and number.dep_ == "nummod" and noun.dep_ == "pobj" and noun.head.i == word.i


def _explicit_range(doc, q: Quantity) -> bool:
    """A range written with its numbers ("200 to 300"); not a vague amount's scale word ("several
    hundred lawsuits" was an exact 447, report15 split)."""
    return any(t.like_num and t.lower_ != "several" and t.lower_ not in SCALES  # SCALES holds "dozen"
               for t in doc[q.start : q.end]) and q.end - q.start > 1


def counted_noun(doc, q: Quantity):
    """The noun the quantity counts (a Token), and whether it was reached through 'of' ("four of its 18 workers")."""
    last = doc[q.end - 1]
    nxt = doc[q.end] if q.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None) or _next_noun(doc, nxt.i + 1)
        if pobj is not None and pobj.pos_ == "PRON":
            pobj = _copula_attr(last) or pobj  # "573 of those freed were Algerians"
        if pobj is not None:
            return pobj, True
    head = last.head
    if _designation(head) and head.i >= q.end and head.head.i > head.i:
        head = head.head  # "six AK-47 rifles": the parser hangs "six" on the model name, which names the rifles
    if (head.pos_ in ("NOUN", "PROPN") or head.ent_type_ == "NORP") and head.i >= q.end and last.dep_ in ("nummod", "quantmod", "amod", "compound", "det"):
        if _is_time_noun(head):
            return None, False
        hostage = _hostage_object(head)
        return (hostage or head), False
    if last.pos_ in ("NOUN", "PROPN") and last.lower_ not in ("dozen",) and not last.like_num:
        return None, False  # "hundreds" standing alone: "took hundreds hostage" handled by the caller
    among = _copula_among(last)
    if among is not None:
        return among, True
    return _np_head_after(doc, q.end), False


def _designation(tok) -> bool:
    """A model or type name written with digits and letters ("AK-47", "F-16", "Boeing 737-800" reads its
    last part): it names the kind of thing counted, it is neither a number nor the counted noun."""
    return tok.tag_ == "CD" and any(ch.isalpha() for ch in tok.text) and any(ch.isdigit() for ch in tok.text)


def _np_head_after(doc, i: int):
    """Parse fallback: '... and 32 vessels to mop up' where the parser hung '32' elsewhere."""
    for tok in doc[i : i + 4]:
        if tok.text in ("-", "–") or tok.dep_ in ("amod", "compound", "nmod") or tok.pos_ == "ADJ" or _designation(tok):
            continue
        if tok.pos_ in ("NOUN", "PROPN") and not _is_time_noun(tok):
            return tok
        return None
    return None


def _copula_among(tok):
    """'Another 100 were among the 132 foreign workers': the 100 are foreign workers."""
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be":
        for prep in tok.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "among":
                return next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
    return None


def _copula_attr(tok):
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be":
        return next((c for c in tok.head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
    return None


def _hostage_object(head):
    """'took 41 foreign worker hostage' counts hostages; keep the worker noun for the modifiers."""
    return None if head.lemma_ != "hostage" else head


def _is_time_noun(tok) -> bool:
    return tok.lemma_.lower() in TIME_UNITS or tok.ent_type_ in ("DATE", "TIME")


def _next_noun(doc, i: int):
    for tok in doc[i : i + LINEAR_WINDOW]:
        if tok.pos_ in ("NOUN", "PROPN") and not _is_time_noun(tok):
            return tok
        if tok.is_punct:
            return None
    return None


def antecedent(doc, q: Quantity, sent_start: int):
    """Elided counts ("five had been captured", "the remaining 14 were safe"): the last plural noun before it.

    Looks back through this sentence and the one before (``sent_start`` is the
    token index where the previous sentence begins).
    """
    for tok in reversed(doc[sent_start : q.start]):
        if tok.tag_ in ("NNS", "NNPS") and not _is_time_noun(tok) and tok.lemma_ not in ("hundred", "dozen", "score"):
            return tok
    return None


def counts_phrase(doc, q: Quantity, noun, via_of: bool) -> str:
    """The counted noun phrase as written, lower-cased, without determiners and 'more'/'other'."""
    if noun is None:
        return ""
    start = noun.left_edge.i if via_of else q.end
    if not via_of and noun.i - q.end > LINEAR_WINDOW:
        start = noun.i
    if not via_of and start + 1 < noun.i and doc[start].lower_ == "or" and doc[start + 1].lower_ in ("more", "so", "less", "fewer"):
        start += 2  # "1,000 or more people": the hedge (``_closing_hedge``), not what is counted
    words = [t for t in doc[start : noun.i + 1] if t.lower_ not in DROP_MODIFIERS and not t.like_num and t.dep_ != "poss" and t.text not in ("'s", "’s")]
    if noun.lemma_ == "hostage" and noun.text.lower() == "hostage" and len(words) > 1:
        return " ".join(w.lower_ for w in words[:-1]) + "s"  # "41 foreign worker hostage" -> "foreign workers"
    phrase = " ".join(w.lower_ for w in words).replace(" - ", "-").replace(" -", "-").lstrip("-– ")
    units_of = _units_of(noun)
    phrase = f"{phrase} of {units_of}" if units_of else phrase
    origin = _origin(noun)
    return f"{phrase} from {origin}" if origin else phrase


def _units_of(noun) -> str | None:
    """'two counts of cyberstalking', 'three cases of cholera': a noun that counts units of something
    (resources/figures.toml ``unit_noun``) counts what its 'of' phrase names, so that phrase is part
    of what is counted -- two counts of cyberstalking and two counts of obstruction are different
    quantities (report4 split: equal values of different things grouped)."""
    if noun.lemma_.lower() not in lexicon().unit_nouns:
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if prep is None and after is not None and after.lower_ == "of":
        prep = after  # the parser hung "of cyberstalking" on the verb: the words still say whose counts
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or (pobj.pos_ not in ("NOUN", "PROPN") and pobj.tag_ != "VBG") or pobj.like_num:
        return None
    mods = [t for t in pobj.lefts if t.dep_ in ("compound", "amod") or (t.text in ("-", "–") and t.head.i == pobj.i)]
    start = min([t.i for t in mods] + [pobj.i])
    words = [t.lower_ for t in noun.doc[start : pobj.i + 1]]
    return " ".join(words).replace(" - ", "-").replace(" – ", "-")


def _origin(noun) -> str | None:
    """'400 troops from Nigeria, Togo, and Benin': where the counted come from is part of what is counted."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ("GPE", "NORP"):
                return pobj.text.lower()
    return None


def measure_context(doc, q: Quantity) -> str:
    """What a measure or amount is of: 'barrels of oil' -> 'oil', 'a $87m fine' -> 'fine',
    '5,000 ft below the surface' -> 'surface', 'a five-mile long oil slick' -> 'oil slick';
    '' when the words around say nothing more. (The clause's subject as a fallback -- 'the sheen
    stretched 20 miles' -- was measured on Deepwater Horizon: pairs F1 0.788 -> 0.763, so it is off.)"""
    context = _measure_context(doc, q)
    return lexicon().same_thing.get(context, context)  # "quake" is read as "earthquake"


def _measure_context(doc, q: Quantity) -> str:
    i = q.end
    if i + 1 < len(doc) and doc[i].text in ("-", "–") and doc[i + 1].lower_ in UNIT_WORDS:
        head = doc[i + 1].head  # "five-mile long oil slick": the measure describes the slick
        for _ in range(len(doc)):  # bounded: a head chain ends at the root
            if head.pos_ in ("NOUN", "PROPN") or head.head.i == head.i or head.i <= i:
                break
            head = head.head
        if head.pos_ == "NOUN" and head.i > i + 1 and head.lower_ not in UNIT_WORDS:
            mods = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in UNIT_WORDS]
            return " ".join(t.lower_ for t in [*mods, head])
    while i < len(doc) and (doc[i].text in ("-", "–", "%") or doc[i].lower_ in UNIT_WORDS):
        i += 1
    j = i
    while j < len(doc) and (doc[j].is_punct or doc[j].like_num or doc[j].lower_ in UNIT_WORDS) and j < i + 6:
        j += 1  # past a conversion in brackets: "a mile (1.5 km) underwater"
    if i > q.end and j < len(doc) and doc[j].lower_ in DEPTH_WORDS:
        below = next((c for c in doc[j].children if c.dep_ == "pobj"), None)
        if below is None or below.lemma_.lower() in WATER_WORDS:
            # a hole drilled to a depth below the surface is no water depth
            return "depth drilled" if _drilled(doc[q.end - 1]) else "depth under water"
        return f"depth below {below.lemma_.lower()}"  # "13,000 feet below the seabed" is not the water's depth
    if i >= len(doc) or i == q.end and doc[q.start - 1 : q.start].text not in ("$", "£", "€"):
        return _context_after(doc, i) if i < len(doc) else ""
    return _context_after(doc, i)


def _drilled(tok) -> bool:
    """The depth hangs (through nouns and prepositions) off a verb of drilling: how deep a hole goes."""
    node = tok
    for _ in range(6):  # bounded: a few noun and preposition heads up to the verb
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in lexicon().drill_verbs
    return False


#: Verbs whose object is the amount their subject reached ("costs hit $1.6bn", "the bill totalled $20m").
REACH_VERBS = frozenset({"be", "hit", "reach", "top", "total", "exceed", "surpass", "pass", "near", "approach"})


def amount_subject(doc, q: Quantity) -> str:
    """What a sum of money is, when nothing follows it: the noun the sentence says reached or is put at it.

    "the cost of cleaning up had risen to $1.6bn" -> "cost", "BP estimated the costs at $1.6bn" -> "costs",
    "costs hit $1.6bn", "the bill is $20m", "visas sold at a cost of $6,000" (report6 split: "bn (USD)"
    and "amount (USD)" named no quantity). Only a common noun qualifies ("BP said ... $1.6bn" is not
    BP's amount); '' otherwise."""
    root = next((t for t in doc[q.start : q.end] if not (q.start <= t.head.i < q.end) or t.head.i == t.i), None)
    if root is None:
        return ""
    noun = None
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "at", "of"):
        prep, holder = root.head, root.head.head
        if holder.pos_ == "NOUN":
            noun = holder  # "estimated the costs at $1.6bn", "at a cost of $6,000"
        elif holder.pos_ in ("VERB", "AUX"):
            roles = ("dobj",) if prep.lower_ == "at" else ("nsubj", "nsubjpass")
            noun = next((c for c in holder.children if c.dep_ in roles), None)
            if noun is None and prep.lower_ == "at":
                noun = next((c for c in holder.children if c.dep_ in ("nsubjpass",)), None)  # "the bill was put at"
    elif root.dep_ in ("dobj", "attr") and root.head.lemma_.lower() in REACH_VERBS:
        noun = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() in lexicon().placeholder_context:
        return ""
    mods = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join(t.lower_ for t in [*mods, noun])


def _context_after(doc, i: int) -> str:
    context = _noun_after(doc, i)
    # "5,000 feet of water" is the water's depth
    return "depth under water" if context == "water" and i > 1 and doc[i - 1].lower_ in LENGTH_WORDS \
        and doc[i - 2].lower_ not in ("square", "sq", "cubic") else context


def _noun_after(doc, i: int) -> str:
    tok = doc[i]
    if tok.lower_ == "of" or tok.pos_ == "ADP":
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is not None and not _is_time_noun(pobj) and pobj.ent_type_ not in ("DATE", "TIME") \
                and not pobj.like_num and pobj.lower_ not in UNIT_WORDS:
            mods = [c for c in pobj.lefts if c.dep_ in ("compound", "amod")]
            return " ".join(t.lower_ for t in [*mods, pobj])
        return ""
    if tok.pos_ == "NOUN" and not _is_time_noun(tok):
        return tok.lower_
    return ""


def person_age(doc, q: Quantity) -> str | None:
    """The named person whose age the quantity is, written as first and last name, or None.

    "John Smith, 41, was arrested" (the number in apposition to the name) and "the 41-year-old John
    Smith" (the age modifying the name). Only a full name (two or more words tagged as a person, or a
    surname the document gives one full name for) qualifies: "a 24-year-old man" could be anyone, and
    two brothers share a surname. An age is fixed over a story's week, so two outlets giving the same person different ages
    disagree (report3 split: a rescued man's age, 23 against 24, missed because ages were dropped).
    """
    if q.end - q.start != 1:
        return None
    num = doc[q.start]
    nxt = doc[q.end] if q.end < len(doc) else None
    if num.dep_ == "appos" and q.start > 0 and doc[q.start - 1].text == "," \
            and (nxt is None or nxt.text in (",", ".", ")", ";") or nxt.lower_ == "and"):
        return _full_name(num.head)
    words = doc[q.end : q.end + 4]
    if len(words) == 4 and words[0].text in ("-", "–") and words[1].lemma_ == "year" and words[3].lower_ == "old":
        return _full_name(words[3].head)
    return None


def _full_name(tok) -> str | None:
    """First and last name of the person ``tok`` ends; a surname alone ("Smith, 41") takes the one full
    name the document gives that surname, and none when it gives two ("Tamerlan" and "Dzhokhar Tsarnaev")."""
    if tok.pos_ != "PROPN":
        return None
    names = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON"] + [tok]
    if len(names) >= 2 and tok.ent_type_ == "PERSON":
        return f"{names[0].text} {names[-1].text}"
    if len(names) >= 2:
        return None  # a name the tagger does not call a person's ("Wismond Exantus Jean-Pierre" as ORG)
    # the surname alone may be tagged otherwise ("sentenced Smith" as ORG): the full name decides
    full = {f"{e[0].text} {e[-1].text}" for e in tok.doc.ents
            if e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == tok.text and e[0].pos_ == "PROPN"}
    return full.pop() if len(full) == 1 else None


def sentenced_person(doc, q: Quantity) -> str | None:
    """Whose term a duration imposed by a term verb is ("John Smith was sentenced to 10 years", "the
    judge sentenced Smith to 10 years"), as ``_full_name`` writes it; None when no named person is the
    one sentenced. A term is fixed once imposed, so two outlets giving one person different terms
    disagree; terms of two defendants never meet (tune half: the terms faced, imposed and served all
    say "in prison", so only the verb and its person tell them apart)."""
    unit = doc[q.end] if q.end < len(doc) else None
    if unit is None or unit.head.lower_ != "to" or unit.head.head.lemma_.lower() not in lexicon().term_verbs:
        return None
    verb = unit.head.head
    person = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
    return _full_name(person) if person is not None else None

