"""Whether a sentence lifted out of its article still makes sense, read off the dependency parse.

A summary sentence is read without the one before it. It cannot stand alone when its sense
hangs on that sentence: it opens with a connective that states a consequence or contrast
("As a result,", "Instead,"), its subject or object is a demonstrative or a bare definite noun
that points back ("the figure", "The nurse", "The two", "The 52-year-old"), it opens with a time
phrase that counts from an event told before ("Two days later,"), or with a pronoun subject no earlier
sentence names, or speaks in the first or second person outside quotes (a column; a quotation
left open or closed without opening counts as running to the sentence's edge), or it is no
sentence at all (no main verb: a headline, caption or fragment; the writer's own question; a
present-tense line with a full date, the shape of a photo caption; an aside wholly in brackets;
an imperative to the reader: link text, a call to action). The end of a quotation with no
speaker is dropped; a quotation opened with no speaker is shown with the speaker named where it
ends ("[Name:] “…"), when one is. Additive connectives
("But", "Also") are only stripped. Measured against ROUGE on Multi-News (bench/summaries.py):
skipping every unbalanced quotation, every third-person pronoun subject and "it" cost 1.6 R-1
there, so those are not rules.

Which openers, nouns and time words point back is data, not code: ``resources/discourse_openers.tsv``,
``resources/anaphoric_nouns.tsv`` and ``resources/temporal_references.tsv``, one reason per entry. Everything else is syntax: the
dependency relation, part of speech and morphology spaCy's parser already gives every token.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..clean.lines import DATE_PATTERN
from ..entities.aliases import HEAD_HINTS, contrast_words, person_titles
from ..nlp.syntax import set_off
from ..words import resource_rows

_FULL_DATE = re.compile(DATE_PATTERN)
_OPEN_QUOTES = "“"
_CLOSE_QUOTES = "”"
#: Dependency relations that restrict a noun to something the sentence itself names.
_RESTRICTING = frozenset({"prep", "relcl", "acl", "appos", "nummod", "poss", "npadvmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: "Ms. O'Sullivan said": house style for a person already introduced by full name.
#: Distal demonstratives as determiners ("that conversation", "those remarks") point back to
#: something named before; proximal ones are often deictic ("this week").
_DISTAL = frozenset({"that", "those"})
#: Place adverbs that point, not name: "roamed there", "the protesters here" say where only after a
#: sentence that named the place (or from where the writer stood). "There is/are" is an expletive
#: (``expl``), not a place (report3 and report5 splits).
_DEICTIC_PLACES = frozenset({"there", "here"})
#: Entity types that name a place a later "there" in the same sentence points to.
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_COURTESY = frozenset({"mr", "mrs", "ms", "miss"})
_REPORTED = frozenset({"ccomp", "dobj", "xcomp", "parataxis", "advcl", "dative", "attr", "oprd", "conj"})
#: Verbs an extraposed "it" stands in front of ("It is clear that …", "It seems …").
_RAISING = frozenset({"be", "seem", "appear", "remain", "become", "take", "look", "matter"})
#: A headline run glued to an article's first sentence is at most this many words.
MAX_HEADLINE_WORDS = 14
#: With the parse to check that the rest is a sentence, a headline with its standfirst or caption.
MAX_GLUED_WORDS = 40
#: Headline, standfirst, caption: at most this many runs before the sentence.
MAX_GLUED_RUNS = 3
#: A caption that ``_sentences_run_together`` cuts off has a subject, a verb and what it did.
MIN_CAPTION_WORDS = 5
#: A sentence wholly in brackets: "(New Line Cinema picked it up and squeezed it dry.)", "(See: every
#: app that wanted to make money ever.)" -- the writer's aside on the sentence before it.
_ASIDE = re.compile(r"^\([^()]*\)[.!?]?$|^\([^()]*[.!?]\)$")
#: An imperative opens its sentence, after at most an adverbial this long ("Of course,", "Now").
MAX_IMPERATIVE_LEAD = 3
_CLOSING = frozenset({"'", "’", "”", '"'})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_FINITE_OR_BASE = _FINITE | {"VB"}
#: Dependents that modify the noun after them ("chairman Henry Waxman").
_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod", "poss", "det", "appos", "flat"})
#: ... and what follows it is a sentence of at least this many words.
MIN_LEAD_WORDS = 8
#: A Title Case headline has at least this many words before the name that opens the sentence.
MIN_TITLE_CASE_WORDS = 4
#: ... and that name at most this many tokens.
MAX_NAME_TOKENS = 4
#: Function words a Title Case headline leaves in lower case ("Shot at Reshaping Fed by Naming").
_FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART"})

@cache
def _table(name: str) -> dict[str, tuple[str, ...]]:
    return {r[0].strip().lower(): tuple(c.strip() for c in r[1:]) for r in resource_rows(name)}


def openers() -> dict[str, str]:
    """Opener phrase -> "strip" or "skip" (resources/discourse_openers.tsv)."""
    return {k: v[0] for k, v in _table("discourse_openers.tsv").items()}


@cache
def attributing() -> frozenset[str]:
    """Verbs that attribute quoted words to their subject (resources/quotation_verbs.tsv): with
    nothing reported in the sentence, the words are in the sentence before ("… within the next
    week," / "Kim Riley said at a news conference.")."""
    return frozenset(_table("quotation_verbs.tsv"))


def anaphoric_nouns() -> frozenset[str]:
    return frozenset(_table("anaphoric_nouns.tsv"))


def anaphoric_kind(noun: str) -> str | None:
    """"person" for nouns that name a person (their reason says so), else None."""
    row = _table("anaphoric_nouns.tsv").get(noun)
    return "person" if row and row[0].startswith("person") else None


@cache
def temporal_words() -> dict[str, str]:
    """Word -> "unit", "relative", "relation" or "sequence" (resources/temporal_references.tsv)."""
    return {k: v[0] for k, v in _table("temporal_references.tsv").items()}


#: Where a sentence will be shown: on its own, or right after the sentence before it in its
#: article (what it points back to is then shown with it).
ALONE, AFTER_PREVIOUS = "alone", "after previous"


@dataclass(frozen=True)
class Verdict:
    """``skip``: why the sentence cannot be shown alone (None when it can). ``strip``: how many
    characters of a leading connective to drop. ``pronoun``: the sentence opens with a
    third-person personal pronoun subject, which a caller may resolve to a name. ``speaker``: it
    opens a quotation with no speaker, which a caller names or drops. ``back``: the
    only reason to skip is what the sentence points back to (shown with the sentence before it,
    it reads)."""

    skip: str | None = None
    strip: int = 0
    pronoun: bool = False
    back: bool = False
    #: The sentence opens a quotation it does not close and names no speaker: shown only with the
    #: speaker named where the quotation ends (``quote_speaker``), as "[Name:]".
    speaker: bool = False


def judge(sent: Any, context: str = ALONE) -> Verdict:
    """The verdict for one parsed sentence (a spaCy Span) shown in ``context``.

    Shown after its previous sentence, what points back has its referent and a connective keeps
    its premise, so neither is held against it nor stripped.
    """
    toks = [t for t in sent if not t.is_space]
    if not toks:
        return Verdict("empty")
    text = sent.text.strip()
    reason = _surface(text)
    if reason:
        return Verdict(reason)
    strip, action = _opener(toks) if context != AFTER_PREVIOUS else (0, None)
    rest = toks[strip:] if strip else toks
    root = sent.root
    if root.pos_ not in {"VERB", "AUX"}:
        return Verdict("no main verb (a headline, caption or fragment)")
    if _label(toks):
        return Verdict("opens with a label and a colon (a caption, a timeline entry or a headline run)")
    if _present_caption(root, sent, text):
        return Verdict("a photo caption (present tense with a full date, a picture that shows, or a place in the picture)")
    if _present_scene(root, sent):
        return Verdict("a caption or a standfirst (a named person in the simple present of a scene verb, no day)")
    if _presents(toks, root):
        return Verdict('"Here is …" introduces what follows it (a list, a timeline, a video)')
    quoted = _quoted_ranges(sent)
    if any(t.morph.get("Poss") == ["Yes"] and t.morph.get("Person") in (["1"], ["2"]) and not _quoted_at(t, quoted)
           for t in rest):  # "delivered to your inbox", "our readers": the page's or the writer's voice
        return Verdict("first or second person outside a quotation")
    back = []
    if action == "skip":
        back.append("opens with a connective that refers to the previous sentence")
    if any(_medial_connective(t, root, quoted) for t in rest[1:]):
        back.append('a connective inside the sentence ("can thus be", "would then") ties it to an earlier one')
    if any(t.dep_ == "det" and t.lower_ in _DISTAL and t.head.pos_ == "NOUN" and not _quoted_at(t, quoted) for t in rest):
        back.append('"that …"/"those …" points back')
    if any(t.dep_ == "det" and t.lower_ == "another" and t.head.dep_ in _SUBJECTS and not _quoted_at(t, quoted)
           for t in rest):
        back.append('"another …" presupposes one told before')  # "Another elderly man said simply, …"
    if any(c.dep_ in _SUBJECTS and c.lower_ in _QUANTIFIERS and not any(d.dep_ == "prep" for d in c.children)
           and not _quoted_at(c, quoted) for c in root.children):
        back.append('a bare quantifier subject ("Some", "Many") counts a group named before')  # report14
    if any(t.lower_ == "both" and t.dep_ in {"det", "predet"} and t.head.dep_ in _SUBJECTS and not _quoted_at(t, quoted)
           and not any(c.dep_ == "conj" for c in t.head.children) for t in rest):  # not "both X and Y"
        back.append('"both …" presupposes two told before')  # "Both men, however, agreed …" (report14)
    if any(_such(t) and not _quoted_at(t, quoted) for t in rest):
        back.append('"such a …" points to a kind described before')  # "plans to propose such an agency" (report15)
    if any(_other_subject(t) and not _quoted_at(t, quoted) for t in rest):
        back.append('"other …" presupposes the ones told before')  # "Other hits included …" (tune), report10
    if any(t.lower_ in _DEICTIC_PLACES and t.dep_ == "advmod" and not _quoted_at(t, quoted)
           and not any(p.ent_type_ in _PLACES for p in rest if p.i < t.i) for t in rest):
        back.append('"there"/"here" points to a place named before')  # "… dinosaurs roamed there"
    pronoun = False
    nominal_subject = any(c.dep_ in _SUBJECTS and c.pos_ in {"NOUN", "PROPN"} for c in root.children)
    for dep in _arguments(root):
        why = _points_back(dep, quoted)
        if why == "pronoun" and dep.i == rest[0].i:
            pronoun = True
        elif why in {"pronoun", "it"}:
            if dep.head.i == root.i or not nominal_subject or _in_subject(dep, root):  # "…, they said."; not "Police said it would …"
                back.append(f'a "{dep.lower_}" subject with its antecedent in an earlier sentence')
        elif why and why.startswith("first or second person"):
            return Verdict(why)
        elif why:
            back.append(why)
    if root.lemma_ in attributing() and not any(c.dep_ in _REPORTED for c in root.children) and not quoted:
        back.append("attributes a quotation in the sentence before it")  # "Kim Riley said at a news conference."
    if _temporal_back(rest, root):
        back.append("an opening time phrase counts from an event in an earlier sentence")
    if context == AFTER_PREVIOUS:
        back, pronoun = [], False
    if back:
        return Verdict(back[0], back=True)
    if _continued_quote(toks, root, quoted):
        return Verdict("the end of a quotation begun in an earlier sentence, no speaker named")
    if _imperative(toks, root, quoted):
        return Verdict("an imperative to the reader (link text, a call to action, instructions)")
    strip_chars = rest[0].idx - toks[0].idx if strip else 0
    return Verdict(None, strip_chars, pronoun, speaker=_unattributed_open_quote(toks, root) or _inside_quotation(sent, toks))


def _medial_connective(tok: Any, root: Any, quoted: list[tuple[int, int]]) -> bool:
    """A one-word connective of the opener lexicon that makes a sentence lean on the one before
    (action "skip": "thus", "instead", "then", "therefore") used inside the main clause: "The
    pressure can thus be calculated …", "Shinozuka's device instead directly alerts …", "Engineers
    would then attempt …" lean on the absent sentence as much as "Thus, …" does. Not "so", which
    inside a clause is mostly degree or "do so"."""
    return (tok.dep_ == "advmod" and tok.head.i == root.i and tok.lower_ != "so"
            and openers().get(tok.lower_) == "skip" and not _quoted_at(tok, quoted))


def _such(tok: Any) -> bool:
    """"such" before a noun that no "as"/"that" completes: "such an agency", "such a move" point to a
    kind the absent sentence described (not "such as", "such a storm that …")."""
    if tok.lower_ != "such" or tok.dep_ not in {"amod", "predet", "det"} or tok.head.pos_ != "NOUN":
        return False
    return not any(t.lower_ in {"as", "that"} and t.i > tok.i for t in tok.head.subtree) \
        and not (tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "as")


def _other_subject(tok: Any) -> bool:
    """A subject "other …"/"the other …": "Other hits included …", "The other known tick vectors
    include …" presuppose the ones the absent sentence named (not "other than", "each other")."""
    if tok.lower_ != "other" or tok.dep_ != "amod" or tok.head.dep_ not in _SUBJECTS:
        return False
    return not any(c.lower_ == "than" for c in tok.children) and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ != "than"


#: An opening time phrase ends at its comma within this many tokens.
MAX_TIME_PHRASE = 8


def _temporal_back(rest: list[Any], root: Any) -> bool:
    """An opening time phrase that counts from an event told in an earlier sentence: "Two days
    later,", "Days ahead of the meeting,", "Hours after the announcement,", "The next day,",
    "Later that day,". Not a deictic one ("Earlier this week,", "Last month,") nor one whose
    event is named ("Days before Christmas,", "Hours after the Sept. 11 attacks,")."""
    comma = next((k for k, t in enumerate(rest[: MAX_TIME_PHRASE + 1]) if t.text == ","), None)
    if not comma or rest[comma].i > root.i:
        return False
    phrase, table = rest[:comma], temporal_words()
    units = [t for t in phrase if t.pos_ == "NOUN" and table.get(t.lemma_.lower()) == "unit"]
    bare = False
    for unit in units:
        dets = [c.lower_ for c in unit.children if c.dep_ in {"det", "poss"}]
        if dets[:1] in (["that"], ["those"]):
            return True  # "Later that day", "That night"
        if dets == ["the"] and any(c.dep_ == "amod" and table.get(c.lower_) == "sequence" for c in unit.children):
            return True  # "The next day"
        bare = bare or not dets or dets[0] in {"a", "an"}  # "Days", "Two days", "A week"; not "this week"
    if not bare:
        return False
    for t in phrase:
        kind = table.get(t.lower_)
        if kind == "relative":
            return True  # "Two days later"
        if kind == "relation":
            obj = next((g for g in t.subtree if g.dep_ == "pobj" and g.i < rest[comma].i), None)
            if obj is not None and _bare_definite(obj):
                return True  # "Days ahead of the meeting"
    return False


def _bare_definite(tok: Any) -> bool:
    """ "the meeting", "that vote": a definite common noun that nothing in the sentence names or
    restricts, so what it is was told before."""
    dets = [c for c in tok.children if c.dep_ in {"det", "poss"}]
    definite = [d.lower_ for d in dets] == ["the"] or any(d.morph.get("PronType") == ["Dem"] for d in dets)
    return tok.pos_ == "NOUN" and definite and not any(
        c.dep_ in _RESTRICTING or c.dep_ in {"compound", "amod"} and c.pos_ in {"PROPN", "NUM"} for c in tok.children)


def _continued_quote(toks: list[Any], root: Any, quoted: list[tuple[int, int]]) -> bool:
    """The sentence is the end of a quotation begun in an earlier sentence and names no speaker:
    "We owe them everything.”", "The prosecution and the defense made their arguments.”" Whose
    words they are was said before, or nowhere; shown alone, they read as the briefing's own.
    (First and second person only cost nothing on Multi-News; every person cost 0.15 R-1, won
    back by re-fitting ``Weights.central``. Skipping every quotation that runs across sentences,
    opened ones too, cost 0.6.)"""
    words = [t for t in toks if not t.is_punct]
    marks = [t for t in toks if t.text in {"“", "”", '"'}]
    if not words or not marks or marks[0].text == "“" or marks[-1].i < words[-1].i:
        return False  # no quotation, one opened here, or words after its close
    if marks[0].text == '"' and (len(marks) != 1 or marks[0].i == toks[0].i):
        return False  # straight quotes: only a lone closing one ends a quotation begun before
    quote = [(toks[0].idx, marks[-1].idx)]
    if _attributed(toks, quote):
        return False
    return True


def _unattributed_open_quote(toks: list[Any], root: Any) -> bool:
    """The sentence opens a quotation that runs past its end, and no verb of saying stands outside
    it: "“Although our products are nontoxic, we do not recommend …" Whose words they are is told
    in a later sentence, or nowhere (a statement, a book-jacket blurb). A reader takes them for
    the briefing's own. (Judged JUNK every time on the tune, report, report3 and report4 stories.)"""
    if not toks or toks[0].text not in {"“", '"'}:
        return False
    marks = [t for t in toks if t.text in {"“", "”", '"'}]
    if toks[0].text == "“":
        still_open = sum(t.text == "“" for t in marks) > sum(t.text == "”" for t in marks)
    else:
        still_open = len(marks) % 2 == 1
    if not still_open:
        return False
    close = next((t for t in reversed(marks) if t.text in {"”", '"'} and t.i != toks[0].i), None)
    quote = [(toks[0].idx, close.idx if close is not None and not still_open else toks[-1].idx + len(toks[-1].text))]
    return not _attributed(toks, quote)


def starts_in_quotation(sent: Any) -> bool:
    """The sentence begins inside a quotation opened earlier on its line ('… cast. "Clark Gable was
    the right person. Every actress …': the second sentence). Curly marks pair up; straight ones
    count by parity. The marks are counted off an index built once per document, so a text on one
    long line costs a lookup per sentence, not a scan of everything before it."""
    lines, curly_open, curly_close, straight = _quote_marks(sent.doc)
    start = sent.start_char
    line = lines[bisect.bisect_right(lines, start) - 1]

    def between(marks: list[int]) -> int:
        return bisect.bisect_left(marks, start) - bisect.bisect_left(marks, line)

    opened, closed = between(curly_open), between(curly_close)
    if opened or closed:
        return opened > closed
    return between(straight) % 2 == 1


def _quote_marks(doc: Any) -> tuple[list[int], list[int], list[int], list[int]]:
    """Offsets of line starts and of “, ” and " in ``doc``'s text, built once and kept on the Doc."""
    cached = doc.user_data.get(_QUOTE_INDEX)
    if cached is None:
        text = doc.text
        cached = ([0] + [m.end() for m in re.finditer("\n", text)],
                  [m.start() for m in re.finditer("“", text)], [m.start() for m in re.finditer("”", text)],
                  [m.start() for m in re.finditer('"', text)])
        doc.user_data[_QUOTE_INDEX] = cached
    return cached


#: Where ``_quote_marks`` keeps its index on a Doc.
_QUOTE_INDEX = "newsfuse_quote_marks"


def introduces(sent: Any) -> bool:
    """The sentence opens a quotation and has a verb of saying outside it ('In a statement, the
    Department said: “There is …'): it says whose the quotation's later sentences are."""
    toks = [t for t in sent if not t.is_space]
    quoted = _quoted_ranges(sent)
    return bool(quoted) and _attributed(toks, quoted)


def _inside_quotation(sent: Any, toks: list[Any]) -> bool:
    """The sentence is the middle of a quotation: it begins inside one (``starts_in_quotation``)
    and does not end it with a verb of saying. It has no quotation mark of its own, yet the words
    are the speaker's; shown alone, a reader takes them for the briefing's."""
    return starts_in_quotation(sent) and not _closed_attributed(toks)


#: A quotation that opens with no speaker is followed to its end over at most this many sentences.
MAX_QUOTE_SENTENCES = 3


def quote_speaker(following: Sequence[Any], before: Any | None = None, persons: Sequence[str] = ()) -> str | None:
    """Who speaks a quotation opened with no speaker: the name that is the subject of a verb of
    saying outside quotation marks in the sentence that closes it ("… this could have been me,"
    Obama told reporters), or in the sentence before it when that one introduces it with a colon
    ("Crayola said in a statement:"). ``following``: the sentences after the quotation's first, in
    order. When the quotation ends with no one named (or runs past ``MAX_QUOTE_SENTENCES``), the
    speaker named in the sentence just before it: news writing names a speaker once and lets the
    next quotation run on in the same voice ('… safe," Pasztor said. "My kids are …'; "Jewell
    noted the film was brilliantly cast. "Clark Gable was …"). None when neither names one (a
    pronoun or a common noun says it). A "he"/"she" speaker is the one person the sentences
    around the quotation name (``persons``), as an opening "He" is resolved."""
    if before is not None and before.text.rstrip().endswith(":"):
        name = _speaker_in(before, [], persons)
        if name:
            return name
    for sent in following[:MAX_QUOTE_SENTENCES]:
        toks = [t for t in sent if not t.is_space]
        if not toks or toks[0].text in _OPEN_QUOTES:
            break  # a new quotation: the old one ended unattributed
        close = _closing_mark(toks)
        if close is None:
            continue  # the quotation runs on through this sentence
        if _attributed(toks, [(toks[0].idx, close.idx)]):
            return _speaker_in(sent, [(toks[0].idx, close.idx)], persons)
        break
    if before is not None and _asks(before):
        return ANSWER
    return _speaker_in(before, _quoted_ranges(before), persons) if before is not None else None


#: What ``quote_speaker`` returns for an interview's answer: a quotation after the interviewer's
#: question ("How do you feel about having to need extra security?"), whose speaker the page names
#: once at its top, never beside the answer. Shown alone, no one says it: it is dropped.
ANSWER = ""


def _asks(sent: Any) -> bool:
    """The sentence is a question of the page's own, outside any quotation: an interviewer's."""
    text = sent.text.strip()
    return text.endswith("?") and not any(t.text in {"“", "”", '"'} for t in sent)  # "Teammates’" is no mark


def closes_attributed(opening: Any, sent: Any) -> bool:
    """``opening`` opens a quotation it leaves open with no speaker (``_unattributed_open_quote``)
    and ``sent``, the next sentence, closes it and has a verb of saying outside it, whoever its
    subject ("… in their use,” the company said."; "… ," he told reporters.)."""
    toks = [t for t in opening if not t.is_space]
    if not _unattributed_open_quote(toks, opening.root):
        return False
    after = [t for t in sent if not t.is_space]
    if not after or after[0].text in _OPEN_QUOTES:
        return False  # a new quotation: the old one ended unattributed
    return _closed_attributed(after)


def _closing_mark(toks: list[Any]) -> Any | None:
    """The first closing quotation mark of a sentence that continues a quotation (a straight one
    counts: it cannot open there)."""
    return next((t for t in toks if t.text in _CLOSE_QUOTES or t.text == '"'), None)


def _closed_attributed(toks: list[Any]) -> bool:
    """A sentence continuing a quotation closes it and has a verb of saying outside it ('… a low
    point for Congress,” Bobby Goodlatte tweeted.')."""
    close = _closing_mark(toks)
    return close is not None and _attributed(toks, [(toks[0].idx, close.idx)])


def _speaker_in(sent: Any, quoted: list[tuple[int, int]], persons: Sequence[str] = ()) -> str | None:
    """The name (a proper noun with its compounds) that is the subject of a verb of saying outside
    ``quoted`` in ``sent``, or the one person of ``persons`` a "he"/"she" subject means; None for a
    common noun ("the company said") or a pronoun with no one person to mean."""
    for verb in sent:
        if verb.lemma_ not in attributing() or _quoted_at(verb, quoted):
            continue
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and subject.lower_ in {"he", "she"} and len(set(persons)) == 1:
            return persons[0]
        if subject is None or subject.pos_ != "PROPN":
            return None
        parts = [c for c in subject.children if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN" and c.i < subject.i]
        first = min([subject.i, *(c.i for c in parts)])
        return subject.doc[first : subject.i + 1].text
    return None


def _imperative(toks: list[Any], root: Any, quoted: list[tuple[int, int]]) -> bool:
    """A main verb in the bare imperative with no subject, outside quotation marks: the page speaks
    to its reader ("Read the Reddit threads where …", "Watch the moment unfold below.", "Of course
    ask your parents permission first."): link text, a call to action or a video's instructions,
    never news."""
    if root.tag_ != "VB" or _quoted_at(root, quoted) or any(c.dep_ in _SUBJECTS or c.dep_ == "expl" for c in root.children):
        return False
    if any(c.dep_ in {"aux", "auxpass", "mark"} for c in root.children):
        return False  # "To play this content …" is furniture of another shape; "could" has its subject elsewhere
    before = [t for t in toks if t.i < root.i and not t.is_punct]
    return len(before) <= MAX_IMPERATIVE_LEAD and not any(t.pos_ in {"VERB", "AUX", "PROPN", "PRON"} for t in before)


def _attributed(toks: list[Any], quoted: list[tuple[int, int]]) -> bool:
    """A verb of saying outside the quotation ("… ,” she said."), within the sentence shown: the
    parser's own sentence may run on into the next paragraph, whose "he said" is not shown."""
    return any(t.lemma_ in attributing() and not _quoted_at(t, quoted) for t in toks)


#: How many words a label before a colon has at most ("BP oil spill: …", "Site of the Deepwater Horizon oil
#: spill in the Gulf of Mexico: …"). On every read split's shown sentences, no verbless run of up to 14
#: words before a colon opened a GOOD sentence (report5, report10, report13: captions and headlines).
_LABEL_WORDS = 12


def _label(toks: list[Any]) -> bool:
    """A capitalised label of a few words with no verb, and a colon, before the text ("Deepwater
    Horizon: US officials say …", a caption; "BP oil spill: UK taxpayers face …", a headline's series
    label; "November: Congress passes …", a timeline's entry): a news sentence does not open so
    (report8, report13). "Officials told reporters: …" has its verb."""
    colon = next((k for k, t in enumerate(toks[: _LABEL_WORDS + 1]) if t.text == ":"), None)
    return bool(colon) and colon + 1 < len(toks) and toks[0].text[:1].isupper() \
        and not any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in toks[:colon])


def _present_caption(root: Any, sent: Any, text: str) -> bool:
    """A present-tense main verb ("is hoisted", "shows", "is seen") and a full date, one that shows
    someone seen doing something (``_seen_doing``) or a picture that "shows" (``_shows_picture``), or a place in the picture ("Ed Chernoff (left) and Mike Flanagan ... leave the court building"): a photo caption."""
    present = root.tag_ in {"VBZ", "VBP"} or (root.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in root.children))
    return (present and (bool(_FULL_DATE.search(text)) or _seen_doing(root) or _shows_picture(root))
            or bool(_IN_PICTURE.search(text))) and not _in_quotes(root, sent)


