"""Control characters out of what every reader read: one place for text, Markdown, HTML, PDF and DOCX.

A NUL or another C0 control character inside a word ("Projekt\\x00et", a PDF font's unmapped glyph) is
not text: left in, it splits the word and the halves are read as names. They are removed, so the word
is whole again; tab, newline, carriage return and form feed (a page break in text) stay, and a vertical
tab (a line break in text copied from Word) becomes a newline. Offsets into the page text (a table's
``start``) are moved with the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from domain.document import Page

_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def remove_controls(text: str) -> str:
    """``text`` without control characters, and a vertical tab as a newline."""
    return _CONTROLS.sub("", text.replace("\v", "\n"))


def clean_pages(pages: list[Page]) -> None:
    """Remove control characters from each page's text, table cells and marked headings, in place."""
    for page in pages:
        removed = [match.start() for match in _CONTROLS.finditer(page.text)]
        page.text = remove_controls(page.text)
        for table in page.tables:
            if table.start >= 0:
                table.start -= bisect_left(removed, table.start)
            table.rows = [[remove_controls(cell) for cell in row] for row in table.rows]
        page.marked_headings = {remove_controls(text): level for text, level in page.marked_headings.items()}
