"""The ``story`` stage: the story's title, chosen once so every renderer shows the same one.

The most representative headline (sharing most words with the other headlines and the
summary's lead sentence) among the sources' headlines and the headlines a text-only scraper
glued to an article's first sentence. A "headline" that is page furniture (a section label,
a video-player line) or a pull quote ("Name: ‘…’") is no title. Without headlines, a
headline-like phrase cut from the lead summary sentence along its dependency parse (the main
clause, trailing detail dropped first) within ``MAX_TITLE_CHARS``: never a dateline (the lead
has none) nor a sentence chosen for being first.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..clean.datelines import dateline_prefix, is_dateline_only
from ..clean.furniture import page_furniture
from ..clean.plain import PLAYER
from ..model import Briefing
from ..pipeline import stage
from ..words import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from .build import parser
from .standalone import MAX_HEADLINE_WORDS, attributing, headline_prefix, judge, temporal_words

MAX_TITLE_CHARS = 90
#: Summary sentences tried in turn for a headline-shaped phrase when no headline is found.
MAX_LEAD_TRIES = 3
#: Later summary sentences tried for a headline-shaped phrase before the lead is cut anyway.
MAX_LATER_TRIES = 5
#: A report's opening sentences (its lede) state its news.
LEDE_SENTENCES = 2
#: A headline has at least this many words; "World", "Virgin Australia" are section or site labels.
MIN_HEADLINE_WORDS = 3
#: Dependents that carry detail, not the news: dropped from the lead sentence, rightmost first.
#: An agent ("marked by a mix-up") is not detail: without it a passive is left hanging.
_DETAIL = frozenset({"advcl", "prep", "relcl", "acl", "appos", "npadvmod", "advmod", "conj", "parataxis"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_TITLE_STOP = frozenset("the a an of in on at to for and or with by from as is are was were its it".split())
#: A title cut shorter than this share of the limit has lost the news with its detail ("Texas will
#: pay $3.4 million"); a piece deeper down is dropped instead.
MIN_TITLE_SHARE = 0.4
#: A dateline's place is a city and a region or country at most ("DELPHI, Ind.").
MAX_PLACE_TOKENS = 5
#: A byline ("By Amy Hybels, For CNN") or a time stamp ("… 09.18 BST") is no headline.
_BYLINE = re.compile(r"^by\s+[A-Z]", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|UTC|ET|EST|EDT)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_QUOTE_START = re.compile(r"^[“\"‘']")
#: First and second person outside quotation marks: a writer or a memo speaks, no news headline does.
_PERSONAL = frozenset({"we", "our", "us", "my", "your", "you"})
_DATELINE_MARKS = frozenset({"—", "–", "-", "--", ":"})
_OPENING = {"“": "”", "‘": "’"}
_QUOTED = re.compile(r"[“‘\"'][^”’\"']{12,}[”’\"']")
#: Words of a page's date stamp ("April 10th, 2016", "2 years ago", "Updated Monday"), beside
#: numbers and the time units of ``resources/temporal_references.tsv``.
_STAMP_WORDS = frozenset(MONTHS + MONTH_ABBREVIATIONS + WEEKDAYS) | {
    "st", "nd", "rd", "th", "ago", "updated", "published", "posted", "on", "at", "am", "pm"}
#: A wire dateline a scraper left at a headline's end ("… Natural Resources Worldwide SHANGHAI --").
_TRAILING_DATELINE = re.compile(r"\s+[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]*){0,3}\s*(?:--|—|–)\s*$")
#: A photo credit ("… liked what he heard. REUTERS/Jane Doe", "(AP Photo/John Roe)"): a caption.
_CREDIT = re.compile(r"\b(?:[A-Z]{2,}|AP Photo|Getty Images)\s*/\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}\)?\s*$")


@stage("story", version="2", requires={"summary", "docs", "sentences"}, produces={"title"})
def story(briefing: Briefing) -> Briefing:
    return dataclasses.replace(briefing, title=story_title(briefing))


def is_headline(text: str) -> bool:
    """A real headline: enough words, not player/section furniture, a byline or a time stamp, not a pull quote."""
    text = text.strip()
    if len(text.split()) < MIN_HEADLINE_WORDS or PLAYER.match(text) or _BYLINE.match(text) or _CLOCK.search(text):
        return False
    if _date_stamp(text) or _CREDIT.search(text) or page_furniture(text) or garbled(text):
        return False
    if is_dateline_only(text) or dateline_prefix(text):
        return False  # "NEW YORK, Sept. 29 --" (and what follows it) cut off the first sentence as if a headline
    if text.split()[0].islower():
        return False  # a tag line run into the headline ("jobs jobs jobs Obama's Jobs Speech …")
    if _personal(text):
        return False  # "Today Marks a Significant Milestone in Our History": a memo's or column's voice
    quote = _QUOTED.search(text)
    return not (quote and len(quote.group(0)) > 0.5 * len(text))


def _personal(text: str) -> bool:
    """First or second person outside quotation marks ("US", the country, is not "us")."""
    unquoted = re.sub(r"[“‘\"'][^”’\"']*[”’\"']", " ", text)
    return any(w.lower() in _PERSONAL and w != "US" for w in re.findall(r"[A-Za-z]+", unquoted))


def _date_stamp(text: str) -> bool:
    """Nothing but a date or an age ("April 10th, 2016", "2 years ago"): a page's time stamp."""
    units = {w for w, kind in temporal_words().items() if kind == "unit"}
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    return all(w in _STAMP_WORDS or w in units or w.rstrip("s") in units for w in words)