def _present_scene(root: Any, sent: Any) -> bool:
    """ "Dennis Kucinich questions Lewis at the committee", "David Shukman looks at UK training": a
    named person as the subject of a scene verb (resources/scene_verbs.tsv) in the simple present, with
    no date or time in the sentence, is what a photo shows or a video page offers."""
    return (root.tag_ in {"VBZ", "VBP"} and root.lemma_.lower() in scene_verbs()
            and any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in root.children)
            and not any(t.ent_type_ in {"DATE", "TIME"} for t in sent) and not _in_quotes(root, sent))


@cache
def scene_verbs() -> frozenset[str]:
    return frozenset(_table("scene_verbs.tsv"))


#: Quantifiers that, as a subject with no noun and no "of" phrase, count members of a group an earlier
#: sentence named: "Some may be coming back for more", "Many feared the region would never recover".
#: Not "few" or "all", which news writes of people at large ("Few expected the vote to pass").
_QUANTIFIERS = frozenset({"some", "many", "several", "most", "others", "both", "none", "each", "either", "neither"})


def _presents(toks: list[Any], root: Any) -> bool:
    """ "Here is a chronology of events …", "Here are the key points", "Here's what we know": the
    sentence points forward to what the page shows after it, which a summary does not carry
    (report14 split: a timeline's introduction). "Here" is the copula's own opening adverb."""
    return toks[0].lower_ == "here" and toks[0].head.i == root.i and root.lemma_ == "be"


