"""What happened to the counted things (the predicate) and who says so (the attribution)."""

from __future__ import annotations

import re

from ..entities.aliases import person_titles
from ..nlp.ents import doc_ents
from ..nlp.syntax import set_off
from .claim_parts import AGENTIVE, ATTR_PREDICATES, LIGHT_VERBS, LINEAR_WINDOW, NOUN_PREDICATES, PREDICATES, SAY_VERBS
from .lexicon import is_event_noun, lexicon

#: Dependents of a verb that can carry the predicate word ("were among the dead", "remain unaccounted for").
COMPLEMENTS = frozenset({"acomp", "oprd", "attr", "dobj", "prt", "xcomp", "advmod"})
#: How many heads to climb from the counted noun to its verb; deeper than this we are in another clause.
MAX_CLIMB = 6  # "seized the plant with hundreds of Algerians and scores of foreign workers": 5 heads up
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "that"})


def predicate_of(anchor, sent, whole: bool = False) -> str | None:
    """Normalised predicate for the claim whose noun phrase is rooted at ``anchor`` (a Token).

    Order of evidence: the noun's own participles ("workers captured",
    "troops it had pledged"), then the nouns and verb met while climbing
    ("took the lives of"), then the verb's complements ("among the dead");
    if the parse gives nothing, the nearest predicate word to the right.
    ``whole``: the quantity is the whole of a part ("four of its 18 workers"):
    the verb belongs to the part, so the whole is a ``total`` unless its own
    clause says otherwise ("2,000 of the 2,500 troops it had pledged").
    """
    nxt = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    if anchor.like_num and nxt is not None and nxt.pos_ in ("VERB", "ADJ") and _pred(nxt) and nxt.lemma_ not in LIGHT_VERBS:
        return _pred(nxt)  # "Eleven workers were missing and 17 injured"
    if _owned_by_relation(anchor):
        return None  # "the families of two missing workers sued": the count describes whose families
    for child in anchor.children:
        if child.dep_ in ("acl", "relcl", "amod") and _pred(child) and not anchor.like_num:
            return _pred(child)  # "132 foreign workers captured"; not "the remaining 14 were safe"
        if _acted_on(child):
            return None  # "the 700,000 barrels of oil which it scooped or burned": no event of ours, no other's
        if child.dep_ == "prep" and child.lower_ in ("on", "aboard"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and _pred(pobj) == "aboard":
                return "aboard"  # "126 workers on board"
    if whole:
        return "total"
    node = anchor
    for _ in range(MAX_CLIMB):
        for _ in range(len(node.doc)):  # bounded: a head chain ends at the root
            if not (node.dep_ in ("conj", "appos") and node.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") and node.head.i != node.i):
                break
            node = node.head  # "Seven hostages and 11 gunmen were killed": the verb is the first conjunct's
        found = _pred(node) if node.i != anchor.i and node.lemma_ in NOUN_PREDICATES and _taken(node) else None
        if found:
            return found
        if node.pos_ in ("VERB", "AUX", "ADJ") and node.i != anchor.i:
            found = _from_verb(node, anchor)
            if found:
                return found
            break
        if node.head.i == node.i:
            break
        node = node.head
    return _linear(anchor, sent)


def _acted_on(clause) -> bool:
    """A relative clause that says what someone did to the counted things ("barrels which it scooped
    from the surface"): its relative pronoun is the object and it has a subject of its own. Its verb is
    the claim's event even when no event class reads it; a verb farther off is another event's
    (report16: oil BP skimmed filed under "oil spewed")."""
    if clause.dep_ != "relcl" or clause.pos_ != "VERB" or _pred(clause):
        return False
    children = list(clause.children)
    return any(c.dep_ == "dobj" and c.lower_ in RELATIVE for c in children) and any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in children)


#: Nouns whose "of" phrase names whose they are: a count inside describes them, it is not the claim's subject.
RELATIONAL = frozenset({"family", "relative", "lawyer", "behalf", "name", "widow", "parent", "child"})


def written_verb(anchor, sent, predicate: str | None) -> str | None:
    """The verb the text uses for the claim's event, as written, when it is a participle or past form
    ("paid", "indicted", "charged"): a label says "amount paid", not the event class "amount spent", and
    "counts indicted", not "arrested" (report4 split: "amount spent" for a payment). The verb governing
    the claim wins; else the nearest such verb in the sentence; None when the text has none."""
    if predicate is None:
        return None
    # a past form reads as a participle only where the two are one ("charged"), not "took" for "taken"
    verbs = [t for t in sent if t.pos_ == "VERB" and (t.tag_ == "VBN" or t.tag_ == "VBD" and t.lower_.endswith("ed"))
             and _pred(t) == predicate]
    if not verbs:
        return None
    above = {a.i for a in anchor.ancestors}
    governing = [t for t in verbs if t.i in above]
    return min(governing or verbs, key=lambda t: abs(t.i - anchor.i)).lower_


def _owned_by_relation(anchor) -> bool:
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ != "of":
        return False
    owner = prep.head  # "relatives of", "family members of"
    return owner.lemma_.lower() in RELATIONAL or any(c.dep_ == "compound" and c.lemma_.lower() in RELATIONAL for c in owner.children)


def _pred(tok) -> str | None:
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if particle and f"{tok.lower_} {particle}" in lexicon().other_phrasal:
        return None  # "wound up at 40-42" is "wind up", not "wound"; "took on the Wizards" takes no one
    if tok.pos_ == "VERB" and _resulting_death(tok):
        return "killed"  # "shot dead", "beaten to death": the result names the event, whatever the verb
    return PREDICATES.get(tok.lemma_.lower()) or PREDICATES.get(tok.lower_)


def _resulting_death(verb) -> bool:
    """'beaten to death' whatever the verb; 'dead' only after shooting ('shot dead'): 'presumed dead',
    'feared dead' say what is believed of the missing (Deepwater Horizon: 11 workers presumed dead)."""
    for child in verb.children:
        if child.dep_ in ("acomp", "oprd", "advmod", "xcomp") and child.lower_ == "dead" \
                and PREDICATES.get(verb.lemma_.lower()) == "shot":
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.dep_ == "pobj" and g.lower_ == "death" for g in child.children):
            return True
    return False


