"""`ketachecklist sheet FILE [--clinic NAME] [-o OUT] [--page-size a4|letter]`.

Writes the consultation sheet as a PDF: for the clinic named (with what was recorded so far),
or a blank one to take to a clinic not in the comparison yet. Headless, atomic, exit 0 or 2
with one clear line, like `export`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ketachecklist.commands.export import (
    EXIT_OK,
    add_output_options,
    fail,
    file_error_line,
    load,
    output_path,
)
from ketachecklist.commands.registration import add_command
from ketachecklist.commands.validate import backup_line
from ketachecklist.core.errors import FileFormatError
from ketachecklist.report.model import PageSize, build_sheet, default_page_size, find_clinic
from ketachecklist.report.output import (
    ExportRefusedError,
    default_sheet_path,
    export_error_message,
    export_refusal,
    write_output,
)
from ketachecklist.text import tr

NAME = "sheet"


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        NAME,
        run,
        help=tr("write a printable consultation sheet (PDF) for one clinic, or a blank one"),
        description=tr(
            "Write a consultation sheet to take to a phone call or a visit: every "
            "question, why it matters, what was recorded so far and room to write. Without "
            "--clinic the sheet is blank. Not medical advice."
        ),
    )
    parser.add_argument("file", type=Path, help=tr("a comparison .yaml file"))
    parser.add_argument(
        "--clinic", metavar="NAME", help=tr("the clinic's name, as in the comparison (or its id)")
    )
    add_output_options(parser, tr("FILE-sheet-CLINIC.pdf beside FILE"))


def run(args: argparse.Namespace) -> int:
    source: Path = args.file
    try:
        comparison = load(source, with_qt=True)
    except FileFormatError as error:
        return fail(file_error_line(error) + backup_line(source))
    clinic_id = None
    clinic_name = None
    if args.clinic is not None:
        clinic = find_clinic(comparison, args.clinic)
        if clinic is None:
            quoted = [tr("“{name}”").format(name=_one_line(c.name)) for c in comparison.clinics]
            return fail(
                tr("no clinic called “{name}” in {file}. Clinics: {names}").format(
                    name=_one_line(args.clinic),
                    file=source.name,
                    names="; ".join(quoted) or tr("none yet"),
                )
            )
        clinic_id, clinic_name = clinic.id, clinic.name
    target = output_path(args.output, default_sheet_path(source, clinic_name))
    refusal = export_refusal(target, source)
    if refusal is not None:  # before rendering: say so at once
        return fail(export_error_message(ExportRefusedError(refusal), target))
    page_size = PageSize(args.page_size) if args.page_size else default_page_size()
    sheet = build_sheet(comparison, clinic_id, source_name=source.name, page_size=page_size)
    from ketachecklist.qt.gui_application import ensure_gui_application  # noqa: PLC0415

    ensure_gui_application()
    from ketachecklist.report.sheet import render_sheet_pdf  # noqa: PLC0415

    try:
        data = render_sheet_pdf(sheet)
    except RuntimeError as error:  # Qt could not draw the pages
        return fail(export_error_message(error, target))
    try:
        write_output(target, data, source)
    except OSError as error:
        return fail(export_error_message(error, target))
    if clinic_name:
        wrote = tr("Wrote {path}: consultation sheet for {clinic}")
    else:
        wrote = tr("Wrote {path}: consultation sheet (blank)")
    print(wrote.format(path=target, clinic=clinic_name))
    return EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(text.split())
