"""The ``story`` stage: the story's title, chosen once so every renderer shows the same one."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from ..model import Briefing
from ..pipeline import stage


@stage("story", version="1", requires={"summary"}, produces={"title"})
def story(briefing: Briefing) -> Briefing:
    return dataclasses.replace(briefing, title=story_title(briefing))


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def story_title(briefing: Briefing) -> str:
    """The headline sharing most words with the other headlines and the summary's lead sentence.

    The lead sentence breaks ties between headlines that share only the place
    name (In Amenas: "Algeria kidnappers 'taken alive'" vs "Algeria hostage
    crisis ends in bloodbath", whose "hostage crisis" the lead repeats).
    Without headlines: the lead summary sentence, shortened.
    """
    titles = [s.title for s in briefing.sources if s.title]
    lead = {w.lower() for w in _WORD.findall(briefing.summary[0].text)} if briefing.summary else set()
    if titles:
        counts = Counter(w.lower() for t in titles for w in set(_WORD.findall(t)))

        def score(t: str) -> tuple[int, int]:
            words = {w.lower() for w in _WORD.findall(t)}
            return sum(counts[w] - 1 for w in words) + len(words & lead - _TITLE_STOP), -len(t)

        return max(titles, key=score)
    if briefing.summary:
        return _shorten(briefing.summary[0].text)
    if briefing.sources:
        return _shorten(briefing.sources[0].text.split("\n")[0])
    return "Untitled story"


_TITLE_STOP = frozenset("the a an of in on at to for and or with by from as is are was were its it".split())


def _shorten(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