def _from_verb(verb, anchor) -> str | None:
    own = _pred(verb) if verb.lemma_ not in LIGHT_VERBS else None
    if own:
        return "took part" if own in AGENTIVE and _is_active_subject(anchor, verb) else own
    for child in verb.children:
        if child.dep_ in COMPLEMENTS and child.i != anchor.i and _pred(child) and _taken(child):
            return _pred(child)
        if child.dep_ == "attr" and verb.lemma_ == "be" and child.lemma_ in ATTR_PREDICATES:
            return ATTR_PREDICATES[child.lemma_]
        if child.dep_ == "dobj" and child.i != anchor.i:
            for mod in child.children:
                if mod.dep_ == "amod" and _pred(mod):
                    return _pred(mod)  # "put the remaining number of hostages at 10"
        if child.dep_ in ("prep", "agent"):
            for grand in child.children:
                if grand.dep_ == "pobj" and _pred(grand) and _taken(grand):
                    return _pred(grand)
    found = _pred(verb)
    if found and found in AGENTIVE and _is_active_subject(anchor, verb):
        return "took part"
    if found is None and verb.lemma_ in ("be", "remain", "include") and verb.dep_ in ("conj", "ccomp", "xcomp") and verb.head.i != verb.i:
        return _pred(verb.head)
    return found


def _taken(noun) -> bool:
    """ "lives" are deaths ("took the lives of", "claimed 20 lives") except where a verb gives, saves or
    risks them: "gave 33 people back their lives" counts the rescued (report11 split: filed under
    "people killed"). A misparse that hangs "lives" elsewhere keeps the deaths reading."""
    if noun.lemma_.lower() != "life":
        return True
    verb = noun.head.head if noun.head.pos_ == "ADP" else noun.head  # "gave … back their lives"
    return not (verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lexicon().life_sparing_verbs)


def _is_active_subject(anchor, verb) -> bool:
    """'30 fighters were holding hostages': the counted noun does the taking, it is not taken."""
    node = anchor
    for _ in range(len(node.doc)):  # bounded: a head chain ends at the root
        if not (node.dep_ in ("conj", "appos") and node.head.i != node.i):
            break
        node = node.head
    if not (node.dep_ == "nsubj" and node.head.i == verb.i and not any(c.dep_ == "auxpass" for c in verb.children)):
        return False
    # the subject of a verb with no object underwent it: "Eleven men died when the rig exploded" counts
    # the dead ("die" reads as the killed class), not killers (report16: filed as "people taking part")
    return _pred(verb) == "took part" or any(c.dep_ in {"dobj", "prt"} for c in verb.children)


