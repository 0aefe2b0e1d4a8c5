"""The price ranges the sources quote (data/questions.yaml ``price_ranges``): read, validated
line by line, and the same figures as the sourced cost facts the information section prints."""

from __future__ import annotations

import pytest

from ketachecklist.core.catalogue import PriceRange, load_bundled_catalogue, parse_catalogue
from ketachecklist.core.errors import FileFormatError
from tests.core.test_catalogue_loader import MINIMAL


def with_ranges(block: str) -> bytes:
    return (MINIMAL + "price_ranges:\n" + block).encode()


def errors_of(block: str) -> list[str]:
    with pytest.raises(FileFormatError) as caught:
        parse_catalogue(with_ranges(block), "questions.yaml")
    return str(caught.value).splitlines()


def test_the_bundled_catalogue_quotes_the_sources_figures() -> None:
    catalogue = load_bundled_catalogue()
    assert catalogue.price_ranges == (
        PriceRange(350, 1000, "infusion", "verywell"),
        PriceRange(495, 570, "infusion", "draxe", year=2019, about=True),
    )
    facts = next(s for s in catalogue.information if s.id == "cost-and-course-facts")
    quoted = dict(zip(facts.items, facts.item_sources, strict=True))
    # Each range is printed, with the same source, among the sourced cost facts.
    assert any("$350 to $1,000 per infusion" in t and s == "verywell" for t, s in quoted.items())
    assert any("$495 to $570 per infusion" in t and s == "draxe" for t, s in quoted.items())
    assert any("2019" in t for t, s in quoted.items() if s == "draxe" and "$495" in t)


def test_a_range_is_read_with_its_source() -> None:
    block = "  - {low: 350, high: 1000, per: infusion, source: verywell}\n"
    catalogue = parse_catalogue(with_ranges(block), "questions.yaml")
    assert catalogue.price_ranges == (PriceRange(350, 1000, "infusion", "verywell"),)


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        (
            "  - {low: 350, high: 1000, per: infusion, source: nowhere}\n",
            "unknown source 'nowhere'",
        ),
        ("  - {low: 900, high: 100, per: infusion, source: verywell}\n", "'low' (900) is above"),
        ("  - {high: 100, per: infusion, source: verywell}\n", "needs both 'low' and 'high'"),
        ("  - {low: cheap, high: 100, per: infusion, source: verywell}\n", "'low' must be a"),
        ("  - {low: 1, high: 2, per: infusion, source: verywell, year: 1850}\n", "'year' must"),
        ("  - {low: 1, high: 2, per: infusion, source: verywell, cents: 5}\n", "unknown field"),
        ("  - {low: 1, high: 2, source: verywell}\n", "has no per"),
        ("  - just text\n", "must be a mapping"),
    ],
)
def test_a_bad_range_is_refused_naming_the_line(block: str, problem: str) -> None:
    errors = errors_of(block)
    assert any(problem in e and "price range 1" in e for e in errors), errors
    assert any("line" in e for e in errors), errors
