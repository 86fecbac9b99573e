"""Optional writer: an OpenAI-compatible chat endpoint rewrites the extractive summary.

``--llm URL --model NAME`` (a local Ollama ``http://localhost:11434/v1``,
vLLM, llama.cpp's server, or any service speaking ``POST /chat/completions``).
The model sees the chosen sentences numbered and must end every sentence it
writes with the numbers it rests on ("... [1][3]."). newsfuse then checks
each written sentence against the text of the sentences it cites (their own
spans and their supporting spans): every number must appear there and at
least ``MIN_CONTENT_SUPPORT`` of its content words must. Sentences that fail,
or cite nothing, are dropped and reported in ``summary_dropped``; if the
server fails, the extractive summary stands and the failure is reported.
Disputed-figure sentences are kept verbatim after the prose that carries
their figure. This module is an edge: the only network I/O of the summary.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

from ..config import DEFAULT_MODEL
from ..model import Briefing, DroppedSentence, SummarySentence
from ..nlp.load import load_nlp
from .text import NUMBER_DIGITS

#: Share of a written sentence's content words (as lemmas) that must
#: occur in the cited text. Strict on purpose, and not yet measured against a
#: real model (none runs offline here): a reworded sentence that keeps its
#: source's nouns and numbers passes ("Eleven workers were missing after the
#: blast" cited to "11 workers are missing after the blast"); one that brings
#: in a new name, place or claim fails. tests/summarize/test_llm.py pins both.
MIN_CONTENT_SUPPORT = 0.7
PROMPT = (
    "Rewrite the numbered news sentences below into a short, fluent summary in plain prose. "
    "Use only facts stated in them; do not add, infer or round any fact or number. "
    "Keep attributions (who said what). End every sentence you write with the numbers of the "
    "sentences it rests on, in square brackets, like [1][3]. Output only the summary."
)
_MARKERS = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_MARKERS_AFTER_STOP = re.compile(r"([.!?][\"”’]?)\s*((?:\[\d+(?:\s*,\s*\d+)*\]\s*)+)")
#: After markers are moved before the full stop, a sentence ends at "[n]." plus space.
_AFTER_MARKERS = re.compile(r"(?<=\])([.!?][\"”’]?)\s+")
#: A sentence boundary inside a chunk (a lower-case word or digit before the stop,
#: so "U.S. Coast Guard" is not split): the text before it cites nothing.
_INNER_STOP = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z“\"])")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset(
    "the a an and or but of to in on at for from by with as is was were are be been has have had that this "
    "these those it its their they he she his her who which what when where while after before also than "
    "into over about more most some such said says say according would could will can not no".split()
)
#: The writer's numbers are checked against the same words-as-digits table as extraction, less the
#: scale words (a writer's "hundred" alone is no count to check).
_NUMBER_WORDS = {w: d for w, d in NUMBER_DIGITS.items() if w not in ("dozen", "hundred", "thousand", "million")}


def rewrite_with_llm(
    sentences: Sequence[SummarySentence], briefing: Briefing, settings: Any
) -> tuple[list[SummarySentence], list[DroppedSentence]]:
    extracted = [s for s in sentences if s.kind == "extracted"]
    if not extracted:
        return list(sentences), []
    try:
        reply = chat(settings.llm_url, settings.llm_model, build_messages(extracted), settings.fetch_timeout)
    except LLMError as exc:
        return list(sentences), [DroppedSentence("", f"LLM writer failed ({exc}); kept the extractive summary")]
    return accept(parse_reply(reply), sentences, briefing)


class LLMError(Exception):
    """The endpoint could not be reached or answered something unusable."""


def build_messages(extracted: Sequence[SummarySentence]) -> list[dict[str, str]]:
    numbered = "\n".join(f"[{i}] {s.text}" for i, s in enumerate(extracted, 1))
    return [{"role": "system", "content": PROMPT}, {"role": "user", "content": numbered}]


def endpoint(url: str) -> str:
    """``http://host:port/v1`` -> ``.../v1/chat/completions`` (a full endpoint URL is kept)."""
    url = url.rstrip("/")
    return url if url.endswith("/chat/completions") else url + "/chat/completions"