def glued_headlines(briefing: Briefing) -> list[tuple[str, str]]:
    """(source id, headline) for each headline a scraper ran into the first sentence of an article
    (``headline_prefix``)."""
    out = []
    parse = parser(briefing)
    for source in briefing.sources:
        spans = briefing.sentences.get(source.id, ())
        doc = briefing.docs.get(source.id)
        if not spans or doc is None or source.title:
            continue
        sent = doc.char_span(spans[0].start, spans[0].end, alignment_mode="expand")
        # the headline, not a standfirst; nor a caption cut as a whole sentence ("Propofol is a fast-acting
        # hospital sedative used before anaesthetics Michael Jackson's physician …")
        cut = headline_prefix(sent, parse=parse, runs=1, captions=False) if sent is not None else 0
        if cut:
            out.append((source.id, source.text[spans[0].start : spans[0].start + cut].strip()))
    return out


def line_headlines(briefing: Briefing) -> list[tuple[str, str]]:
    """(source id, headline) for each plain-text report that opens with a line of its own that no
    sentence ends: a headline above the body ("Lindsay Lohan Leaves Betty Ford, Checks Into Malibu
    Rehab" / "Lindsay Lohan has left …"; report17 and report18's ECB+ reports: "real headlines
    exist", the judges wrote beside a title cut from a lede). A headline line ends on a word (``_HEADLINE_ENDS``). Not a report with a title of its own,
    nor a line longer than a headline (``MAX_HEADLINE_WORDS``, ``MAX_TITLE_CHARS``): a longer line
    without a stop is a sentence that lost its full stop."""
    out = []
    for source in briefing.sources:
        if source.title:
            continue
        first, _, rest = source.text.lstrip().partition("\n")
        first = first.strip()
        bare = first.rstrip(_QUOTE_MARKS)
        if rest.strip() and bare and (bare[-1].isalnum() or bare[-1] in _HEADLINE_ENDS) \
                and len(first) <= MAX_TITLE_CHARS and len(first.split()) <= MAX_HEADLINE_WORDS:
            out.append((source.id, first))
    return out


#: Besides a letter or a digit, what a headline line may end on: a closing bracket. A line ending on
#: a full stop, a question or an exclamation is a sentence (Timeline17's pages open with teasers such
#: as "How much has BP paid out?"); on a colon, a dash or a wire's underscore, it leads into what
#: follows (a dateline, "UPDATE:").
_HEADLINE_ENDS = frozenset(")%")
_QUOTE_MARKS = "\"”’'"


