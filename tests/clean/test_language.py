"""Language identification (py3langid): other languages are rejected, English news and short items kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.clean.language import MIN_WORDS_TO_JUDGE, check_english

from corpus import EXAMPLE

LANGUAGE_DATA = Path(__file__).resolve().parents[1] / "data" / "language"


def _paragraphs() -> list[tuple[str, str]]:
    return [(p.stem, para.strip()) for p in sorted(LANGUAGE_DATA.glob("*.txt"))
            for para in p.read_text(encoding="utf-8").split("\n\n") if para.strip()]


@pytest.mark.parametrize(("language", "text"), _paragraphs())
def test_news_in_other_languages_is_not_english(language: str, text: str) -> None:
    check = check_english(text)
    assert not check.english and check.language == language, check


def test_every_bundled_article_is_english() -> None:
    for path in sorted(EXAMPLE.glob("*.txt")):
        assert check_english(path.read_text(encoding="utf-8")).english, path.name


def test_short_items_are_let_through_not_guessed() -> None:
    short = "Le gouvernement a annoncé mardi que onze ouvriers étaient portés disparus."
    assert len(short.split()) < MIN_WORDS_TO_JUDGE
    check = check_english(short)
    assert check.english and check.language == "und"
