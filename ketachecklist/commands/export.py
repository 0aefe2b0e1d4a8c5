"""`ketachecklist export FILE --format pdf|html|csv [-o OUT] [--page-size a4|letter]`.

Headless: HTML and CSV need no Qt at all; the PDF uses QtGui on the offscreen platform when
there is no display. The output is rendered in memory and written atomically, so a failure
never leaves a half-written file. Exit 0 on success; a bad file, option or output gives one
clear line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ketachecklist.commands.registration import add_command
from ketachecklist.commands.validate import backup_line
from ketachecklist.core.catalogue import Catalogue, load_bundled_catalogue
from ketachecklist.core.document import Comparison
from ketachecklist.core.errors import FileFormatError
from ketachecklist.core.storage import load_comparison
from ketachecklist.present.numbers import plural
from ketachecklist.report.model import PageSize, build_report, default_page_size
from ketachecklist.report.output import (
    ExportFormat,
    ExportRefusedError,
    RenderError,
    default_export_path,
    export_error_message,
    export_refusal,
    render,
    write_output,
)
from ketachecklist.text import tr

NAME = "export"
EXIT_OK = 0
EXIT_FAILED = 2


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        NAME,
        run,
        help=tr("write the comparison as a PDF report, HTML or CSV (no display needed)"),
        description=tr(
            "Write the comparison as a PDF report, a self-contained HTML file or a "
            "CSV spreadsheet. Not medical advice."
        ),
    )
    parser.add_argument("file", type=Path, help=tr("a comparison .yaml file"))
    add_format_options(parser)


def add_format_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=[f.value for f in ExportFormat],
        help=tr("pdf, html or csv (default: from the output's suffix, otherwise pdf)"),
    )
    add_output_options(parser, tr("FILE with .pdf, .html or .csv"))


def add_output_options(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help=tr("where to write (default: {default})").format(default=default),
    )
    parser.add_argument(
        "--page-size",
        choices=[s.value for s in PageSize],
        help=tr("paper size for PDF and printing (default: from your locale)"),
    )


def fail(message: str) -> int:
    sys.stderr.write(tr("ketachecklist: {message}").format(message=message) + "\n")
    return EXIT_FAILED


def load(path: Path, *, with_qt: bool = False) -> Comparison:
    """The comparison in ``path``; FileFormatError (one line per problem) if it is not one.

    ``with_qt``: the command loads Qt anyway (a PDF), so the bundled catalogue is read through
    the app's parsed copy in its private folder (``core.yaml_cache``, found with QtCore's
    paths) rather than parsed from YAML again; the validation is the same."""
    return load_comparison(path, _catalogue(with_qt))


def _catalogue(with_qt: bool) -> Catalogue:
    if not with_qt:
        return load_bundled_catalogue()
    from ketachecklist import paths  # noqa: PLC0415 - QtCore: only when Qt is loaded anyway

    try:
        cache = paths.catalogue_cache_path()
    except OSError:  # no private folder (a read-only or missing home): parse the YAML
        return load_bundled_catalogue()
    return load_bundled_catalogue(cache)


def file_error_line(error: FileFormatError) -> str:
    """One line for a bad file: its first problem, and how many more there are."""
    first = error.problems[0].render(error.source)
    more = error.count - 1
    if more:
        return tr("{problem} (and {count} more; 'ketachecklist validate FILE' lists them)").format(
            problem=first, count=f"{more:,}"
        )
    return first


def output_path(requested: Path | None, default: Path) -> Path:
    """``-o`` as given, a folder given as ``-o`` holding the default name, or the default."""
    if requested is None:
        return default
    if requested.is_dir():
        return requested / default.name
    return requested


def run(args: argparse.Namespace) -> int:
    source: Path = args.file
    requested: Path | None = args.output
    export_format = (
        ExportFormat(args.format)
        if args.format
        else (ExportFormat.from_suffix(requested) if requested else None) or ExportFormat.PDF
    )
    try:
        comparison = load(source, with_qt=export_format is ExportFormat.PDF)
    except FileFormatError as error:
        return fail(file_error_line(error) + backup_line(source))
    target = output_path(requested, default_export_path(source, export_format))
    refusal = export_refusal(target, source)
    if refusal is not None:  # before rendering: say so at once
        return fail(export_error_message(ExportRefusedError(refusal), target))
    page_size = PageSize(args.page_size) if args.page_size else default_page_size()
    report = build_report(comparison, source_name=source.name, page_size=page_size)
    try:
        data = render(report, export_format)
    except RenderError as error:
        return fail(export_error_message(error, target))
    try:
        write_output(target, data, source)
    except OSError as error:
        return fail(export_error_message(error, target))
    clinics = plural(len(report.clinics), tr("%n clinic"), tr("%n clinics"))
    print(
        tr("Wrote {path} ({format}, {clinics})").format(
            path=target, format=export_format.label, clinics=clinics
        )
    )
    return EXIT_OK