#: What a photo caption says shows something: "A handout photo shows …", "BP video frame grab shows
#: a remote operating vehicle …" (report14 split, Reuters). News prose says "images show" of
#: evidence; a caption speaks of the one picture it stands under.
_PICTURES = frozenset({"photo", "photograph", "picture", "image", "grab", "screengrab", "screenshot", "still"})


def _shows_picture(root: Any) -> bool:
    """The main verb is "shows" (singular present) and its subject is one picture."""
    return root.lower_ == "shows" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _PICTURES and c.tag_ == "NN" for c in root.children)


def _seen_doing(root: Any) -> bool:
    """ "Boats are seen spraying water on a platform", "A worker is seen cleaning a beach": what a
    photo shows, in the present passive of "see" with what is being done. Not "is seen as" (is
    regarded as), which news writes."""
    return root.lemma_ == "see" and root.tag_ == "VBN" and any(c.tag_ == "VBG" for c in root.children) \
        and not any(c.dep_ == "prep" and c.lower_ == "as" for c in root.children)


#: Where someone stands in a photo: only a caption says so.
_IN_PICTURE = re.compile(r"\((?:(?:far |second |third )?(?:left|right|centre|center|top|bottom|front|back)"
                         r"(?: to right| to left)?|L|R|C|pictured|above|below)\)"
                         # "The Development Driller III, left, and the Development Driller II, right, …" (Fox)
                         r"|\b[A-Z][\w.'-]*, (?:far |second |third )?(?:left|right|center|centre),", re.IGNORECASE)


