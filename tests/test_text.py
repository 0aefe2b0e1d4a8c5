"""ketachecklist.text.tr, the Qt-free layers' one door: English without a translator, the
installed translator's words with one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketachecklist import text


@pytest.fixture(autouse=True)
def _no_translator(monkeypatch: pytest.MonkeyPatch) -> None:
    # The UI tests' application routes tr through Qt; these tests start without a translator
    # and leave the hook as they found it.
    monkeypatch.setattr(text, "_translator", None)


@given(st.text())
def test_without_a_translator_the_text_is_english_as_written(words: str) -> None:
    assert text.tr(words) == words


def test_a_count_replaces_percent_n_without_a_translator() -> None:
    assert text.tr("%n clinics", None, 3) == "3 clinics"


def test_an_installed_translator_gets_the_text_disambiguation_and_count() -> None:
    asked: list[tuple[str, str | None, int]] = []

    def translate(source: str, disambiguation: str | None, n: int) -> str:
        asked.append((source, disambiguation, n))
        return source.upper()

    text.set_translator(translate)
    assert text.tr("Not asked yet") == "NOT ASKED YET"
    assert text.tr("%n point", "margin", 2) == "%N POINT"
    assert asked == [("Not asked yet", None, -1), ("%n point", "margin", 2)]
    text.set_translator(None)
    assert text.tr("Not asked yet") == "Not asked yet"