def story_title(briefing: Briefing) -> str:
    headlines = [(s.id, s.title) for s in briefing.sources if s.title and is_headline(s.title)]
    latest = max((s.published.year for s in briefing.sources if s.published), default=None)
    parse = parser(briefing)
    parsed: dict[str, Any] = {}

    def parse_once(text: str) -> Any:  # ``_imperative`` and ``_past_caption`` read the same run
        if text not in parsed:
            parsed[text] = parse(text)
        return parsed[text]

    headlines += [(sid, t) for sid, t in [*glued_headlines(briefing), *line_headlines(briefing)]
                  if is_headline(t) and not _background(t, latest)
                  and not _imperative(t, parse_once) and not _past_caption(t, parse_once)]
    headlines = [(sid, _TRAILING_DATELINE.sub("", t)) for sid, t in headlines]
    summary = " ".join(s.text for s in briefing.summary)
    headlines = [(sid, t) for sid, t in headlines if about(t, summary)]
    # The lead states the news; a quotation (no one says it in the title) gives way to the next sentence.
    leads = [s for s in briefing.summary if s.kind == "extracted" and not _QUOTE_START.match(s.text)
             and not s.text.startswith("[")]
    lead = leads[0] if leads else (briefing.summary[0] if briefing.summary else None)
    own = _lead_headline(headlines, lead, parse_once)
    if own:
        return own
    if headlines:
        return best_headline([t for _, t in headlines], summary)
    if lead is not None:
        # A phrase that lost its subject or its quotation marks in the cut gives way to the phrase
        # of the next summary sentence that opens a report (a lede states its news; a later
        # sentence is detail or background), before the lead is cut at the limit.
        tries = [lead, *(s for s in leads if s is not lead and _opens_report(briefing, s))][:MAX_LEAD_TRIES]
        # Then any summary sentence, in the summary's order: a headline-shaped phrase of a later
        # sentence reads as a title; a lead cut where it does not ("Obama told reporters at the White
        # House on Friday", "... and semi") reads as none (report4, report5, report6 splits).
        tries += [s for s in leads if s not in tries][:MAX_LATER_TRIES]
        for candidate in tries:
            phrase = _lead_phrase(briefing, candidate)
            if phrase and not phrase.endswith("…") and headline_like(phrase, parse):
                return phrase  # a phrase cut at the limit lost its news ("... has been…"): the next one
        phrase = _lead_phrase(briefing, lead)
        if phrase and not garbled(phrase):
            return phrase
        return shorten(lead.text)
    if briefing.sources:
        return shorten(briefing.sources[0].text.split("\n")[0])
    return "Untitled story"


def _lead_headline(headlines: Sequence[tuple[str, str]], lead: Any, parse: Any) -> str | None:
    """The headline of the report the summary's lead comes from, when it has one that fits and
    states a development (``_states``): the lead is the news of the latest reporting day, and its
    own report's headline states that news. The headline most like the others may be an earlier
    day's or a side item's (Timeline17 weeks, report5 to report7: "a real headline but of the
    Friday adjournment"). Only that report's headlines are parsed, not every source's."""
    source = lead.citations[0].source if lead is not None and lead.citations else None
    own = [t for sid, t in headlines if sid == source and len(t) <= MAX_TITLE_CHARS]
    return next((t for t in own if _states(t, parse)), None)


def _states(headline: str, parse: Any) -> bool:
    """The headline has a verb: it states a development ("BP vows to pay clean-up costs"), not only
    names a subject ("How the Fed", a headline cut by a scraper's line break)."""
    return any(t.pos_ in {"VERB", "AUX"} for t in parse(headline))


def _opens_report(briefing: Briefing, sentence: Any) -> bool:
    """The sentence is among the first ``LEDE_SENTENCES`` of its report."""
    span = sentence.citations[0] if sentence.citations else None
    spans = briefing.sentences.get(span.source, ()) if span else ()
    return any(s.start <= span.start < s.end for s in spans[:LEDE_SENTENCES])


