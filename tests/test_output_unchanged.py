"""Speed work must not change what a briefing says: the JSON of two real clusters is pinned by sha256.

Issue 16 replaced pairwise loops with indexes (entity propagation, summary similarity, alias
clustering, timeline day-merging); each replacement must give the same output. The hashes were
recorded before those changes. A deliberate change of output (a new rule, a new key) updates them
in the same commit, saying so in its message; a speed-only commit never does.
"""

from __future__ import annotations

import hashlib
import json

from corpus import need_shared  # noqa: F401  (the deepwater fixture skips without ../shared)

#: sha256 of ``render(brief([...]), "json")`` with each source's ``path`` (where the checkout lives) blanked.
EXAMPLE_JSON_SHA256 = "219dad110c324d1a0b382b30727813d4e1b917f60a73fc46f10c448284b2352f"
DEEPWATER_JSON_SHA256 = "33089752dc618e970195bfb6c4f57592d9573b0362177595b882ac5572f87ff8"


def _sha(briefing) -> str:
    from newsfuse.render.output import render

    data = json.loads(render(briefing, "json"))
    for source in data["sources"]:
        source["path"] = None
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def test_example_json_is_unchanged(example_briefing) -> None:
    assert _sha(example_briefing) == EXAMPLE_JSON_SHA256


def test_deepwater_json_is_unchanged(deepwater_briefing) -> None:
    assert _sha(deepwater_briefing) == DEEPWATER_JSON_SHA256


def test_the_parse_in_two_processes_gives_the_same_briefing(monkeypatch) -> None:
    """spaCy's ``n_process`` (used above ``PARALLEL_PARSE_MIN_CHARS``) must not change a thing."""
    from newsfuse.api import brief
    from newsfuse.config import Settings
    from newsfuse.nlp import stages

    from corpus import EXAMPLE

    monkeypatch.setattr(stages, "PARALLEL_PARSE_MIN_CHARS", 0)
    assert stages.parse_processes(2, 10) == 2
    assert _sha(brief([str(EXAMPLE)], Settings(parse_processes=2))) == EXAMPLE_JSON_SHA256


def test_a_small_story_parses_in_one_process() -> None:
    from newsfuse.nlp.stages import PARALLEL_PARSE_MIN_CHARS, parse_processes

    assert parse_processes(0, PARALLEL_PARSE_MIN_CHARS - 1) == 1
    assert parse_processes(1, 10 * PARALLEL_PARSE_MIN_CHARS) == 1
    assert parse_processes(3, PARALLEL_PARSE_MIN_CHARS) == 3