def _linear(anchor, sent) -> str | None:
    for tok in sent[anchor.i - sent.start + 1 : anchor.i - sent.start + 1 + LINEAR_WINDOW]:
        if tok.lemma_ in SAY_VERBS or tok.text in (";",):
            break
        if _pred(tok) and tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            return _pred(tok)
    return None


def attribution_of(anchor, sent) -> str | None:
    """Who the sentence cites for the claim: 'according to X', 'X said/told', 'cited by X', 'reportedly'."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            pobj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            # a count inside the source's own description ("according to the claims facility, which was
            # set up to compensate victims of the blowout that killed 11 rig workers") is the writer's
            # gloss on the source, not what the source says (report16: 11 dead "by" the claims facility)
            if pobj is not None:
                return None if pobj.is_ancestor(anchor) or _no_one(pobj) else _phrase(pobj)
    owner = _estimate_owner(anchor)
    if owner is not None:
        return owner
    if _writers_aside(anchor) and not any(_says(t) and t.i > anchor.i for t in sent):
        return None  # unless a frame after it covers the aside too ("…, which had a dozen people inside, police said")
    speaker = _say_subject(anchor, sent) or _mistagged_saying(sent)
    if speaker:
        return speaker
    for tok in sent:
        if tok.lower_ == "cited" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "by":
            pobj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _phrase(pobj)
    return None


def _no_one(source) -> bool:
    """ "according to reports", "according to media reports": reports that nobody is named as making
    are no sayer (LABELLING.md: "not attributed" is right when no one is named; report17's "three
    killed, according to reports" read as said by "reports"). "the report", "a report by the
    agency", "Reuters reports" name one."""
    return source.tag_ == "NNS" and source.lemma_.lower() in lexicon().document_nouns | lexicon().revised_nouns \
        and not any(c.dep_ in ("det", "poss", "prep", "compound", "nummod") and c.lower_ not in lexicon().unnamed_modifiers
                    for c in source.children)


def _estimate_owner(anchor) -> str | None:
    """ "the government's estimates that the well spewed 4.9 million barrels", "BP's figure of 5,000
    barrels a day": the claim states the content of an estimate (or a document) that a possessive
    names the owner of; the owner is its source (report16: the government's total read as no one's).
    The nearest such noun above the claim decides: with no owner written, or a pronoun's ("its
    estimate"), the other rules read the source."""
    for node in anchor.ancestors:
        if node.pos_ != "NOUN" or node.lemma_.lower() not in lexicon().revised_nouns | lexicon().document_nouns:
            continue
        owner = next((c for c in node.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
        return re.sub(r"\s*['’]s?$", "", _phrase(owner)) if owner is not None else None
    return None


def _writers_aside(anchor) -> bool:
    """The claim sits in a relative clause set off by a comma and opened by "which" ("Eichmann says the
    court overstated his role in the Final Solution, which involved the extermination of 6 million
    Jews"): the writer's gloss on a noun, not what the sayer of the sentence says (report12 split).
    So is a clause on an event noun that says which event ("BP's chief said the company would learn
    from the explosion that killed 11 workers": five read-split sayers of the eleven dead)."""
    for node in [anchor, *anchor.ancestors]:
        if node.dep_ not in ("relcl", "acl"):
            continue
        if any(_says(t) for t in node.subtree):
            return False  # "…, which it identified as a factor in …": the aside says who says it itself
        if _names_event(node.head):
            return True  # "the explosion that killed 11 workers": which event, the writer's identification
        return node.dep_ == "relcl" and node.left_edge.lower_ in _NONRESTRICTIVE and set_off(node)
    return False


#: Words that open a relative clause set off by commas: a gloss on a noun already named ("the Deepwater
#: Horizon, where 11 workers died in the April 20 explosion": the writer's, not the commission's counsel's,
#: report16 split).
_NONRESTRICTIVE = frozenset({"which", "where"})


def _names_event(noun) -> bool:
    """An event noun, or the 'of' or 'on' object of one: "the explosion of the Deepwater Horizon rig that
    caused a crisis and left 11 workers dead", "an explosion on the rig that killed 11 workers": the clause
    hangs on the rig, but says which explosion (report15, report16 splits)."""
    if is_event_noun(noun):
        return True
    prep = noun.head if noun.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("of", "on") and is_event_noun(prep.head)


#: How far into a sentence a verb of saying the tagger read as a noun is looked for ("Police allege ...").
MISTAGGED_SAY_AT = 4


def _mistagged_saying(sent) -> str | None:
    """'Police allege Eric Allen Kirkpatrick, 61, opened fire': the tagger reads "allege" as a noun in
    a compound, so no verb of saying is found. A verb-of-saying word right after the opening noun
    phrase, followed by the clause it reports (a name, a determiner or a pronoun), is one; the words
    before it are the sayer (report5 split: the suspect's age had no sayer)."""
    toks = [t for t in sent if not t.is_space][: MISTAGGED_SAY_AT + 1]
    for k, tok in enumerate(toks[1:], start=1):
        before = toks[:k]
        if tok.pos_ == "VERB" or not all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") for t in before):
            continue
        if tok.lemma_.lower() in SAY_VERBS and tok.tag_ in ("NN", "NNS") and tok.i + 1 < sent.end \
                and tok.doc[tok.i + 1].pos_ in ("PROPN", "DET", "PRON"):
            return sent.doc[before[0].i : tok.i].text
    return None


def _say_subject(anchor, sent) -> str | None:
    """The subject of the saying verb that governs the claim; else of the nearest one in the sentence."""
    ancestors = set(a.i for a in anchor.ancestors)
    says = [t for t in sent if _says(t) and _speaker(t) is not None and not _relative_saying(t)]
    if not says:
        return _trailing_sayer(sent, ancestors)
    inside = {anchor.i} | {a.i for a in anchor.ancestors}
    # The claim in the sayer's own noun phrase ("a worker on the platform - which exploded killing 11
    # workers - has told the BBC he had identified a leak") is the writer's description of the sayer:
    # neither that verb nor one it reports ("identified", whose "he" resolved to an earlier sentence's
    # sayer) speaks for it (report8 split).
    # A verb that governs the claim itself still speaks for it ("France, which said that 2,000 of the
    # troops …, said …": the relative clause's "said" is France's, In Amenas).
    describing = [t for t in says if _speaker(t).i in inside]
    says = [t for t in says if _speaker(t).i not in inside
            and (t.i in ancestors or not any(d.is_ancestor(t) for d in describing))]
    # "the three suspects were identified by the office as ...": the identifier speaks for what it says of
    # them, not for the count in the passive subject (tune half)
    says = [t for t in says if not (_subject(t) is not None and _subject(t).dep_ == "nsubjpass" and _subject(t).i in inside)]  # "a spokesman for the 3 firms said": the claim is the sayer's
    # Of two verbs of saying over a claim the outer one is its source: "Police said the man, 61,
    # surrendered, the CBC reported" is the CBC's report of what police said, and a fact-checker cites
    # who published it, not whom they quoted. A reporting clause that closes the sentence after a comma
    # frames all of it, wherever the parser hangs it (often as the complement of the first verb);
    # otherwise the verb nearer the root is the outer one. (Which verbs govern is read within the
    # claim's sentence, their order within the parser's: the two differ where the segmenter split
    # a parse sentence, and unifying them changes sayers on Deepwater Horizon: not done unmeasured.)
    governing = (
        sorted((t for t in says if t.i in ancestors or _closing_frame(t, sent)),
               key=lambda t: (not _closing_frame(t, t.sent), sum(1 for _ in t.ancestors)))
        or [t for t in says if t.dep_ == "ROOT"]
        or [t for t in says if _reporting_clause(t, ancestors)]
    )
    if not governing:
        return None
    return _sayer(governing[0])


def _closing_frame(verb, sent) -> bool:
    """", the CBC reported.": a verb of saying whose subject follows a comma and whose own words
    close the sentence."""
    subject = _speaker(verb)
    if subject is None or subject.i > verb.i:
        return False
    start = subject.left_edge.i
    if start <= sent.start or sent.doc[start - 1].text != ",":
        return False
    return all(t.is_punct or verb.is_ancestor(t) for t in sent.doc[verb.i + 1 : sent.end])


#: Relative pronouns: as the subject of a saying verb's clause they make the saying part of a relative clause.
RELATIVE = frozenset({"that", "which", "who", "whom"})


def _relative_saying(verb) -> bool:
    """'circulating pictures that authorities said were stolen': the saying sits in a relative clause
    (its clause's subject is the relative pronoun, right before the sayer) and speaks only for that clause,
    never for the sentence's count (report4 split: "authorities" named as the source of an indictment)."""
    subject = _subject(verb)
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "xcomp"):
            rel = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE), None)
            # the relative pronoun opens the sayer's words ("that authorities said"), not a quotation's
            # demonstrative ('"... and that is when ...," she said')
            if rel is not None and subject is not None and rel.i == subject.left_edge.i - 1:
                return True
    return False