def garbled(text: str) -> bool:
    """Quotation marks or brackets left unpaired by a cut ("… has come forward," "fat," and
    "porky", "Sen. Barack Obama ("): no headline reads so."""
    curly = text.count("“") != text.count("”")
    return curly or not _straight_paired(text) or text.count("(") != text.count(")")


def _straight_paired(text: str) -> bool:
    """Straight quotation marks open (after a space or the start) and close (before a space, a
    punctuation mark or the end) in turn."""
    open_ = False
    for m in re.finditer('"', text):
        before = text[m.start() - 1] if m.start() else " "
        opening = before.isspace() or before in "([—–-"
        if opening == open_:
            return False
        open_ = not open_
    return not open_


def headline_like(text: str, parse: Any) -> bool:
    """A headline's shape: a clause that opens with its own subject, with a verb, no page furniture,
    nothing unpaired. "Are a nail gun, an electric knife, …" (the subject dropped with the
    sentence's opening), "Obama told reporters on Friday" (what he said cut) are not."""
    if garbled(text) or page_furniture(text):
        return False
    doc = parse(text.rstrip("…").strip())
    sent = next(iter(doc.sents), None)
    if sent is None:
        return False
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    # A verb of saying: a title of one says what was said, not only that someone spoke.
    if root.lemma_ in attributing() and not any(t.pos_ in {"VERB", "AUX"} and t.i != root.i for t in sent):
        return False  # "Obama told reporters at the White House on Friday": what he told them was cut
    if any(t.pos_ == "PRON" and t.morph.get("Person") in (["1"], ["2"]) for t in sent):
        return False  # "… reminded me that …": a columnist's voice, no headline's
    if any(t.lower_ == "there" and t.dep_ == "advmod" for t in sent):
        return False  # "… dinosaurs roamed there": where, an absent sentence said
    if _telegraphic_passive(sent):
        return True  # "Four people arrested in …": the parser reads the headline's participle as a modifier
    verdict = judge(sent)
    if verdict.back or verdict.pronoun:
        return False  # "Its products also include …", "They said …", "The fund was set up …": an absent sentence said
    return root.pos_ in {"VERB", "AUX"} and bool(subjects) and subjects[0].left_edge.i == sent.start


def _telegraphic_passive(sent: Any) -> bool:
    """A headline's passive without its auxiliaries (``_passive_auxiliaries``): the phrase opens with a
    noun phrase whose participle follows its head right away ("Four people arrested in connection with
    …"), which the parser takes for a noun modified by a participle."""
    root = sent.root
    return root.pos_ in {"NOUN", "PROPN"} and root.left_edge.i == sent.start and any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.i == root.i + 1 for c in root.children)


def _imperative(text: str, parse: Any) -> bool:
    """A run that opens with a bare verb and has no subject speaks to the reader: a share button
    ("Click to email this to a friend (Opens in new window)"), a link ("Read the full report"), not
    a headline (which states its subject: "Crayola warns against …")."""
    sent = next(iter(parse(text).sents), None)
    if sent is None:
        return False
    root = sent.root
    return root.tag_ == "VB" and root.i == sent.start and not any(
        c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in root.children)