def _surface(text: str) -> str | None:
    if text.endswith("?"):  # a question of the writer's own; a quoted one ends in a quote mark
        return "a question"
    if text[:1].islower() or text[:1] in "—–-…)]},;:":  # ") chairs the panel": a caption's tail (report15)
        return "begins mid-sentence"
    if _ASIDE.match(text):
        return "a parenthetical aside"
    return None


def _opener(toks: list[Any]) -> tuple[int, str | None]:
    """(tokens to strip, action) for a lexicon opener attached to the main clause."""
    table = openers()
    words = [t.lower_ for t in toks[:5]]
    for n in range(min(4, len(toks) - 1), 0, -1):
        phrase = " ".join(words[:n])
        if phrase not in table:
            continue
        head = toks[n - 1] if n == 1 else next((t for t in toks[:n] if t.head.i not in {x.i for x in toks[:n]}), toks[0])
        comma = toks[n].text == ","
        if not comma and head.head.i != head.sent.root.i and head.dep_ != "cc":
            continue  # "So far, …": "So" modifies "far", not the sentence
        skip = n + 1 if comma else n
        if skip >= len(toks):
            return 0, None
        return skip, table[phrase]
    return 0, None


def _subject_pobj(tok: Any) -> bool:
    """The object of a preposition inside a subject ("The search for them …"): it points back as the
    subject does. As an adjunct of the verb ("He spoke to them on Monday.") the subject decides."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.dep_ in _SUBJECTS


def _in_subject(tok: Any, root: Any) -> bool:
    """The object of a preposition inside the main clause's subject ("The search for them")."""
    return _subject_pobj(tok) and tok.head.head.head.i == root.i


