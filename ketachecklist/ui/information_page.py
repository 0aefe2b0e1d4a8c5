"""Before your consultation: crisis help first, then the APA's pre-treatment steps, conditions
that interfere with treatment, side effects to ask about and warning signs, each with its source.

The text is built with QTextCursor calls, never from HTML, so nothing in it is read as markup.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QFont,
    QShowEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ketachecklist import CRISIS_HELP, QT_TRANSLATE_NOOP
from ketachecklist.core.catalogue import Catalogue, InfoSection
from ketachecklist.present.text import tr

TITLE = QT_TRANSLATE_NOOP("InformationPage", "Before your consultation")
SECTION_ORDER = (
    "apa-pretreatment-steps",
    "interfering-conditions",
    "side-effects",
    "warning-signs",
)


class InformationPage(QWidget):
    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr(TITLE))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self._shown = False
        self._build()

    def sections(self) -> list[InfoSection]:
        known = {section.id: section for section in self.catalogue.information}
        first = [known[section_id] for section_id in SECTION_ORDER if section_id in known]
        return first + [s for s in self.catalogue.information if s.id not in SECTION_ORDER]

    def _build(self) -> None:
        document = self.browser.document()
        document.clear()
        cursor = QTextCursor(document)
        base = QTextCharFormat()
        size = self.font().pointSizeF()
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        subheading = QTextCharFormat()
        subheading.setFontWeight(QFont.Weight.Bold)
        if size > 0:  # relative to the system font, so text scales with it
            heading.setFontPointSize(size * 1.5)
            subheading.setFontPointSize(size * 1.15)
        muted = QTextCharFormat()
        muted.setFontItalic(True)
        spaced = QTextBlockFormat()
        spaced.setTopMargin(self.fontMetrics().lineSpacing())
        # Headings are marked as such (level 1 and 2), not only drawn large and bold.
        title_block = QTextBlockFormat()
        title_block.setHeadingLevel(1)
        section_block = QTextBlockFormat(spaced)
        section_block.setHeadingLevel(2)

        cursor.setBlockFormat(title_block)
        cursor.insertText(self.tr(TITLE), heading)
        cursor.insertBlock(QTextBlockFormat(), base)
        introduction = self.tr(
            "What the sources say to check and to ask about before ketamine treatment. Read it "
            "with someone you trust, and take your questions to the clinic and to your own "
            "doctor. This is not medical advice."
        )
        cursor.insertText(introduction, base)
        crisis = QTextCharFormat()
        crisis.setFontWeight(QFont.Weight.Bold)
        cursor.insertBlock(spaced, crisis)
        cursor.insertText(tr(CRISIS_HELP), crisis)
        for section in self.sections():
            cursor.insertBlock(section_block, subheading)
            cursor.insertText(section.title, subheading)
            list_format = QTextListFormat()
            list_format.setStyle(QTextListFormat.Style.ListDisc)
            for position, item in enumerate(section.items):
                if position == 0:
                    cursor.insertBlock(QTextBlockFormat(), base)
                    cursor.createList(list_format)
                else:
                    cursor.insertBlock()
                cursor.insertText(item, base)
            # Cited under the section only when an item rests on its source; an item with a
            # source of its own already ends with it.
            source_id = section.shared_source
            source = self.catalogue.source(source_id) if source_id else None
            citation = source.citation if source is not None else source_id
            words = [self.tr("Source: {citation}.").format(citation=citation)] if citation else []
            if section.note:
                words.append(section.note)
            if words:
                cursor.insertBlock(QTextBlockFormat(), muted)
                cursor.insertText(" ".join(words), muted)
        cursor.insertBlock(section_block, subheading)
        cursor.insertText(self.tr("Sources"), subheading)
        for position, source in enumerate(self.catalogue.sources):
            if position == 0:
                cursor.insertBlock(QTextBlockFormat(), base)
                cursor.createList(QTextListFormat.Style.ListDecimal)
            else:
                cursor.insertBlock()
            note = f" {source.note}" if source.note else ""
            cursor.insertText(f"{source.citation}.{note}", base)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.browser.setAccessibleDescription(
            self.tr("Headings: {headings}").format(headings="; ".join(self.headings()))
        )

    def headings(self) -> list[str]:
        """The text of every block marked as a heading, in order."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.append(block.text())
            block = block.next()
        return found

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # the first time, the page opens at its top
            self._shown = True
            self.browser.verticalScrollBar().setValue(0)