#: Parts of speech a trailing sayer's words may have ("federal prosecutors and the U.S. Capitol Police").
SAYER_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "CCONJ", "PART"})


def _trailing_sayer(sent, ancestors: set[int]) -> str | None:
    """', federal prosecutors and the police announced Thursday.': a reporting clause closing the sentence
    whose subject the parser hung elsewhere (as a conjunct of the last noun before the comma), so the
    saying verb has no subject. The words between the comma and the verb, when they are a plain noun
    phrase, are the sayer (report4 split: the source of a charge was read as none)."""
    for verb in sent:
        if not _says(verb) or _speaker(verb) is not None or verb.dep_ not in ("advcl", "parataxis", "ccomp", "ROOT"):
            continue
        if verb.dep_ != "ROOT" and verb.head.i not in ancestors:
            continue
        comma = next((t for t in reversed(sent.doc[sent.start : verb.i]) if t.text == ","), None)
        words = sent.doc[comma.i + 1 : verb.i] if comma is not None else None
        if not words or len(words) > 12 or any(t.pos_ not in SAYER_POS for t in words) \
                or not any(t.pos_ in ("NOUN", "PROPN") for t in words) or words[-1].pos_ not in ("NOUN", "PROPN"):
            continue
        return words.text
    return None


#: Verbs of saying only with a preposition that makes them so ("put the toll at 30", not "the plan put
#: into operation called for four robots": Deepwater Horizon).
SAYING_WITH = {"put": "at"}


