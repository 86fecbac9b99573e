"""Issue 12, eighteenth stop: a caption that ends on a name or a noun, run into a sentence that opens
with a capitalised article or a name's possessive, is cut at the seam; a role noun's name, a title
before a name and a multiword name are no seam (made-up sentences, the shapes of the Timeline17
read splits' BBC pages and of the names the audit of every read split's reports kept whole)."""

from __future__ import annotations

import pytest

from newsfuse.config import DEFAULT_MODEL
from newsfuse.nlp.load import load_nlp
from newsfuse.summary.standalone import headline_prefix


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(DEFAULT_MODEL)


def _cut(nlp, text: str, first: bool) -> str:
    doc = nlp(text)
    return text[headline_prefix(doc[:], first=first, parse=nlp):]


@pytest.mark.parametrize(("text", "rest"), [
    ("Dr Jane Brown is charged with the involuntary manslaughter of Smith A recording of the singer bemoaning his "
     "childhood has been played to the trial of the doctor charged with his death.",
     "A recording of the singer bemoaning his childhood has been played to the trial of the doctor charged with "
     "his death."),
    ("Morphine is a strong painkiller used before operations Michael Smith's doctor, Dr Anne Jones, has been "
     "found guilty of gross negligence by a jury in Leeds.",
     "Michael Smith's doctor, Dr Anne Jones, has been found guilty of gross negligence by a jury in Leeds."),
])
@pytest.mark.parametrize("first", [True, False])
def test_a_caption_run_into_an_article_or_a_possessive_is_cut(nlp, text, rest, first):
    assert _cut(nlp, text, first) == rest


@pytest.mark.parametrize("text", [
    "A spokesman said police grabbed a camera from network photojournalist Mary Rogers, cracked its viewfinder, "
    "and took the camera away from her.",
    "The White House has been in touch with the Egyptian government but U.S. President Barack Obama has not "
    "spoken with the president this week.",
    "Thad Allen said the relief well is expected to intercept the Deepwater Horizon well pipe about 18,000 feet "
    "below sea level within days.",
    "The song re-entered the charts at number 11, while Billie Jean got to 25 and Beat It reached 30 in the "
    "same week.",
])
def test_a_name_inside_its_sentence_is_no_seam(nlp, text):
    assert _cut(nlp, text, False) == text
