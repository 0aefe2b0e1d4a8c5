"""Every item model passes Qt's model tester, empty, loaded, sorted and while being edited."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from ketachecklist.core.catalogue import Catalogue, load_bundled_catalogue
from ketachecklist.core.document import Answer, Clinic, Comparison
from ketachecklist.core.storage import load_comparison
from ketachecklist.ui.clinic_list_model import ClinicListModel
from ketachecklist.ui.commands import push_edit
from ketachecklist.ui.comparison_model import SORT_OVERALL, ComparisonTableModel, RowKind
from ketachecklist.ui.open_document import OpenDocument
from ketachecklist.ui.question_list_model import QuestionListModel
from ketachecklist.ui.roles import CLINIC_ID_ROLE
from ketachecklist.ui.weights_model import WEIGHT_COLUMN, QuestionWeightsModel
from tests.applies import counted_questions, set_aside
from tests.strategies import comparisons


def _example(catalogue: Catalogue, example_file: Path) -> OpenDocument:
    return OpenDocument(load_comparison(example_file, catalogue))


def _edit_everything(document: OpenDocument) -> None:
    """Edits that make every model emit its change signals while the tester watches."""
    comparison = document.comparison
    new = Clinic(id=comparison.new_clinic_id(), name="New")
    first = comparison.clinics[0].id
    question = comparison.questions()[0].id
    last = len(comparison.clinics)
    push_edit(document, lambda c: c.add_clinic(new))
    push_edit(document, lambda c: c.set_answer(first, question, Answer(rating=1)), "rating")
    push_edit(document, lambda c: c.set_set_weight(c.catalogue.sets[0].id, 3.0))
    push_edit(document, lambda c: c.set_question_weight(question, 2.0))
    push_edit(document, lambda c: c.move_clinic(first, last))
    push_edit(document, lambda c: c.remove_clinic(c.clinics[0].id))
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    while document.undo_stack.canRedo():
        document.undo_stack.redo()


def test_clinic_list_model(
    qtmodeltester: ModelTester, catalogue: Catalogue, example_file: Path
) -> None:
    document = OpenDocument(Comparison(catalogue))
    model = ClinicListModel(document)
    qtmodeltester.check(model)
    document.replace(load_comparison(example_file, catalogue))
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, 0).data() == "Harbor Light Ketamine Center (fictional)"
    comparison = document.comparison
    counted = counted_questions(comparison, "clinic-2")  # IV only: Spravato's REMS is set aside
    assert counted < len(comparison.questions())
    assert model.index(1, 1).data() == f"10 of {counted} ⚠4"
    spoken = model.index(1, 1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "4 red flags" in spoken
    aside = set_aside(comparison, "clinic-2")
    verb = "doesn't" if aside == 1 else "don't"
    assert f"{aside} {verb} apply to this clinic" in spoken
    _edit_everything(document)
    qtmodeltester.check(model)


def test_question_list_model(
    qtmodeltester: ModelTester, catalogue: Catalogue, example_file: Path
) -> None:
    document = _example(catalogue, example_file)
    model = QuestionListModel(document)
    qtmodeltester.check(model)  # nothing chosen yet: empty
    model.show("clinic-2", "evaluation")
    qtmodeltester.check(model)
    assert model.rowCount() == len(document.comparison.questions_in("evaluation"))
    text = model.index(3).data()
    assert text.startswith(document.comparison.question("evaluation-primary-care").text)
    assert "✓ 1 – Concerning" in text
    label = document.comparison.question("evaluation-primary-care").red_flag.label  # type: ignore[union-attr]
    assert f"⚠ RED FLAG: {label}" in text
    assert "Not asked yet" in model.index(1).data()
    _edit_everything(document)
    qtmodeltester.check(model)


def test_comparison_model(
    qtmodeltester: ModelTester, catalogue: Catalogue, example_file: Path
) -> None:
    empty = ComparisonTableModel(OpenDocument(Comparison(catalogue)))
    qtmodeltester.check(empty)
    assert empty.columnCount() == 1
    document = _example(catalogue, example_file)
    model = ComparisonTableModel(document)
    qtmodeltester.check(model)
    model.set_show_notes(True)
    model.set_sort_key(SORT_OVERALL)
    qtmodeltester.check(model)
    model.set_sort_key("cost")
    qtmodeltester.check(model)
    _edit_everything(document)
    qtmodeltester.check(model)
    kinds = {model.row(row).kind for row in range(model.rowCount())}
    assert kinds == set(RowKind)


def test_weights_model(
    qtmodeltester: ModelTester, catalogue: Catalogue, example_file: Path
) -> None:
    document = _example(catalogue, example_file)
    model = QuestionWeightsModel(document)
    qtmodeltester.check(model)
    index = model.index(0, WEIGHT_COLUMN)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, 2.5)
    assert index.data() == "2.5"
    question_id = document.comparison.questions()[0].id
    assert document.comparison.question_weight(question_id) == 2.5
    assert not model.setData(index, 101)  # beyond the largest weight: refused, nothing changes
    assert not model.setData(index, "heavy")
    assert document.comparison.question_weight(question_id) == 2.5
    document.undo_stack.undo()
    assert index.data() == "1"
    _edit_everything(document)
    qtmodeltester.check(model)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=comparisons(load_bundled_catalogue(), max_clinics=3))
def test_models_on_generated_documents(qtmodeltester: ModelTester, data: Comparison) -> None:
    document = OpenDocument(data)
    for model in (
        ClinicListModel(document),
        ComparisonTableModel(document),
        QuestionWeightsModel(document),
    ):
        qtmodeltester.check(model)
    grid = ComparisonTableModel(document)
    grid.set_show_notes(True)
    for row in range(grid.rowCount()):
        for column in range(grid.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                grid.index(row, column).data(role)
    for clinic in data.clinics:
        assert any(
            grid.headerData(c, Qt.Orientation.Horizontal, CLINIC_ID_ROLE) == clinic.id
            for c in range(grid.columnCount())
        )
        assert (
            grid.headerData(grid.column_of_clinic(clinic.id), Qt.Orientation.Horizontal)
            == clinic.name
        )
