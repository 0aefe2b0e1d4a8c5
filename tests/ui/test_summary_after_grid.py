"""The verdict above the grid follows an edit once the edits have settled: after the grid has
repainted what changed, once per burst of edits, and never while the page is hidden."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from ketachecklist.core.document import Answer
from ketachecklist.present import Presentation
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.main_window import MainWindow


def _first_rated(window: MainWindow) -> tuple[str, str, int]:
    comparison = window.document.comparison
    for clinic in comparison.clinics:
        for question in comparison.questions():
            rating = comparison.answer(clinic.id, question.id).rating
            if rating is not None:
                return clinic.id, question.id, rating
    raise AssertionError("the example has ratings")


def _rate(window: MainWindow, clinic_id: str, question_id: str, rating: int) -> None:
    push_edit(
        window.document,
        lambda c: c.set_answer(clinic_id, question_id, Answer(rating=rating)),
        "rating",
    )


def _worded(presentation: Presentation) -> bool:
    return "verdict" in presentation.__dict__  # its cached_property made


class _Events(QObject):
    """Records the grid viewport's paints and the verdict's wording, in the order they came."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.seen: list[str] = []
        window.comparison.table.viewport().installEventFilter(self)
        window.comparison.summary_shown.connect(lambda: self.seen.append("verdict"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.append("grid painted")
        return False


def test_the_verdict_shows_the_new_revision_after_the_grid_is_painted(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.show_page(window.comparison)
    page = window.comparison
    qtbot.waitUntil(lambda: page.verdict.text() == window.document.presentation.verdict)
    clinic_id, question_id, rating = _first_rated(window)
    before = page.verdict.text()
    events = _Events(window)
    with qtbot.waitSignal(page.summary_shown):
        _rate(window, clinic_id, question_id, 1 if rating > 1 else 5)
        presentation = window.document.presentation
        assert not _worded(presentation)  # the edit itself words nothing but the grid
        assert page.verdict.text() == before
    assert page.verdict.text() == presentation.verdict
    assert presentation is window.document.presentation
    assert page.verdict.text() != before  # the example's verdict names the gap
    assert "grid painted" in events.seen
    assert events.seen.index("grid painted") < events.seen.index("verdict")


def test_a_burst_of_edits_words_the_verdict_once(qtbot: QtBot, example_window: MainWindow) -> None:
    window = example_window
    window.show_page(window.comparison)
    page = window.comparison
    qtbot.waitUntil(lambda: page.verdict.text() == window.document.presentation.verdict)
    clinic_id, question_id, _rating = _first_rated(window)
    worded: list[None] = []
    page.summary_shown.connect(lambda: worded.append(None))
    presentations = []
    with qtbot.waitSignal(page.summary_shown):
        for rating in (1, 2, 3, 4, 5):
            _rate(window, clinic_id, question_id, rating)
            presentations.append(window.document.presentation)  # as the grid reads it
    qtbot.waitUntil(lambda: not window.document._settle.isActive())
    assert len(worded) == 1
    assert page.verdict.text() == presentations[-1].verdict
    assert [_worded(p) for p in presentations] == [False, False, False, False, True]


def test_a_hidden_page_words_no_verdict_until_it_is_shown(
    qtbot: QtBot, example_window: MainWindow
) -> None:
    window = example_window
    window.show_page(window.answers)
    page = window.comparison
    clinic_id, question_id, rating = _first_rated(window)
    with qtbot.waitSignal(window.document.settled):
        _rate(window, clinic_id, question_id, 1 if rating > 1 else 5)
    presentation = window.document.presentation
    assert not page.isVisible()
    assert not _worded(presentation)
    with qtbot.waitSignal(page.summary_shown):
        window.show_page(page)
    assert page.verdict.text() == presentation.verdict
