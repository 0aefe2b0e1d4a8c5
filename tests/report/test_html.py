"""The HTML export: self-contained, strict CSP, every user string escaped, printable."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from ketachecklist import CRISIS_HELP
from ketachecklist.report.html import render_html, render_html_bytes
from ketachecklist.report.html_style import css_string
from ketachecklist.report.model import (
    CRISIS_POINTER,
    NOT_MEDICAL_ADVICE,
    build_report,
    printable_text,
)
from tests.report.factory import HOSTILE_NAME, make_comparison
from tests.strategies import HOSTILE_SAMPLES, user_text

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section",
    "h1", "h2", "h3", "p", "table", "caption", "thead", "tbody", "tr", "th", "td", "span",
    "strong", "em", "br", "div", "dl", "dt", "dd", "ul", "li",
}  # fmt: skip
# The charts' inline SVG (report/chart_svg.py): shapes, text and hatch patterns only.
SVG_TAGS = {"svg", "desc", "defs", "pattern", "path", "circle", "rect", "line", "text"}


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
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS | SVG_TAGS
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
    # The one use of url(): a chart's bar filled with a hatch pattern defined in the same page.
    references = re.findall(r"url\(([^)]*)\)", page)
    assert references
    defined = set(re.findall(r'<pattern id="([^"]+)"', page))
    assert {ref.removeprefix("#") for ref in references} <= defined
    assert all(ref.startswith("#") for ref in references)
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
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS | SVG_TAGS
    assert all("src" not in a and "href" not in a for _, a in parsed.tags)


def test_an_empty_comparison_exports() -> None:
    report = build_report(make_comparison(0))
    page = render_html(report)
    assert "No clinics in this comparison yet." in page
    assert all(" ".join(q.text.split()) in " ".join(parse(page).text) for q in report.questions())


def _style_sheet(page: str) -> str:
    return page[page.index("<style>") + len("<style>") : page.index("</style>")]


def _block(css: str, opening: str) -> str:
    """The body of the at-rule that starts with ``opening``, up to its matching brace."""
    start = css.index(opening)
    depth = 0
    for position in range(css.index("{", start), len(css)):
        depth += {"{": 1, "}": -1}.get(css[position], 0)
        if depth == 0:
            return css[start : position + 1]
    raise AssertionError(f"unclosed {opening}")


def _points(css: str, selector: str) -> float:
    match = re.search(re.escape(selector) + r"\s*\{[^}]*font-size:\s*([\d.]+)pt", css)
    assert match, selector
    return float(match.group(1))


def test_crisis_help_is_on_the_first_screen_and_the_pointer_in_the_footer() -> None:
    report = build_report(make_comparison(3))
    page = render_html(report)
    assert f'<p class="crisis">{html.escape(CRISIS_HELP)}</p>' in page
    assert page.index(html.escape(CRISIS_HELP)) < page.index("<main>")  # before any table
    footer = page[page.index("<footer>") : page.index("</footer>")]
    assert html.escape(CRISIS_POINTER) in footer
    assert NOT_MEDICAL_ADVICE in footer


def test_printed_pages_carry_notice_crisis_pointer_and_page_number_in_the_margin() -> None:
    page = render_html(build_report(make_comparison(10)))
    css = _style_sheet(page)
    assert "position: fixed" not in css.replace("position:fixed", "position: fixed")
    assert "position: absolute" not in css
    margin = _block(css, "@page")
    assert css_string(f"{NOT_MEDICAL_ADVICE} · {CRISIS_POINTER}") in margin
    assert "@bottom-center" in margin
    assert 'counter(page) " of " counter(pages)' in margin
    assert re.search(r"margin: 14mm 12mm 18mm", margin)  # room for the boxes below the text


def test_print_type_sizes_are_for_older_eyes() -> None:
    css = _style_sheet(render_html(build_report(make_comparison(3))))
    printing = _block(css, "@media print")
    assert _points(printing, "body") >= 11
    assert _points(printing, "table") >= 10
    assert _points(printing, "caption, .qnote, .basis, footer") >= 9
    sizes = [float(s) for s in re.findall(r"font(?:-size)?:\s*([\d.]+)pt", printing)]
    assert sizes
    assert min(sizes) >= 9
    for relative in re.findall(r"font-size:\s*([\d.]+)em", css):  # screen: of an 11 pt body
        assert float(relative) * 11 >= 9


def test_on_a_phone_width_screen_each_clinic_comes_one_under_another() -> None:
    css = _style_sheet(render_html(build_report(make_comparison(5))))
    narrow = _block(css, "@media screen and (max-width: 600px)")
    assert re.search(r"table, thead, tbody, tr, th, td, caption \{ display: block;", narrow)
    assert "thead { display: none; }" in narrow
    assert "content: attr(data-label)" in narrow
    assert "script" not in css
    assert "url(" not in css


def test_every_clinic_cell_is_labelled_with_its_clinic_as_plain_data() -> None:
    comparison = make_comparison(7)
    report = build_report(comparison)
    parsed = parse(render_html(report))
    cells = [a for t, a in parsed.tags if t == "td"]
    labels = {a["data-label"] for a in cells if a.get("data-label")}
    for column in report.clinics:
        assert f"{column.rank_text} · {column.name}" in labels  # the hostile names as typed
    questions = len(report.questions()) + len(report.sets) + len(report.totals)
    named = [a for a in cells if (a.get("data-label") or "").endswith(report.clinics[0].name)]
    assert len(named) == questions  # every answer, set score and total of that clinic


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(HOSTILE_SAMPLES) | user_text)
def test_a_clinic_label_never_becomes_markup(name: str) -> None:
    import dataclasses

    comparison = make_comparison(1, decide=False)
    clinic = comparison.clinics[0]
    comparison.update_clinic(dataclasses.replace(clinic, name=name if name.strip() else "x"))
    report = build_report(comparison)
    parsed = parse(render_html(report))
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS | SVG_TAGS
    column = report.clinics[0]
    labels = {a.get("data-label") for t, a in parsed.tags if t == "td"}
    assert printable_text(f"{column.rank_text} · {column.name}") in labels


def _css_unescape(quoted: str) -> str:
    assert quoted[0] == quoted[-1] == '"'
    body = quoted[1:-1]
    assert not set('"<\n') & set(body)
    return re.sub(r"\\([0-9a-f]{1,6}) ", lambda m: chr(int(m.group(1), 16)), body)


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_css_strings_hold_any_text_and_cannot_close_the_style_sheet(text: str) -> None:
    quoted = css_string(text)
    assert "</style" not in quoted.lower()
    assert _css_unescape(quoted) == text