def _arguments(root: Any) -> list[Any]:
    """Subjects and objects of the main clause and of a reported clause ("He had walked in,
    police said": the news is the reported clause), and objects of their prepositions."""
    out = []
    for child in root.children:
        if child.dep_ in _SUBJECTS or child.dep_ in {"dobj", "attr"}:
            out.append(child)
            if child.dep_ in _SUBJECTS:  # "The search for them has been called off." (Deepwater Horizon)
                out += [g for p in child.children if p.dep_ == "prep" for g in p.children
                        if g.dep_ == "pobj" and g.pos_ == "PRON"]
        elif child.dep_ == "prep":
            out += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "ccomp":
            out += [g for g in child.children if g.dep_ in _SUBJECTS]
    return out


def _quoted_ranges(sent: Any) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; a quotation left open runs to the sentence's end,
    one closed without opening ran from its start (a quote spanning sentences)."""
    spans, start = [], None
    for t in sent:
        if t.text == "”" and start is None and not spans:
            spans.append((sent.start_char, t.idx))
        elif t.text in {"“", '"'} and start is None:
            start = t.idx
        elif t.text in {"”", '"'} and start is not None:
            spans.append((start, t.idx))
            start = None
    if start is not None:
        spans.append((start, sent.end_char))
    return spans


def _quoted_at(tok: Any, quoted: list[tuple[int, int]]) -> bool:
    return any(a <= tok.idx <= b for a, b in quoted)


def _in_quotes(tok: Any, sent: Any) -> bool:
    return any(a <= tok.idx <= b for a, b in _quoted_ranges(sent))


def _expletive(it: Any) -> bool:
    """ "It is unclear whether …", "It was raining": an "it" that stands for a clause later in the
    sentence, or for the weather, names nothing before."""
    head = it.head
    return any(c.dep_ in {"ccomp", "xcomp", "csubj"} or (c.dep_ == "advcl" and any(
        m.dep_ == "mark" for m in c.children)) for c in head.children if c.i > it.i) and head.lemma_ in _RAISING


def _points_back(tok: Any, quoted: list[tuple[int, int]]) -> str | None:
    if any(a <= tok.idx <= b for a, b in quoted):
        return None
    morph = tok.morph
    if tok.pos_ == "PRON":
        person = morph.get("Person")
        if person in (["1"], ["2"]) and (tok.dep_ in _SUBJECTS or tok.dep_ in {"dobj", "dative", "pobj"}):
            # "CNN's Ivan Watson joins me live now", "thank you for joining us": a host's or a writer's
            # voice; a briefing speaks in no one's (report5, report6: transcript and column lines)
            return "first or second person outside a quotation"
        if morph.get("PronType") == ["Dem"]:
            return "a demonstrative points back"
        if person == ["3"] and morph.get("Gender") != ["Neut"] and (tok.dep_ in _SUBJECTS or _subject_pobj(tok)):
            return "pronoun"
        if tok.lower_ == "it" and tok.dep_ in _SUBJECTS and not _expletive(tok):
            return "it"
        return None
    if tok.dep_ in _SUBJECTS and tok.pos_ in {"NUM", "ADJ"} and [c.lower_ for c in tok.children if c.dep_ == "det"] == ["the"]:
        if tok.pos_ == "NUM" and not any(c.dep_ in _RESTRICTING for c in tok.children):
            return f'"the {tok.lower_}" points back'  # "The two were arrested …": who, was told before
        if any(c.dep_ == "npadvmod" and temporal_words().get(c.lemma_) == "unit" for c in tok.children):
            return "an age with no one named points back"  # "The 41-year-old died …"
        if tok.lower_ in anaphoric_nouns():
            return f'"the {tok.lower_}" points back'  # "The latter …"
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    if tok.pos_ == "PROPN" and tok.dep_ in _SUBJECTS and any(
            c.dep_ == "compound" and c.lower_.rstrip(".") in _COURTESY for c in tok.children) \
            and not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.lower_.rstrip(".") not in _COURTESY
                        for c in tok.children):
        return "a courtesy-title second reference (the person was introduced before)"
    dets = [c for c in tok.children if c.dep_ in {"det", "poss"}]
    if any(c.morph.get("PronType") == ["Dem"] for c in dets):
        return "a demonstrative points back"
    if any(c.pos_ == "PRON" and c.morph.get("Person") == ["3"] and c.morph.get("Poss") == ["Yes"] for c in dets) \
            and tok.dep_ in _SUBJECTS:
        return "a possessive pronoun points back"
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in anaphoric_nouns() and [d.lower_ for d in dets] == ["the"] \
            and not any(_restricts(c, tok) for c in tok.children):
        return f'"the {tok.lower_}" points back'
    return None


def _restricts(child: Any, noun: Any) -> bool:
    """Whether ``child`` says which one ``noun`` is. A person noun is told apart only by a name or a
    clause ("the man, John Smith,", "the man who was rescued"): an aside that describes him ("the man,
    a New Zealander,", "the man, from Hampton East,") leaves which man to an earlier sentence."""
    person = anaphoric_kind(noun.lemma_.lower()) == "person"
    if child.dep_ == "prep" and child.lower_ == "by" and not person:
        return False  # "The rare step by the tax-writing panel": who acted, not which act (report7)
    if child.pos_ == "PROPN":
        return not person or child.ent_type_ == "PERSON"  # "the Chargers player"; not "the New Zealand man"
    if person and child.dep_ in {"amod", "compound", "nummod"} and any(t.like_num for t in child.subtree):
        return True  # "the two men", "the 24-year-old student": a number or an age says which
    if child.dep_ not in _RESTRICTING or (child.dep_ in {"relcl", "acl"} and set_off(child)):
        return False  # "The panel, which cited interviews, …": an aside on a panel already known
    return not person or child.dep_ in {"relcl", "acl"} or any(t.ent_type_ == "PERSON" for t in child.subtree)


def headline_prefix(sent: Any, *, first: bool = True, parse: Callable[[str], Any] | None = None,
                    runs: int | None = None, captions: bool = True) -> int:
    """Characters of a headline (and standfirst or caption) glued to an article's first sentence
    by a text-only scraper, or 0.

    "Haiti devastated by massive quake Thousands of people are feared dead…": a capitalised
    word that is not a name, after a content word with no punctuation between them, followed
    by a lower-case word, starts the real sentence. Not ``first`` (a caption run into a later
    paragraph, "Joe Jackson attends award ceremony The Los Angeles County Coroner's office…"),
    only a capitalised article after a noun is taken as the start (past a headline's length, only
    after a lower-case noun and before words the parse reads as a clause of their own).

    A capitalised name after a lower-case word ("… by star's death Los Angeles police
    investigating …", "… in 2003 Michael Jackson has topped …") starts the real sentence only
    when ``parse`` (the pipeline, run on the rest alone) reads the rest as a clause that opens
    with its own subject and a finite verb, and the word before the name neither modifies it
    ("chairman Henry Waxman") nor governs it ("told Reuters"), nor is a finite verb that could
    take the rest as its unmarked object clause ("said Michael Jackson died"). Runs are cut in
    turn: a headline, then a standfirst or caption, then the sentence (``runs``: at most this many).
    ``captions``: also cut a whole caption run into a sentence (``_sentences_run_together``); the
    title, which takes the first run as a headline, asks for headlines only.
    """
    toks = [t for t in sent if not t.is_space]
    if not toks:
        return 0
    origin, cut = toks[0].idx, 0
    for _ in range(MAX_GLUED_RUNS if runs is None else runs):
        k = _glued_split(toks, first, parse, captions)
        if not k:
            break
        cut, toks = toks[k].idx - origin, toks[k:]
    return cut


def _glued_split(toks: list[Any], first: bool, parse: Callable[[str], Any] | None, captions: bool = True) -> int:
    """Index of the token that starts the real sentence after a glued run, or 0."""
    if first and parse is not None:
        title_case = _title_case_headline(toks, parse)
        if title_case:
            return title_case
    limit = MAX_GLUED_WORDS if parse is not None else MAX_HEADLINE_WORDS
    for k in range(3, min(limit + 1, len(toks) - MIN_LEAD_WORDS)):
        tok, prev, nxt = toks[k], toks[k - 1], toks[k + 1]
        if not tok.text[:1].isupper() or not tok.text[:1].isalpha():
            continue
        if prev.lower_ == tok.lower_ and prev.is_alpha and any(t.tag_ in _FINITE for t in toks[: k - 1]) \
                and parse is not None and _clause_from(toks, k, parse):
            # a word said twice across the seam, a clause on each side: "… costs are mounting for BP BP has
            # said …" (report13); not a doubled name ("Fans of Duran Duran gathered …")
            return k
        closing_quote = prev.is_punct and prev.text in _CLOSING and _closes(toks, k - 1) and not toks[k - 2].is_punct
        if (prev.is_punct and not closing_quote) or prev.pos_ in {"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PRON"} \
                or prev.tag_ == "VBG" or _open_quote(toks[:k]):
            continue  # "including Rclbeauty101 have …"; a title in quotes ("Gone With the Wind")
        if captions and parse is not None and (tok.ent_iob_ != "I" or tok.pos_ == "DET") \
                and _sentences_run_together(toks, k, parse):
            return k
        if not first:
            if tok.pos_ == "DET" and len(tok.text) > 1 and prev.pos_ in {"NOUN", "PROPN", "NUM"} and k <= MAX_HEADLINE_WORDS:
                return k  # mid-article, a caption run into "The …"/"A …" is cut
            if parse is not None and k <= MAX_HEADLINE_WORDS and tok.pos_ == "PROPN" and prev.pos_ in {"NOUN", "NUM"} \
                    and (prev.is_lower or prev.like_num) and _starts_clause(toks, k, closing_quote, parse):
                return k  # ... or into a name that opens a clause: "… beneath the ocean surface BP has been using …"
            if parse is not None and k > MAX_HEADLINE_WORDS and _long_run_end(tok, prev) \
                    and _clause_from(toks, k, parse, reported=True):
                # ... a long caption run into a clause: "The report says the response "seemed to lag" in the
                # early stages of the disaster The Obama administration blocked …" (report14 split); not a
                # title that opens with "The" ("the newspaper The Guardian reported")
                return k
            if parse is not None and _run_on(toks, k, parse):
                return k
            continue
        if k <= MAX_HEADLINE_WORDS and tok.is_title and len(tok.text) > 1 and tok.pos_ != "PROPN" and (
                tok.pos_ == "DET" or (nxt.is_lower and tok.pos_ in {"NOUN", "VERB", "PRON", "ADV", "PART", "ADP", "NUM"}
                                      and not (prev.pos_ == "PROPN" and prev.is_title and tok.pos_ in {"ADV", "ADP", "PART"}))):
            # not a title-cased name's last word: "the Hope For Haiti Now telethon"
            if parse is None or not _awaits_verb(toks[:k], parse):
                return k
            continue
        if k <= MAX_HEADLINE_WORDS and _caption_end(prev, tok, nxt):
            return k
        if parse is not None and k > MAX_HEADLINE_WORDS and (tok.pos_ == "DET" and tok.lower_ in {"the", "a"}
                                                           and prev.pos_ in {"NOUN", "PROPN"} or _long_run_end(tok, prev)):
            if _clause_from(toks, k, parse, reported=True):
                return k  # a long caption: "... in the rubble of Port-au-Prince The BBC's David Loyn has met ..."
            continue  # ``_starts_clause`` would parse the same words again to the same answer
        if parse is not None and (_starts_clause(toks, k, closing_quote, parse) or _run_on(toks, k, parse)):
            return k
    return 0


def _run_on(toks: list[Any], k: int, parse: Callable[[str], Any]) -> bool:
    """Two whole sentences run together with nothing between them: a caption or standfirst with its
    own subject and finite verb, a lower-case noun or a number, then a capitalised word that opens a
    sentence of its own ("The blowout preventer is being slowly raised to the surface BP has replaced
    …", "Michael Jackson died in June 2009 aged 50 Executors for the late star's estate …"; every read
    split's Timeline17 pages). Edited prose never joins two clauses so; the parser, given the run whole,
    reads the noun as a modifier of the name ("surface BP"), so each side is parsed alone. Not after a
    role or an organisation's class noun ("chief executive Tony Hayward said", "the oil company BP
    said"), whose name continues the noun phrase."""
    tok, prev = toks[k], toks[k - 1]
    if not (tok.text[:1].isupper() and tok.is_alpha and len(tok.text) > 1) or tok.ent_type_ in {"DATE", "TIME"} \
            or tok.pos_ == "DET":  # an article after a noun: ``_long_run_end``'s business ("group The Crystals")
        return False
    if not ((prev.is_alpha and prev.is_lower and prev.pos_ == "NOUN") or prev.like_num):
        return False
    if tok.ent_type_ in {"PERSON", "NORP"}:
        return False  # a name after a noun is the noun's name, whatever the noun ("defector Colonel Riyadh Asaad")
    return not _names_continue(tok, prev) and _seam(toks, k, parse)


def _names_continue(tok: Any, prev: Any) -> bool:
    """The word before the capital leads into it: a role or an organisation's class noun ("chief
    executive Tony Hayward", "the oil company BP"), a number ("the 1977 Act", "the four Americans
    Francis cited"), an ordinal ("the first Gulf war"; report7), a time word ("last year Switzerland
    ran a contest"), or a line break between them (a seam other rules read)."""
    if prev.lower_ in person_titles() or HEAD_HINTS.get(prev.lemma_.lower()) == "ORG":
        return True
    if prev.like_num and (len(prev.text) == 4 or (prev.dep_ == "nummod" and prev.head.i >= tok.i)):
        return True
    if contrast_words().get(prev.lower_) == "ordinal":
        return True
    return bool(temporal_words().get(prev.lemma_.lower())) or "\n" in prev.doc[prev.i : tok.i + 1].text_with_ws


def _seam(toks: list[Any], k: int, parse: Callable[[str], Any], *, subject_first: bool = False,
          subjects: list[Any] | None = None) -> bool:
    """The words before ``k`` and the words from it, each parsed alone, are whole sentences: the
    rest opens with its own subject and a finite verb, the words before are one sentence with a
    finite verb and a subject (``subject_first``: one that opens them), and the whole run's parse
    does not read the two as one sentence (see ``_run_on``). ``subjects``: the rest's, where the
    caller has parsed it already (``_rest_subjects``)."""
    tok, prev = toks[k], toks[k - 1]
    if subjects is None:
        subjects = _rest_subjects(toks, k, parse, reported=True)
    if not any(c.left_edge.i == 0 for c in subjects):
        return False
    # Given the run whole, the parser either hangs the name on the noun before it ("to the surface BP"),
    # leaving the rest's verb with no subject of its own, or conjoins that verb to the first sentence's
    # with no "and" between ("… video clips US scientists who … say …"). Where the verb has its subject,
    # or is conjoined by a conjunction, the name was read into one sentence after all ("… the adult-film
    # star Stormy Daniels, obtaining …", "… the weekly newspaper The Guardian and was later confirmed").
    verbs = [toks[0].doc[tok.i + c.head.i] for c in subjects if c.left_edge.i == 0 and tok.i + c.head.i < len(toks[0].doc)]
    if not verbs or not all(_run_on_verb(v) for v in verbs):
        return False
    before = parse(toks[0].doc[toks[0].i : prev.i + 1].text)
    sents = list(before.sents)
    return len(sents) == 1 and _finite(sents[0].root) and any(
        c.dep_ in _SUBJECTS and (not subject_first or c.left_edge.i == 0) for c in sents[0].root.children)


def _sentences_run_together(toks: list[Any], k: int, parse: Callable[[str], Any]) -> bool:
    """A caption run into a sentence that opens with a capitalised article or with a name's
    possessive ("… attacks The administrator of a $20bn fund …", "… used before anaesthetics
    Michael Jackson's physician … has been found guilty", "… from Hurricane Katrina Louisiana's
    oyster beds have not recovered …"; Timeline17's BBC pages, every read split). ``_run_on`` leaves
    these alone because a name after a noun is, in edited prose, mostly the noun's name
    ("photojournalist Mary Rogers", "the newspaper Charlie Hebdo"). Here the sentence after the seam
    is about a common noun (``physician``, ``members``, ``administrator``), which no role noun names,
    and the seam holds on both sides: the words before are a whole sentence that opens with its
    subject, the rest a whole sentence too, and the whole run's parse does not read them as one.
    After a name, only an article or a possessive opens the next sentence ("U.S. President Barack
    Obama", "Southwest Airlines", "the Deepwater Horizon well pipe" continue one)."""
    tok, prev = toks[k], toks[k - 1]
    if not (tok.text[:1].isupper() and tok.is_alpha) or tok.ent_type_ in {"DATE", "TIME"} or tok.pos_ == "PRON":
        return False  # "… Billie Jean got to 25, Beat It reached 30": a song's title
    article = tok.pos_ == "DET"
    if tok.lower_ not in {"the", "a", "an"} if article else len(tok.text) == 1:
        return False  # an initial ("J. Smith") is no sentence's first word
    if prev.is_punct or not (prev.pos_ in {"NOUN", "PROPN"} or prev.like_num) or k < MIN_CAPTION_WORDS:
        return False
    if tok.lower_ in person_titles() or prev.ent_type_ == "NORP" or _names_continue(tok, prev):
        return False  # "Treasury Secretary", "Haitian Wismond Exantus", "20 Russian officials"
    if not (article or _possessive(tok) or prev.is_lower and prev.pos_ == "NOUN") and _one_phrase(tok, prev):
        return False
    subjects = _rest_subjects(toks, k, parse, reported=True)
    if not article and not any(c.left_edge.i == 0 and c.pos_ == "NOUN" and c.i > 0 for c in subjects):
        return False  # the rest is about the name itself: "… grabbed a camera from network photojournalist Mary Rogers, cracked …"
    return _seam(toks, k, parse, subject_first=True, subjects=subjects)


def _possessive(tok: Any) -> bool:
    """The name that opens at ``tok`` ends in a possessive ("Michael Jackson's physician")."""
    doc, i = tok.doc, tok.i
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        i += 1
    return i + 1 < len(doc) and doc[i + 1].tag_ == "POS"


def _one_phrase(tok: Any, prev: Any) -> bool:
    """In the whole run's parse, the word before modifies a word from ``tok`` on ("U.S. President",
    "four Gulf states"), or the name hangs on the word before ("told Reuters", "his son Prince Michael")."""
    return prev.head.i >= tok.i and prev.dep_ in _MODIFIERS or _hangs_on(tok, prev)


def _hangs_on(tok: Any, prev: Any) -> bool:
    """The name at ``tok``, through the modifiers inside it, is a dependent of the word before it
    ("told Reuters", "his son Prince Michael")."""
    head = tok
    while head.dep_ in _MODIFIERS and head.head.i > head.i:
        head = head.head
    return head.head.i == prev.i


def _run_on_verb(verb: Any) -> bool:
    """In the whole run's parse, the rest's verb is left without a subject, or conjoined to an earlier
    verb with no conjunction between them."""
    if verb.dep_ == "conj":
        return not any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in (*verb.head.children, *verb.children))
    return not any(c.dep_ in _SUBJECTS for c in verb.children)


