"""Numbers typed the way the patient's locale writes them, and refused when they are unclear.

"1.234,50" is 1234.5 in German and "1,234.50" in American English; "1,5" means one and a half in
French but in English it is either a slip for 1.5 or for 15, so it is refused with an example
rather than guessed. A currency symbol around an amount is fine. The locale is the app's
default (``QLocale()``) unless one is given.
"""

from __future__ import annotations

import math
import re
import unicodedata

from PySide6.QtCore import QCoreApplication, QLocale

from ketachecklist.text import isolated

Number = int | float

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")
_SEPARATOR_LOOKALIKES = ".,'’\u066b\u066c"  # marks some locale uses to split a number


class NumberInputError(ValueError):
    """What is wrong with a typed number, as a sentence for the patient."""


def parse_number(
    text: str,
    *,
    whole: bool,
    maximum: float,
    money: bool = False,
    locale: QLocale | None = None,
) -> Number | None:
    """The number typed in ``text`` (None when empty); NumberInputError names what is wrong."""
    locale = QLocale() if locale is None else locale
    typed = text.strip()
    example = _example(locale, whole=whole, money=money)
    cleaned = _without_currency(typed, locale) if money else typed
    cleaned = _SPACES.sub("", cleaned)
    if not cleaned:
        return None
    negative = cleaned[0] in ("-", "\u2212", locale.negativeSign())
    digits = cleaned[1:] if negative else cleaned
    if not any(ch.isdecimal() for ch in digits) or not all(
        ch.isdecimal() or ch in _SEPARATOR_LOOKALIKES for ch in digits
    ):
        raise _problem(_not_a_number(money=money, whole=whole), typed, example)
    magnitude = _read_digits(digits, locale)
    if magnitude is None:
        raise _problem(
            QCoreApplication.translate(
                "NumberParsing", "“{typed}” is unclear: {how}. Type a number such as {example}."
            ),
            typed,
            example,
            how=_how_this_locale_writes_numbers(locale),
        )
    value = -magnitude if negative else magnitude
    if not math.isfinite(value):
        raise _problem(
            QCoreApplication.translate(
                "NumberParsing", "“{typed}” is not a number. Type one such as {example}."
            ),
            typed,
            example,
        )
    if value < 0:
        raise _problem(
            QCoreApplication.translate(
                "NumberParsing", "“{typed}” is below zero. Type a number such as {example}."
            ),
            typed,
            example,
        )
    if value > maximum:
        grouped = QLocale(locale)
        grouped.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)  # C omits them
        limit = grouped.toString(round(maximum))
        shown = f"${limit}" if money else limit
        raise _problem(
            QCoreApplication.translate(
                "NumberParsing", "“{typed}” is more than {most}, the most this can record."
            ),
            typed,
            example,
            most=shown,
        )
    if whole:
        if value != int(value):
            raise _problem(
                QCoreApplication.translate(
                    "NumberParsing",
                    "“{typed}” is not a whole number. Type a whole number such as {example}.",
                ),
                typed,
                example,
            )
        return int(value)
    return value


def _problem(template: str, typed: str, example: str, **more: str) -> NumberInputError:
    # What was typed is the user's text inside our sentence: isolated (ketachecklist/text.py).
    return NumberInputError(template.format(typed=isolated(typed), example=example, **more))


def _not_a_number(*, money: bool, whole: bool) -> str:
    if money:
        return QCoreApplication.translate(
            "NumberParsing", "“{typed}” is not an amount. Type a number such as {example}."
        )
    if whole:
        return QCoreApplication.translate(
            "NumberParsing", "“{typed}” is not a whole number. Type a number such as {example}."
        )
    return QCoreApplication.translate(
        "NumberParsing", "“{typed}” is not a number. Type a number such as {example}."
    )


def number_as_text(value: Number | None, *, money: bool, locale: QLocale | None = None) -> str:
    """A recorded number as the box shows it, in the locale's digits (no thousands marks)."""
    if value is None:
        return ""
    plain = _plain(QLocale() if locale is None else locale)
    if money:
        text = plain.toString(float(value), "f", 2)
        zero_cents = plain.decimalPoint() + "00"
        return text.removesuffix(zero_cents)
    if isinstance(value, float) and value != int(value):
        return plain.toString(value, "g", 15)
    return plain.toString(int(value))


def _read_digits(digits: str, locale: QLocale) -> float | None:
    """The value of digits with the locale's separators, or None when they are unclear."""
    decimal, group = locale.decimalPoint(), locale.groupSeparator()
    if _SPACES.fullmatch(group):
        group = ""  # spaces were already taken out
    if digits.count(decimal) > 1:
        return None
    whole_part, _, fraction = digits.partition(decimal)
    if any(ch in _SEPARATOR_LOOKALIKES for ch in fraction):
        return None  # "1.234,5" where "." is the decimal point
    if any(ch in _SEPARATOR_LOOKALIKES and ch != group for ch in whole_part):
        return None  # "1.5" where "," is the decimal point and "." means nothing
    if group and group in whole_part and not _grouped_well(whole_part, group, locale):
        return None  # "1,5" or "475,50" where "," separates thousands
    number = whole_part.replace(group, "") if group else whole_part
    if not number and not fraction:
        return None
    return float(f"{_ascii(number) or '0'}.{_ascii(fraction) or '0'}")


def _grouped_well(whole_part: str, group: str, locale: QLocale) -> bool:
    """Thousands marks where the locale puts them (1,234,567 or India's 12,34,567)."""
    groups = whole_part.split(group)
    if not all(groups):
        return False
    if 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return True
    value = int(_ascii(whole_part.replace(group, "")))
    return locale.toString(value) == whole_part


def _ascii(digits: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) for ch in digits)


def _without_currency(text: str, locale: QLocale) -> str:
    for symbol in (
        locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol),
        locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode),
        "US$",
        "USD",
    ):
        if symbol:
            text = text.replace(symbol, "")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Sc")


def _plain(locale: QLocale) -> QLocale:
    plain = QLocale(locale)
    plain.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return plain


def _example(locale: QLocale, *, whole: bool, money: bool) -> str:
    if money:
        return QCoreApplication.translate("NumberParsing", "{whole} or {cents}").format(
            whole=_plain(locale).toString(475), cents=_plain(locale).toString(475.5, "f", 2)
        )
    return "6" if whole else _plain(locale).toString(1.5, "f", 1)


def _how_this_locale_writes_numbers(locale: QLocale) -> str:
    decimal, group = locale.decimalPoint(), locale.groupSeparator()
    if _SPACES.fullmatch(group):
        return QCoreApplication.translate(
            "NumberParsing",
            "numbers here use “{decimal}” for the decimals and thousands are set apart with a "
            "space",
        ).format(decimal=decimal)
    return QCoreApplication.translate(
        "NumberParsing",
        "numbers here use “{decimal}” for the decimals and “{group}” separates thousands",
    ).format(decimal=decimal, group=group)