def _says(tok) -> bool:
    """A verb of saying (resources/figures.toml), with its preposition where it needs one, and with a
    reported clause where only that makes it saying ("claimed three wins" is winning)."""
    if tok.pos_ == "VERB" and tok.lemma_ in lexicon().change_verbs and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lexicon().revised_nouns for c in tok.children):
        return True  # "the administration had revised its estimate upwards to 5,000"
    if tok.lemma_ not in SAY_VERBS or tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.lemma_ in lexicon().say_with_clause:
        return any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
    prep = SAYING_WITH.get(tok.lemma_)
    return prep is None or any(c.dep_ == "prep" and c.lower_ == prep for c in tok.children)


def _sayer(verb) -> str | None:
    """The sayer a verb of saying names: its subject, with relative pronouns, pronouns, documents and
    datelines resolved to who they stand for."""
    subject = _speaker(verb)
    if subject.lower_ in ("which", "who", "that") and subject.head.dep_ == "relcl":
        subject = subject.head.head  # "France, which said ..." -> France
    if subject.lower_ in PRONOUNS:
        return _last_name_before(subject) or subject.text
    issuer = _issuer(subject)
    if issuer is not None:
        return _phrase(issuer)
    if _dateline(subject, verb):
        appos = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")
                      and c.ent_type_ not in ("DATE", "TIME")), None)
        return _phrase(appos).split(")")[-1].strip() if appos is not None else None
    return _phrase(subject)


def _issuer(subject):
    """'The ministry issued a statement saying 30 died', 'The district sent a letter that said ...': a
    document says nothing by itself; its issuer (the subject of the verb the document is the object of)
    is the sayer. Document nouns are a lexicon (resources/figures.toml)."""
    if subject.lemma_.lower() not in lexicon().document_nouns or subject.dep_ != "dobj":
        return None
    issuer = _subject(subject.head)
    if issuer is None or issuer.pos_ not in ("PROPN", "NOUN") or issuer.lemma_.lower() in lexicon().document_nouns:
        return None
    return issuer


def _dateline(subject, verb) -> bool:
    """'(Update 9:45 p.m. Cairo, ...) Egypt's health minister said': a place in the dateline, not the sayer."""
    if subject.ent_type_ not in ("GPE", "LOC"):
        return False
    between = subject.doc[subject.i + 1 : verb.i]
    return any(t.text in (")", "—", "--") for t in between)


