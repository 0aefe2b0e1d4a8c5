"""The HTML export: self-contained, strict CSP, every user string escaped, printable."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist.report.html import render_html, render_html_bytes
from ketachecklist.report.model import build_report
from tests.report.factory import HOSTILE_NAME, make_comparison
from tests.strategies import HOSTILE_SAMPLES, user_text

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section",
    "h1", "h2", "h3", "p", "table", "caption", "thead", "tbody", "tr", "th", "td", "span",
    "strong", "em", "br", "div", "dl", "dt", "dd", "ul", "li",
}  # fmt: skip


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


def test_only_known_tags_and_no_scripts_or_links() -> None:
    page = render_html(build_report(make_comparison(10)))
    parsed = parse(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    for _tag, attrs in parsed.tags:
        assert "src" not in attrs
        assert "href" not in attrs
        assert not any(name.startswith("on") for name in attrs)


def test_nothing_external_is_referenced() -> None:
    page = render_html(build_report(make_comparison(10)))
    markup = re.sub(r">[^<]*<", "><", page)  # the markup alone, without user text
    assert "http:" not in markup
    assert "https:" not in markup
    assert "//" not in markup.replace("<!DOCTYPE html>", "")
    assert "url(" not in page
    assert "@import" not in page


def test_strict_content_security_policy_pins_the_one_style_sheet() -> None:
    page = render_html(build_report(make_comparison(3)))
    csp = [a for t, a in parse(page).tags if t == "meta" and a.get("http-equiv")]
    assert len(csp) == 1
    policy = csp[0]["content"] or ""
    assert "default-src 'none'" in policy
    assert "style-src 'sha256-" in policy
    assert "script-src" not in policy
    assert page.count("<style>") == 1


def test_hostile_strings_are_escaped_and_shown_as_typed() -> None:
    comparison = make_comparison(10)
    page = render_html(build_report(comparison))
    assert "<b>Bold</b>" not in page
    assert "<script>" not in page
    assert html.escape(HOSTILE_NAME) in page
    text = " ".join(parse(page).text)
    assert HOSTILE_NAME in text
    assert "<script>alert('x')</script> they said no" in text
    for clinic in comparison.clinics:
        assert clinic.name in text


def test_every_question_and_clinic_and_notice() -> None:
    comparison = make_comparison(12)
    text = " ".join(" ".join(parse(render_html(build_report(comparison))).text).split())
    for question in comparison.questions():
        assert " ".join(question.text.split()) in text
    assert "This is not medical advice" in text
    assert "RED FLAG" in text


def test_print_stylesheet_repeats_headers_and_sets_the_page() -> None:
    page = render_html(build_report(make_comparison(10)))
    assert "@media print" in page
    assert "display: table-header-group" in page
    assert "landscape" in page
    assert "portrait" in render_html(build_report(make_comparison(2)))


def test_bytes_are_utf8() -> None:
    data = render_html_bytes(build_report(make_comparison(3)))
    assert "Zürich".encode() in data


@settings(max_examples=25, deadline=None)
@given(name=st.sampled_from(HOSTILE_SAMPLES) | user_text, said=user_text)
def test_any_user_text_never_becomes_markup(name: str, said: str) -> None:
    import dataclasses

    from ketachecklist.core.document import Answer

    comparison = make_comparison(1, decide=False)
    clinic = comparison.clinics[0]
    readable = name if name.strip() else "x"  # a clinic always has a name (edits refuse " ")
    comparison.update_clinic(dataclasses.replace(clinic, name=readable, notes=said))
    question = comparison.questions()[0]
    comparison.set_answer(clinic.id, question.id, Answer(rating=3, said=said))
    page = render_html(build_report(comparison))
    parsed = parse(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    assert all("src" not in a and "href" not in a for _, a in parsed.tags)


def test_an_empty_comparison_exports() -> None:
    report = build_report(make_comparison(0))
    page = render_html(report)
    assert "No clinics in this comparison yet." in page
    assert all(" ".join(q.text.split()) in " ".join(parse(page).text) for q in report.questions())
