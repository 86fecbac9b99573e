"""Article -> bags of terms: content words, name-like phrases, title words.

Fast rules, not spaCy: a clusterer over 100k articles cannot afford a parser
(spaCy's small model runs ~7.8k tokens/s on 2 cores, i.e. ~25 min for 100k
short articles), and for finding "same story" the capitalised phrases of news
copy are a good stand-in for named entities: names of people, places and
organisations are what distinguish two stories that share vocabulary (ECB+
pairs two earthquakes, two Oscar hosts per topic).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .model import Article

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|\d[\d,.]*\d|[A-Za-z]")
#: A run of capitalised words ("Hugh Jackman", "Kodak Theatre", "BP"), with
#: "of"/"de"/"al" allowed inside ("Bank of England", "Gulf of Mexico").
_NAME = re.compile(r"\b(?:[A-Z][\w'’\-]*)(?:\s+(?:(?:of|de|al|bin|van|von|the)\s+)?[A-Z][\w'’\-]*)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”\n]\s*)$")
#: Words shorter than this carry no topic (after stop words are gone).
MIN_WORD_CHARS = 3
#: Longest prefix of the body that is read: the lead decides the story and a
#: 20k-word dump record should not cost 40x a normal article.
MAX_BODY_CHARS = 6000


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop list plus news furniture words that every story shares."""
    from spacy.lang.en.stop_words import STOP_WORDS

    news = {"said", "says", "told", "according", "reported", "report", "reports", "news", "reuters",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "year", "years", "week", "day", "days", "time", "people", "new", "like", "just",
            "percent", "mr", "mrs", "ms", "also", "would", "could", "one", "two", "first", "last"}
    return frozenset(STOP_WORDS) | frozenset(news)


@dataclass(frozen=True)
class Terms:
    """Term counts of one article; each bag is weighted and compared on its own."""

    words: Counter
    names: Counter
    title: Counter


def normalise_word(token: str, plural: bool = True) -> str:
    """Lower-case, drop a possessive and (for common words) a plain plural "s" so
    "hostages" meets "hostage"; names keep their "s" ("In Amenas", "New Orleans")."""
    word = token.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if plural and len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def content_words(text: str) -> list[str]:
    stops = stop_words()
    out = []
    for token in _WORD.findall(text):
        word = normalise_word(token)
        if len(word) >= MIN_WORD_CHARS and word not in stops and not word[0].isdigit():
            out.append(word)
    return out


def name_phrases(text: str) -> list[str]:
    """Capitalised phrases, skipping a lone capitalised stop word that merely opens a sentence."""
    stops = stop_words()
    out = []
    for match in _NAME.finditer(text):
        phrase = match.group(0)
        at_start = bool(_SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]))
        if " " not in phrase and (at_start and phrase.lower() in stops or len(phrase) < 2):
            continue
        words = [normalise_word(w, plural=False) for w in phrase.split() if w.lower() not in stops]
        if words:
            out.append(" ".join(words))
    return out


def is_title_case(text: str) -> bool:
    """Headlines Written Like This give no signal about which words are names."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def article_terms(article: Article) -> Terms:
    title = article.title or ""
    body = article.text[:MAX_BODY_CHARS]
    if body.startswith(title) and title:
        body = body[len(title) :]
    names = name_phrases(body)
    if title and not is_title_case(title):
        names += name_phrases(title)
    return Terms(
        words=Counter(content_words(title) + content_words(body)),
        names=Counter(names),
        title=Counter(content_words(title)),
    )