def _reporting_clause(verb, ancestors: set[int]) -> bool:
    """', an Algerian security source said,' hung off the claim's verb (not 'although Belgium said', nor
    'where police say he was uncooperative', a clause of its own on the claim's: report6 split)."""
    return verb.head.i in ancestors and verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and not any(
        c.dep_ == "mark" or c.tag_ == "WRB" and c.i < verb.i for c in verb.children
    )


def _speaker(verb):
    """Who speaks through a verb of saying: the agent of a passive one (tune half: three suspects "were
    identified by the district attorney's office as" named the suspects as sayers), its subject, or for a participle with none ("the airline
    took out an advertisement, saying: ...", "the ministry issued figures, stating ...") the subject of
    the verb it hangs from (report half: a quoted advertisement's count read as unattributed)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if by is not None:
        return by  # "were identified by the district attorney's office as ...": the agent, not the identified
    subject = _subject(verb)
    if subject is not None and subject.dep_ == "nsubjpass":
        return None  # "the total leak, which is now estimated to be 40,000 barrels a day": what is said, not who says it
    if subject is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:
        subject = _subject(verb.head)
    return subject


def _subject(verb):
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def one_paragraph(sayer: str | None) -> str | None:
    """A sayer's words after the last line break in them: a name never runs across paragraphs, so what
    comes before a break is a headline, a caption or a quotation's end the parse hung on the name
    ("Greek bank\n\nPolice", '"\n\nBP', "(USA Today article)\n\n": 16 sayers of the read splits).
    None when no word is left."""
    if sayer is None or "\n" not in sayer:
        return sayer
    last = sayer.rsplit("\n", 1)[1].strip(" \"'“”‘’()")
    return last if any(ch.isalpha() for ch in last) else None


def _phrase(tok) -> str:
    """The subtree of a speaker noun, cut at the first comma or relative clause, capped in length."""
    words = []
    clauses = {t.i for c in tok.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    for t in tok.subtree:
        if t.i > tok.i and (t.text in (",", "(", "–", "—", ":") or t.i in clauses):
            break  # "the council that found …": the relative pronoun opens the clause that is cut
        if words and t.i > words[-1].i + 1:
            break  # the subtree jumps over the verb ("Police confirmed ...: Liberty German"): the phrase ends
        words.append(t)
    return tok.doc[words[0].i : words[-1].i + 1].text.strip(" ,-–—")[:120]  # "BP - which …": no dash


def _last_name_before(tok) -> str | None:
    """Resolve 'he'/'they' to who it stands for, within the document.

    "He"/"she" speaking is the last named speaker of a verb of saying before it ("..., Nambiar
    said. ... 14 rifles, he said"; '"...," said an officer. "The 23 pirates were taken on board INS
    Mysore ...," he added' is the officer, not the warship: report5 split), else the last person
    named outside the words it reports. "They" is the last person or organisation named; "it" the last
    organisation, never a person ("BP is still pressing ahead … It said … collecting about 17,000
    barrels a day" is BP's figure, not that of the engineer quoted above: report13 split)."""
    personal = tok.lower_ in PERSONAL
    neuter = tok.lower_ == "it"
    if personal:
        speaker = _last_speaker_before(tok)  # "..., Nambiar said. In all, ... 14 rifles, he said."
        if speaker is not None:
            return speaker
    if neuter and tok.sent.start > 0:
        # "BP is still pressing ahead … It said …": the sentence before, opening with a name as its
        # subject, is what "it" stands for, though the tagger named no organisation there
        before = tok.doc[tok.sent.start - 1].sent
        mains = [v for v in before if v.i == before.root.i or v.dep_ == "conj" and v.head.i == before.root.i]
        subject = next((x for x in reversed([_subject(v) for v in mains]) if x is not None), None)
        if subject is not None and subject.pos_ == "PROPN" and subject.ent_type_ not in ("PERSON", "GPE", "NORP", "LOC"):
            return _phrase(subject)  # the last main clause's subject (a line the parser ran into a quotation)
    # what the speaker says is not who the speaker is: names inside the reported words are skipped
    reported = {t.i for c in tok.head.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
    for ent in reversed(doc_ents(tok.doc).ending_by(tok.i)):
        if tok.i - ent.end >= NAME_REACH:
            break
        if ent.start in reported:
            continue
        if ent.label_ == "PERSON" and not neuter or ent.label_ == "ORG" and not personal:
            return ent.text
    return None


def _personal_name(tok) -> bool:
    """A proper name that may be a person's: the small model often types a surname as an
    organisation ("Nambiar said"), so only a place, a nationality, an acronym ("BP", "CNN") or a
    name with an article ("the Navy") is ruled out."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "NORP", "LOC", "FAC") or tok.text.isupper():
        return False
    return not any(c.dep_ == "det" for c in tok.children)


#: Pronouns that stand for a person, never an organisation or a thing.
PERSONAL = frozenset({"he", "she"})
#: How far back (tokens) a pronoun's antecedent is looked for.
NAME_REACH = 200


def _last_speaker_before(tok) -> str | None:
    """The person who is the subject of the last verb of saying within ``NAME_REACH`` tokens before
    ``tok``: a name, or a role word (``person_titles``: "an officer", "the spokesman")."""
    doc = tok.doc
    for verb in reversed(doc[max(0, tok.i - NAME_REACH) : tok.sent.start]):
        if not _says(verb):
            continue
        subject = _speaker(verb)
        if subject is not None and (_personal_name(subject)
                                    or subject.pos_ == "NOUN" and subject.lemma_.lower() in person_titles()):
            return _phrase(subject)  # a name or a person's role ("an officer"), not "the navy"
    return None


#: Opening quotation marks: a sentence that starts with one continues a speaker's words.
OPENING_QUOTES = ('"', "\u201c", "\u2018")
#: How many sentences of one paragraph are searched for the sayer of a quotation.
QUOTE_REACH = 6


def continued_quote_speaker(sents, k: int, text: str | None = None) -> str | None:
    """The speaker of a quotation the claim's sentence sits in, when the sentence names none.

    '"It is with heavy hearts ... It is our understanding that the two bodies ..."' after 'The
    district sent a letter that said ...' (tune half): the sayer is named after the quotation closes
    in the same paragraph (', the district said'), or else in the sentence before the quotation opened.
    Only sentences inside an open quotation, with no verb of saying of their own, are read this way.
    ``text``: the Doc's text, read once by the caller (``Doc.text`` rebuilds the whole text on every
    access: once per claim was quadratic on a long report).
    """
    sent = sents[k]
    if any(_says(t) for t in sent):
        return None
    text = sent.doc.text if text is None else text
    para = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.end_char)
    end = len(text) if end < 0 else end
    if not (sent.text.lstrip().startswith(OPENING_QUOTES) or _quote_open(text[para : sent.start_char])):
        return None
    for later in sents[k + 1 : k + 1 + QUOTE_REACH]:
        if later.start_char >= end:
            # A quotation left open at a line's end runs on where the next line opens with a quotation
            # mark (the convention across paragraphs) or closes one it did not open (one sentence per
            # line: report6 split, '"The three boats had a total of 26 ...' closed on the next line by
            # '," the officer said.').
            nxt = text.find("\n", later.end_char)
            nxt = len(text) if nxt < 0 else nxt
            line = text[later.start_char : nxt].lstrip()
            if not (_quote_open(text[para:end]) and (line.startswith(OPENING_QUOTES) or _closes_quote(line))):
                break
            para, end = later.start_char, nxt
        if any(_says(t) for t in later):
            return attribution_of(later.root, later)
    first = k  # the sentence that opened the quotation: this one, or the last one before it that opens one
    while not sents[first].text.lstrip().startswith(OPENING_QUOTES) and first > 0 \
            and sents[first - 1].start_char >= para and k - first < QUOTE_REACH:
        first -= 1
    if first == 0:
        return None
    before = sents[first - 1]
    says = [t for t in before if _says(t) and _speaker(t) is not None]
    if says:  # "The district sent home a letter that said ...": whoever the sentence has saying it
        return _sayer(says[0])
    return attribution_of(before.root, before) if before.text.rstrip().endswith(":") else None


def _closes_quote(line: str) -> bool:
    """The line closes a quotation opened before it: a closing curly mark with no opening one before
    it, or an odd number of straight marks, the first not opening the line."""
    curly = line.find("\u201d")
    if curly >= 0 and "\u201c" not in line[:curly]:
        return True
    return line.count('"') % 2 == 1 and not line.startswith('"')


def _quote_open(text: str) -> bool:
    """Is a quotation open at the end of ``text`` (straight quotes counted, curly ones paired)?"""
    return text.count('"') % 2 == 1 or text.count("\u201c") > text.count("\u201d")