def _past_caption(text: str, parse: Any) -> bool:
    """A glued run told in the past tense ("A crowd clapped and chanted as she was removed from the
    rubble", "Coldplay's Chris Martin and Beyonce Knowles performed a duet in London") is a photo
    caption: headlines speak in the present ("Haiti quake rescuers pull man from rubble"). A form
    that is its own base ("hit", "cut", "set") says nothing of tense and is no evidence."""
    sent = next(iter(parse(text).sents), None)
    if sent is None:
        return False
    root = sent.root
    verb = root if root.tag_ == "VBD" else next((c for c in root.children if c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD"), None)
    return verb is not None and verb.lower_ != verb.lemma_.lower()


def _background(text: str, latest: int | None) -> bool:
    """A glued run naming an earlier year ("… last topped the chart in 2003") is a caption's
    background, not the story's headline."""
    return latest is not None and any(int(y) < latest for y in _YEAR.findall(text))


def about(headline: str, summary: str) -> bool:
    """The headline shares a content word with the summary: a site's strap line ("From Wikipedia,
    the free encyclopedia") or a section heading of a document ("Known and probable causes")
    names nothing the story is about. With no summary, every headline is taken."""
    told = {w.lower() for w in _WORD.findall(summary)} - _TITLE_STOP
    return not told or bool(({w.lower() for w in _WORD.findall(headline)} - _TITLE_STOP) & told)


def best_headline(titles: Sequence[str], lead: str) -> str:
    """The headline sharing most words with the other headlines, ties broken by the summary's words.

    In Amenas: "Algeria kidnappers 'taken alive'" vs "Algeria hostage crisis ends in bloodbath",
    whose "hostage crisis" the lead repeats.
    """
    lead_words = {w.lower() for w in _WORD.findall(lead)}
    counts = Counter(w.lower() for t in titles for w in set(_WORD.findall(t)))

    def score(t: str) -> tuple[int, int]:
        words = {w.lower() for w in _WORD.findall(t)}
        return sum(counts[w] - 1 for w in words) + len(words & lead_words - _TITLE_STOP), -len(t)

    fitting = [t for t in titles if len(t) <= MAX_TITLE_CHARS] or titles  # a headline run into its standfirst is cut
    return shorten(max(fitting, key=score))


def _lead_phrase(briefing: Briefing, lead: Any) -> str | None:
    span = lead.citations[0] if lead.citations else None
    doc = briefing.docs.get(span.source) if span else None
    if doc is None or lead.kind != "extracted":
        return None
    sent = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sent is None:
        return None
    phrase = headline_phrase(sent)
    return None if _hanging(sent, phrase) else phrase


#: What a verb needs after it: its object, complement or reported clause; a bare infinitive
#: ("to head", "to look") its destination or particle too.
_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "dative", "attr", "acomp", "oprd"})
_INFINITIVE_COMPLEMENTS = _COMPLEMENTS | {"prep", "prt"}
#: A finite verb left last by the cut ("… a news conference that ran") lost whatever followed it.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _hanging(sent: Any, phrase: str) -> bool:
    """The phrase ends on a verb whose object or complement the cut dropped ("… admitted"), or on a
    bare infinitive whose destination went with it ("… were hoping to finally head", "… will be
    deployed to look"); not on a participle whose detail went ("… who were wrongfully imprisoned")."""
    words = phrase.rstrip(".…").split()
    if not words or phrase.endswith("…"):
        return False
    last = words[-1]
    # the sentence's own main verb may close a headline ("An air search of the Indian Ocean resumed"):
    # only a verb of a clause inside it lost what followed ("… a news conference that ran")
    return any(t.text == last and t.pos_ in {"VERB", "AUX"} and any(
        (c.dep_ in (_INFINITIVE_COMPLEMENTS if t.tag_ == "VB" else _COMPLEMENTS)
         or t.tag_ in _FINITE and c.dep_ in _DETAIL and not (t.i == sent.root.i and t.pos_ == "VERB")) and c.i > t.i
        for c in t.children) for t in sent)


def headline_phrase(sent: Any, limit: int = MAX_TITLE_CHARS) -> str:
    """The main clause of ``sent``, detail dependents dropped until it fits: an opening adverbial
    first, then asides, then the outermost dependent whose drop makes it fit without leaving less
    than ``MIN_TITLE_SHARE`` of the limit, the longest such title ("Texas will pay $3.4 million to
    a couple who were wrongfully imprisoned", not "Texas will pay $3.4 million"); else the
    rightmost outermost dependent, and again.

    "A man who went missing after swimming off an Ipswich beach Tuesday evening with his
    son-in-law has been rescued, police say." -> "A man who went missing after swimming off an
    Ipswich beach has been rescued": the reported clause of an inverted attribution is the news.
    """
    place = _place_prefix(sent)
    if place and max(place) + 1 < sent.end:
        sent = sent.doc[max(place) + 1 : sent.end]
    clause = sent.root
    ccomps = [c for c in clause.children if c.dep_ == "ccomp" and (c.i < clause.i or _reported_news(clause, c))]
    if ccomps:
        clause = ccomps[0]
    inside = range(sent.start, sent.end)
    keep = {t.i for t in clause.subtree if t.i in inside and not t.is_space}
    detail = sorted((t for t in clause.subtree if t.dep_ in _DETAIL and t.i != clause.i and t.i in inside
                     and _starts_word(t) and not _completes(t)), key=lambda t: _drop_order(t, clause))
    text = _fit(sent, clause, keep, detail, limit)
    auxiliaries = _passive_auxiliaries(clause) if text.endswith("…") else set()
    if auxiliaries:  # cut: headline grammar ("Four people arrested …") may fit it whole
        shorter = _fit(sent, clause, keep - auxiliaries, detail, limit)
        text = shorter if not shorter.endswith("…") else text
    return text