def chat(url: str, model: str, messages: list[dict[str, str]], timeout: float) -> str:
    import httpx

    headers = {"Content-Type": "application/json"}
    key = os.environ.get("NEWSFUSE_LLM_API_KEY")
    if key:
        headers["Authorization"] = f"Bearer {key}"
    body = {"model": model, "messages": messages, "temperature": 0}
    try:
        resp = httpx.post(endpoint(url), json=body, headers=headers, timeout=timeout)
        resp.raise_for_status()
        return resp.json()["choices"][0]["message"]["content"]
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
        raise LLMError(f"{type(exc).__name__}: {exc}; check --llm URL (e.g. http://localhost:11434/v1) and --model") from exc


def parse_reply(reply: str) -> list[tuple[str, tuple[int, ...]]]:
    """Written sentences with the sentence numbers each cites (markers removed from the text)."""
    text = _MARKERS_AFTER_STOP.sub(lambda m: f" {m.group(2).strip()}{m.group(1)} ", reply.strip())
    text = _AFTER_MARKERS.sub(lambda m: m.group(1) + "\n", text)
    out = []
    for chunk in (c.strip() for c in text.split("\n")):
        for piece in (p.strip() for p in _INNER_STOP.split(chunk)):
            numbers = tuple(int(n) for m in _MARKERS.finditer(piece) for n in re.split(r"\s*,\s*", m.group(1)))
            clean = re.sub(r"\s+([.!?,;:])", r"\1", _MARKERS.sub("", piece)).strip()
            clean = re.sub(r"\s{2,}", " ", clean)
            if clean:
                out.append((clean, numbers))
    return out


def accept(
    written: Sequence[tuple[str, tuple[int, ...]]], original: Sequence[SummarySentence], briefing: Briefing
) -> tuple[list[SummarySentence], list[DroppedSentence]]:
    """Keep the written sentences their citations support; re-insert disputed sentences after their carrier."""
    extracted = [s for s in original if s.kind == "extracted"]
    disputes = _disputes_after(original)
    kept: list[SummarySentence] = []
    dropped: list[DroppedSentence] = []
    placed: set[int] = set()
    for text, numbers in written:
        cited = [extracted[n - 1] for n in dict.fromkeys(numbers) if 1 <= n <= len(extracted)]
        if not cited:
            dropped.append(DroppedSentence(text, "cites none of the given sentences"))
            continue
        spans = tuple(dict.fromkeys(span for s in cited for span in s.citations))
        problem = unsupported(text, " ".join(briefing.text_of(sp) for sp in spans),
                              briefing.settings.model if briefing.settings else DEFAULT_MODEL)
        if problem:
            dropped.append(DroppedSentence(text, problem))
            continue
        kept.append(SummarySentence(text, spans, kind="rewritten"))
        for n in numbers:
            if 1 <= n <= len(extracted) and n not in placed:
                placed.add(n)
                kept.extend(disputes.get(n, ()))
    for n, extra in disputes.items():
        if n not in placed:
            kept.extend(extra)
    return kept, dropped


def _disputes_after(original: Sequence[SummarySentence]) -> dict[int, list[SummarySentence]]:
    """1-based number of an extracted sentence -> the disputed sentences that follow it."""
    out: dict[int, list[SummarySentence]] = {}
    n = 0
    for s in original:
        if s.kind == "extracted":
            n += 1
        elif n:
            out.setdefault(n, []).append(s)
    return out


def _lemmas(text: str, model: str) -> list[str]:
    """Lower-case lemmas of the content words, from the same spaCy pipeline the briefing used."""
    return [t.lemma_.lower() for t in load_nlp(model)(text) if t.is_alpha and t.lower_ not in _STOP]


def _numbers(text: str) -> set[str]:
    found = {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}
    return found | {_NUMBER_WORDS[w.lower()] for w in _WORD.findall(text) if w.lower() in _NUMBER_WORDS}


def unsupported(text: str, cited_text: str, model: str = DEFAULT_MODEL) -> str | None:
    """Why ``text`` is not supported by ``cited_text`` (a number or too many words missing), or None.

    Words are compared as spaCy lemmas, so "were missing" is supported by "are missing".
    """
    missing = sorted(_numbers(text) - _numbers(cited_text))
    if missing:
        return f"number not in the cited sources: {', '.join(missing)}"
    words = _lemmas(text, model)
    if not words:
        return None
    have = set(_lemmas(cited_text, model))
    share = sum(w in have for w in words) / len(words)
    if share < MIN_CONTENT_SUPPORT:
        return f"only {share:.0%} of its content words are in the cited sources (need {MIN_CONTENT_SUPPORT:.0%})"
    return None