def _long_run_end(tok: Any, prev: Any) -> bool:
    """Past a headline's length, where a caption or standfirst run ends: a lower-case noun, then a
    capitalised article ("… early stages of the disaster The Obama administration blocked …") or a
    capitalised common noun ("… of the BP oil spill Oil floats on the surface …"; report14 split), not
    a name ("the newspaper The Guardian", "the company Shell Oil")."""
    if not (prev.pos_ == "NOUN" and prev.is_lower and tok.is_title and len(tok.text) > 1):
        return False
    if tok.pos_ == "DET":
        return tok.lower_ in {"the", "a"} and tok.head.pos_ != "PROPN"
    return tok.pos_ == "NOUN" and not tok.ent_type_


def _title_case_headline(toks: list[Any], parse: Callable[[str], Any]) -> int:
    """Index of the name that opens the sentence after a Title Case headline, or 0: "Obama Takes
    First Shot at Reshaping Fed by Naming Board Member Obama will name …", "With Close Ties to Wall
    St., Hoboken, N.J., Feels Strain of Financial Crisis Jonathan Gordon had to leave …". Every word
    up to the first lower-case content word is capitalised (function words aside), so the junction
    hides among capitals: it is the start of the name (an entity of the tagger) just before that
    lower-case word, when the words before it state something (a verb: a headline, not a title
    before a name) and the rest, parsed alone, is a clause with that name as its subject."""
    j = next((i for i, t in enumerate(toks) if t.text[:1].islower() and t.is_alpha
              and t.pos_ not in _FUNCTION_POS), len(toks))
    if j >= len(toks) or j <= MIN_TITLE_CASE_WORDS or not toks[j - 1].ent_type_:
        return 0
    k = j - 1
    while k > 0 and toks[k].ent_iob_ == "I" and j - k < MAX_NAME_TOKENS:
        k -= 1
    while k > 1 and toks[k - 1].is_title and toks[k - 1].lower_.rstrip(".") in person_titles():
        k -= 1  # the role written before the name is the sentence's: "… Comes First President Obama said"
    if k < MIN_TITLE_CASE_WORDS or not toks[k].is_title or not all(
            t.is_title or t.is_punct or t.like_num or t.pos_ in _FUNCTION_POS for t in toks[:k]):
        return 0
    if not any(t.pos_ == "VERB" for t in toks[:k]):
        return 0  # no headline, a title before a name: "The Senate Finance Committee Chairman Max Baucus said"
    subjects = _rest_subjects(toks, k, parse)
    return k if any(s.left_edge.i == 0 and s.right_edge.i == j - k - 1 for s in subjects) else 0