def _fit(sent: Any, clause: Any, keep: set[int], detail: list[Any], limit: int) -> str:
    """``headline_phrase``'s dropping loop: the kept words less detail dependents until they fit."""
    text = _render(sent.doc, keep)
    while len(text) > limit:
        options = [(tok, _without(sent, keep, tok)) for tok in detail if tok.i in keep]
        if not options:
            break
        if _drop_order(options[0][0], clause)[0] < 2:  # an opening adverbial or an aside goes first
            keep = options[0][1]
            text = _render(sent.doc, keep)
            continue
        rendered = [(tok, rest, _render(sent.doc, rest)) for tok, rest in options]
        fitting = [o for o in rendered if MIN_TITLE_SHARE * limit <= len(o[2]) <= limit]
        if fitting:  # the outermost dependent whose drop fits, the longest title among those
            _, keep, text = max(fitting, key=lambda o: len(o[2]))
        else:
            _, keep, text = rendered[0]
    return shorten(text, limit)


def _passive_auxiliaries(verb: Any) -> set[int]:
    """The auxiliaries of a passive that a headline leaves out: "Four people [have been] arrested in
    connection with the fatal shooting of a 19-year-old man" fits where the sentence's words did not
    (report11: the lead cut with an ellipsis gave way to a side item's sentence). Not a modal's or a
    negation's ("will be tried", "was not charged"): those say what happened."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in auxiliaries):
        return set()
    if any(c.tag_ in {"MD", "TO"} for c in auxiliaries) or any(c.dep_ == "neg" for c in verb.children):
        return set()
    return {c.i for c in auxiliaries}


def _completes(tok: Any) -> bool:
    """A dependent a noun cannot do without in a title: what "one", "a charge" or "a campaign" is
    ("obsessed with one [of her students]", "not guilty to a charge [of manslaughter]", "launched a
    Twitter campaign [to get the seat]"). Cut, the title ends on a word that promises more."""
    if tok.dep_ == "prep" and _charge(tok):
        return True
    if tok.head.pos_ not in {"NOUN", "PRON", "NUM", "ADJ"}:
        return False
    if tok.dep_ == "prep" and (tok.lower_ == "of" or _bare_idiom(tok)):
        return True
    return tok.dep_ in {"acl", "advcl"} and tok.tag_ == "VB" and any(c.tag_ == "TO" for c in tok.children)


#: Subordinators of reason and circumstance: a headline drops "because of a sprained knee" before
#: the verb's own complement ("placed Reggie Bush [on injured reserve]").
_CIRCUMSTANCE = frozenset({"because", "due", "amid", "despite", "although", "though", "while"})


def _charge(prep: Any) -> bool:
    """The first preposition after a passive participle with no object: what someone "was charged
    [with]", "has been arrested [in connection with]", "is accused [of]", "was arraigned [on]". Cut,
    the title says that something happened to someone and not what (report8, tune, report11,
    report6: "Geraldine Alcorn was charged", "Four people have been arrested in connection"). Not a
    time ("was arrested on Monday"): a headline drops that first."""
    verb = prep.head
    if verb.tag_ != "VBN" or verb.i > prep.i or _time_adjunct(prep) or any(
            temporal_words().get(c.lemma_.lower()) == "unit" for c in prep.children):  # "for two decades"
        return False
    passive = any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ in {"acl", "advcl", "amod"}
    if not passive or any(c.dep_ in _COMPLEMENTS for c in verb.children):  # "was found dead [in his cell]"
        return False
    return next((c.i for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None) == prep.i


def _bare_idiom(prep: Any) -> bool:
    """The preposition right after a bare singular noun that is itself a preposition's object: "in
    connection [with]", "in response [to]", "in support [of]", "on behalf [of]". The pair says
    nothing until the second preposition's object does."""
    noun = prep.head
    return (noun.tag_ == "NN" and noun.dep_ == "pobj" and prep.i == noun.i + 1
            and not any(c.dep_ in {"det", "poss", "nummod", "amod", "compound"} for c in noun.children))


def _without(sent: Any, keep: set[int], tok: Any) -> set[int]:
    """``keep`` less ``tok``'s subtree, with the commas around an aside and the "and" before a conjunct."""
    sub = list(tok.subtree)
    rest = keep - {t.i for t in sub}
    after = sub[-1].i + 1
    if after < len(sent.doc) and sub[0].i and (sent.doc[after].text, sent.doc[sub[0].i - 1].text) in _ASIDE_MARKS:
        rest -= {after, sub[0].i - 1}  # an aside goes with its commas or dashes ("the final award — Beatty and Dunaway —")
    if tok.dep_ == "conj":
        rest -= {c.i for c in tok.head.children if c.dep_ == "cc" and tok.head.i < c.i < tok.i}
    return rest


#: (After, before) an aside: the marks that go with it when it is dropped.
_ASIDE_MARKS = frozenset({(",", ",")} | {(a, b) for a in ("—", "–", "--") for b in ("—", "–", "--")})


def _place_prefix(sent: Any) -> set[int]:
    """A wire dateline the lead opens with ("AUSTIN, Texas --", "DELPHI, Ind. —"): place names
    and commas only, within the first few tokens, up to a dash or colon."""
    toks = [t for t in sent if not t.is_space][:MAX_PLACE_TOKENS + 1]
    for k, t in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        # not "President-elect" nor a detokenised "President - elect": a dateline's dash opens a sentence
        if t.text in _DATELINE_MARKS and k and (toks[k - 1].whitespace_ or t.text == ":") \
                and (nxt is None or not nxt.is_lower):
            head = toks[:k]
            if all(h.pos_ == "PROPN" or h.text == "," for h in head) and head[0].pos_ == "PROPN":
                return {h.i for h in toks[: k + 1]}
            return set()
    return set()


def _reported_news(root: Any, ccomp: Any) -> bool:
    """ "Multiple news outlets are now reporting that James Comey wrote…": when the reporter is
    no one in particular (no name as subject) and the report names its own subject, the
    reported clause is the news."""
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    reported = [c for c in ccomp.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return (bool(subjects) and all(s.pos_ == "NOUN" for s in subjects)
            and bool(reported) and all(s.pos_ in {"PROPN", "NOUN"} for s in reported))


def _starts_word(tok: Any) -> bool:
    """A whole word group, not a piece of a hyphenated word ("in" of "son-in-law", "oxide" of
    "oxide-derived"), and not a noun in a list ("Kanan and Li" stay together)."""
    doc, last = tok.doc, list(tok.subtree)[-1]
    starts = tok.i == 0 or bool(doc[tok.i - 1].whitespace_)
    ends = bool(last.whitespace_) or last.i + 1 >= len(doc) or doc[last.i + 1].text in {",", ".", ";", ":"}
    return starts and ends and not (tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN"} and not _listed_charge(tok))


def _listed_charge(conj: Any) -> bool:
    """A later item of an uncounted list of things a preposition names ("charged with obstruction of
    justice and [bribery]"): the first item names the charge; not a counted one ("two women and a
    man" are all the dead), not names ("Kanan and Li")."""
    head = conj.head
    if head.pos_ != "NOUN" or conj.pos_ not in {"NOUN", "VERB"} or any(
            c.dep_ == "nummod" for t in (head, conj) for c in t.children):
        return False
    tok = head  # up the chain of the charge's prepositions: "arraigned on charges of [obstruction]"
    for _ in range(MAX_CHARGE_LINKS):
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return False
        if _charge(tok.head):
            return True
        tok = tok.head.head
    return False


#: Prepositions between a participle and a charge it names ("arraigned on charges of obstruction").
MAX_CHARGE_LINKS = 3


def _drop_order(tok: Any, clause: Any) -> tuple[int, int, int]:
    """Detail before the clause's verb that opens the sentence ("After an hour of searching,")
    first, then asides set off by commas, then the rest from the right."""
    sub = list(tok.subtree)
    before = sub[0].i < clause.i and tok.head.i == clause.i and not any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i < sub[0].i for c in clause.children)
    left = sub[0].nbor(-1) if sub[0].i > sub[0].doc[0].i else None
    right = sub[-1].nbor(1) if sub[-1].i + 1 < len(sub[-1].doc) else None
    aside = bool(left is not None and left.text == "," and right is not None and right.text in {",", "."})
    return (0 if before or _time_adjunct(tok) or _circumstance(tok) else 1 if aside else 2, _depth(tok, clause), -tok.i)


def _circumstance(tok: Any) -> bool:
    """A reason or circumstance of the clause: "because of a sprained knee", "amid protests", "while
    on holiday" (``_CIRCUMSTANCE``), which a headline leaves out before the verb's complement."""
    return tok.lower_ in _CIRCUMSTANCE and tok.dep_ == "prep" or tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE for c in tok.children)


def _time_adjunct(tok: Any) -> bool:
    """ "on Wednesday", "last week", "yesterday": when, which a headline leaves out first (a
    headline speaks in the present of its day). Read off the entity tagger's DATE and TIME."""
    words = [t for t in tok.subtree if not t.is_punct]
    core = words[1:] if tok.dep_ == "prep" else words
    return bool(core) and all(t.ent_type_ in {"DATE", "TIME"} for t in core)


def _depth(tok: Any, clause: Any) -> int:
    """How many heads lie between ``tok`` and the clause: whole dependents of the clause go before
    pieces of them, so no relative clause is left hanging ("a ceremony that was marked")."""
    depth = 0
    while tok.i != clause.i and tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _render(doc: Any, keep: set[int]) -> str:
    toks = [doc[i] for i in sorted(keep) if not doc[i].is_space]
    while toks and (toks[-1].is_punct or toks[-1].dep_ in {"cc", "mark"}):
        toks.pop()
    while toks and ((toks[0].is_punct and toks[0].text not in _OPENING) or toks[0].dep_ == "mark"):
        toks.pop(0)
    toks = _balanced(toks)
    parts = []
    for a, b in zip(toks, [*toks[1:], None]):
        parts.append(a.text_with_ws if a.whitespace_ or b is None or b.i == a.i + 1 else a.text + " ")
    text = "".join(parts).strip()
    text = re.sub(r"\s+([,;:])", r"\1", re.sub(r"([,;:])(\s*[,;:])+", r"\1", text))
    text = re.sub(r",\s*$", "", text)
    return text[:1].upper() + text[1:]


def _balanced(toks: list[Any]) -> list[Any]:
    """Curly quotation marks in pairs: an opening one whose closing one was dropped with detail goes
    too, and a closing one left without its opening one gets it back ("“Moonlight” walked away")."""
    out, open_at = [], []
    for t in toks:
        if t.text in _OPENING:
            open_at.append(len(out))
        elif t.text in _OPENING.values():
            if not open_at:
                continue
            open_at.pop()
        out.append(t)
    out = [t for i, t in enumerate(out) if i not in set(open_at)]
    straight = [i for i, t in enumerate(out) if t.text == '"']
    return [t for i, t in enumerate(out) if len(straight) % 2 == 0 or i != straight[-1]]  # one left unpaired


def shorten(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
