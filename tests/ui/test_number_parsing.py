"""Numbers typed in the patient's locale: its decimal and thousands marks and a currency symbol
are read; what could mean two things is refused with an example written the locale's way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from ketachecklist.core.limits import MAX_COUNT, MAX_MONEY
from ketachecklist.ui.number_field import NumberField
from ketachecklist.ui.number_parsing import NumberInputError, number_as_text, parse_number

LOCALES = ["en_US", "de_DE", "fr_FR", "en_GB", "de_CH", "en_IN", "es_ES", "C"]
locales = st.sampled_from(LOCALES).map(QLocale)
cents = st.integers(0, int(MAX_MONEY * 100)).map(lambda c: c / 100)


def money(text: str, locale: str) -> float | int | None:
    return parse_number(text, whole=False, maximum=MAX_MONEY, money=True, locale=QLocale(locale))


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        ("€475,50", "de_DE", 475.5),
        ("475,50 €", "de_DE", 475.5),
        ("1.234,50", "de_DE", 1234.5),
        ("1.234", "de_DE", 1234),
        ("1 234,50 €", "fr_FR", 1234.5),
        ("1\u202f234,5", "fr_FR", 1234.5),
        ("$1,234.50", "en_US", 1234.5),
        ("£1,200", "en_GB", 1200),
        ("1,200.5", "en_GB", 1200.5),
        ("CHF 1'234.50", "de_CH", 1234.5),
        ("₹12,34,567", "en_IN", 1234567),
        (" 6 ", "en_US", 6),
        ("475.", "en_US", 475),
        ("", "de_DE", None),
    ],
)
def test_amounts_typed_the_locales_way(text: str, locale: str, value: float | None) -> None:
    assert money(text, locale) == value


@pytest.mark.parametrize(
    ("text", "locale", "example"),
    [
        ("1,5", "en_US", "475.50"),
        ("475,50", "en_GB", "475.50"),
        ("1.234,5", "en_US", "475.50"),
        ("1.5", "de_DE", "475,50"),
        ("1,2,3", "de_DE", "475,50"),
        ("1.5", "fr_FR", "475,50"),
        ("1,5", "C", "475.50"),
    ],
)
def test_unclear_numbers_are_refused_with_an_example(text: str, locale: str, example: str) -> None:
    with pytest.raises(NumberInputError) as refused:
        money(text, locale)
    message = str(refused.value)
    assert f"“{text}” is unclear" in message
    assert example in message
    assert f"“{QLocale(locale).decimalPoint()}” for the decimals" in message


def test_one_and_a_half_typed_the_other_way_is_refused_in_the_locales_words() -> None:
    with pytest.raises(NumberInputError, match=r"“1,5” is unclear.*such as 1\.5"):
        parse_number("1,5", whole=False, maximum=100, locale=QLocale("en_US"))
    with pytest.raises(NumberInputError, match="Type a number such as 1,5"):
        parse_number("1.5", whole=False, maximum=100, locale=QLocale("de_DE"))
    with pytest.raises(NumberInputError, match="not a whole number"):
        parse_number("1,5", whole=True, maximum=100, locale=QLocale("de_DE"))
    with pytest.raises(NumberInputError, match="below zero"):
        parse_number("-2", whole=True, maximum=100, locale=QLocale("en_US"))
    with pytest.raises(NumberInputError, match=r"more than 1\.000\.000\.000"):
        parse_number("2000000000", whole=True, maximum=MAX_COUNT, locale=QLocale("de_DE"))
    with pytest.raises(NumberInputError, match="“12x” is not a whole number"):
        parse_number("12x", whole=True, maximum=100, locale=QLocale("en_US"))


@given(locale=locales, value=cents)
def test_what_the_locale_writes_reads_back(locale: QLocale, value: float) -> None:
    """With thousands marks, as a currency string, and as the box shows a recorded amount."""
    for text in (
        locale.toString(value, "f", 2),
        locale.toCurrencyString(value),
        number_as_text(value, money=True, locale=locale),
    ):
        parsed = parse_number(text, whole=False, maximum=MAX_MONEY, money=True, locale=locale)
        assert parsed == pytest.approx(value, abs=1e-9), text


@given(locale=locales, value=st.integers(0, MAX_COUNT))
def test_whole_numbers_read_back(locale: QLocale, value: int) -> None:
    for text in (locale.toString(value), number_as_text(value, money=False, locale=locale)):
        assert parse_number(text, whole=True, maximum=MAX_COUNT, locale=locale) == value


@given(locale=locales, text=st.text(alphabet="0123456789.,'’ -$€£", max_size=14))
def test_any_typing_is_read_as_qt_reads_it_or_explained(locale: QLocale, text: str) -> None:
    """Never another error; and when Qt reads the same digits, both read the same number."""
    try:
        value = parse_number(text, whole=False, maximum=1e12, money=True, locale=locale)
    except NumberInputError as problem:
        message = str(problem)
        assert f"“{text.strip()}”" in message
        return
    if value is None:
        return
    qt_value, ok = locale.toDouble("".join(ch for ch in text if ch not in "$€£ ").replace(" ", ""))
    if ok:
        assert value == pytest.approx(qt_value)


def test_the_field_shows_and_reads_the_locales_numbers(qtbot: QtBot) -> None:
    field = NumberField(
        "Price", whole=False, maximum=MAX_MONEY, money=True, locale=QLocale("de_DE")
    )
    qtbot.add_widget(field)
    values: list[object] = []
    field.value_edited.connect(values.append)
    field.set_value(475.5)
    assert field.line_edit.text() == "475,50"
    field.line_edit.clear()
    qtbot.keyClicks(field.line_edit, "1.234,5")
    assert values[-1] == 1234.5
    qtbot.keyClicks(field.line_edit, ".6")
    assert field.message.has_problem
    assert "“1.234,5.6”" in field.message.text()
    assert values[-1] == 1234.5  # the last good value is what is recorded


def test_the_app_default_locale_is_used_when_none_is_given() -> None:
    saved = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        assert parse_number("2,5", whole=False, maximum=10) == 2.5
        assert number_as_text(2.5, money=True) == "2,50"
    finally:
        QLocale.setDefault(saved)
    assert parse_number("2.5", whole=False, maximum=10) == 2.5