def _awaits_verb(toks: list[Any], parse: Callable[[str], Any]) -> bool:
    """The words before a capital are a subject with an aside set off by a comma and no verb yet ("The
    city clerk, accused of spending her time Tweeting during meetings, has resigned"): the capital
    is a stylised word inside the sentence, not a headline's end (report12 split: the run cut as a
    headline became the story's title)."""
    if not any(t.text == "," for t in toks):
        return False
    sent = next(iter(parse(toks[0].doc[toks[0].i : toks[-1].i + 1].text).sents), None)
    return sent is not None and sent.root.pos_ in {"NOUN", "PROPN"} and not any(t.tag_ in _FINITE for t in sent)


def _finite(root: Any) -> bool:
    """A verb (or auxiliary) that is finite itself or through its auxiliary."""
    return root.pos_ in {"VERB", "AUX"} and (root.tag_ in _FINITE or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE for c in root.children))


#: Words that open a sentence and, capitalised after a lower-case word or a number with nothing
#: between, cannot continue the one before: "… removed from the rubble A 16-year-old girl has been
#: pulled out …", "… friends in 2006 When Michael Jackson died …" (report5 and report6 splits: a BBC
#: photo caption run into the lead by a text-only scraper).
_SENTENCE_OPENERS = frozenset({"a", "when", "after", "as", "while", "although", "though", "since", "before", "if"})


def _caption_end(prev: Any, tok: Any, nxt: Any) -> bool:
    """A caption's last word, then a sentence opener ("A", "When") that the parse gives its own role:
    "A" determines the noun after it ("A 16-year-old girl"); a subordinator opens a clause. Not "Plan A",
    "Vitamin A" (no determiner there), not a name after a role ("in London A" needs "A" to be a det)."""
    if tok.text[:1] != tok.text[:1].upper() or tok.lower_ not in _SENTENCE_OPENERS or tok.text.isupper() and len(tok.text) > 1:
        return False
    if not (prev.is_lower or prev.like_num or prev.pos_ == "PROPN") or prev.is_punct:
        return False
    if tok.lower_ == "a":  # after a name only when its noun is a subject: "Group A schools" is one phrase
        return tok.dep_ == "det" and tok.head.i > tok.i and nxt.i <= tok.head.i and (
            prev.pos_ != "PROPN" or tok.head.dep_ in _SUBJECTS)
    return tok.pos_ in {"SCONJ", "ADP", "ADV"} and (nxt.is_title or nxt.is_lower)


def _open_quote(toks: list[Any]) -> bool:
    """A quotation opened in ``toks`` and not closed: a split inside it would cut a quoted title."""
    curly = sum(1 for t in toks if t.text == "“") > sum(1 for t in toks if t.text == "”")
    return curly or sum(1 for t in toks if t.text == '"') % 2 == 1


def _closes(toks: list[Any], i: int) -> bool:
    """Whether the quotation mark at ``i`` closes one opened before it (straight quotes pair up)."""
    mark = toks[i].text
    if mark in {"”", "’"}:
        return any(t.text in {"“", "‘"} for t in toks[:i]) or mark == "’" and any(t.text == "'" for t in toks[:i])
    return sum(1 for t in toks[:i] if t.text == mark) % 2 == 1


def _starts_clause(toks: list[Any], k: int, closing_quote: bool, parse: Callable[[str], Any]) -> bool:
    """Whether the capitalised word at ``k`` opens a sentence of its own (see ``headline_prefix``)."""
    tok, prev = toks[k], toks[k - 1]
    if not closing_quote:
        if not (prev.is_lower or prev.like_num) or prev.tag_ in _FINITE_OR_BASE or prev.pos_ in {"VERB", "ADV"}:
            return False  # "said Michael Jackson died", "suggested Jackson gave", "once BP sells"
        if tok.ent_type_ in {"DATE", "TIME"}:
            return False  # "… added its voice Monday to rising calls"
        if prev.pos_ == "NOUN" and tok.ent_type_ == "PERSON":
            return False  # a role before a name: "BP chief executive Tony Hayward"
        if prev.head.i >= tok.i and prev.dep_ in _MODIFIERS and tok.ent_type_:
            return False  # "the oil company BP", "the company's chief executive Tony Hayward"
        if _hangs_on(tok, prev):
            return False  # "told Reuters", "his son Prince Michael"
    if any(t.dep_ == "appos" and t.left_edge.i < tok.i <= t.right_edge.i for t in toks[:k]):
        return False  # inside an aside: "Prodigy, the rapper … of New York duo Mobb Deep, died …"
    if any(t.dep_ == "det" and t.head.i >= tok.i for t in toks[:k]):
        return False  # one noun phrase across the name: "a major Facebook acquisition"
    if _leads_into(toks[:k], tok):
        return False  # "In 2002 the tanker Prestige broke up …": an opening adverbial and the name's class noun
    return _clause_from(toks, k, parse)


def _leads_into(before: list[Any], tok: Any) -> bool:
    """The words before ``tok`` have no verb, and each of them that hangs on a word outside them hangs on
    ``tok`` or a word after it: they open the sentence ``tok`` goes on with, no headline of their own
    (report11: "In 2002 the tanker" cut from "In 2002 the tanker Prestige broke up off Spain's coast",
    which then read as news of August 2010)."""
    if not before or any(t.pos_ in {"VERB", "AUX"} for t in before):
        return False
    inside = {t.i for t in before}
    return all(t.head.i >= tok.i for t in before if t.head.i not in inside and t.head.i != t.i)


def _clause_from(toks: list[Any], k: int, parse: Callable[[str], Any], *, reported: bool = False) -> bool:
    """Whether the words from ``k`` on, parsed alone, open with a clause: its own subject first and a
    finite verb, at least ``MIN_LEAD_WORDS`` long. ``reported``: a reported clause put first counts
    ("The Obama administration blocked …, a draft report said"; report14 split) -- for a run that ends
    before a capitalised article or noun only: before a name, a role and a title ("… neurosurgeon
    Dr. Sanjay Gupta has been approached …, CNN officials confirmed") would read as a seam."""
    return any(s.left_edge.i == 0 for s in _rest_subjects(toks, k, parse, reported=reported))


def _rest_subjects(toks: list[Any], k: int, parse: Callable[[str], Any], *, reported: bool = False) -> list[Any]:
    """The subjects of the first sentence of the words from ``k`` on, parsed alone, when that sentence
    is at least ``MIN_LEAD_WORDS`` long and its root a finite verb; else none. ``reported``: the
    subjects of a finite clause reported before its root count too ("The Obama administration blocked
    …, a draft report said": the root is "said")."""
    tok = toks[k]
    # The Span's text, not ``doc.text[...]``: Doc.text rebuilds the whole text on every access
    # (quadratic over a long report's sentences).
    rest = parse(tok.doc[tok.i : toks[-1].i + 1].text)
    first_sent = next(iter(rest.sents), None)
    if first_sent is None or len(first_sent) < MIN_LEAD_WORDS or not _finite(first_sent.root):
        return []
    root = first_sent.root
    clauses = [root] + [c for c in root.children if reported and c.dep_ == "ccomp" and c.i < root.i and _finite(c)]
    return [c for v in clauses for c in v.children if c.dep_ in _SUBJECTS]
