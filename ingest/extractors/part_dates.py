"""The date a part of a document stands under, for facts that carry none of their own.

A web page's decision notice ("Regionstyrelsen godkände i dag …") is dated by the page: its
address (".../2023/…", ".../2021/10/05/…", "uppsnabbat-2020/vardstyrelsen-1-oktober", "mote-2020-03-04")
or its "publicerad 20 december 2023" / "Sammanträdesdatum" line. A part starts at a ``SOURCE:``
line or at the top of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.document import BlockKind, SourceDocument
from ingest.extractors.dates import iso_date, parse_swedish_date

_PATH_DATE = re.compile(
    r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)|(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_DATED_LINE = re.compile(
    r"\b(?:publicerad|publicerat|sammanträdesdatum|mötesdatum|datum|sammanträde)\b\s*:?\s*(?P<rest>.{4,40})",
    re.IGNORECASE,
)
_LOOK_AHEAD_BLOCKS = 8


@dataclass(frozen=True)
class PartDate:
    page: int
    start: int  # the part begins here (page, offset)
    date: str | None


def _url_date(url: str) -> str | None:
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip())
    found = _PATH_DATE.search(path)
    if found:
        year, month, day = found.group(1, 2, 3) if found.group(1) else found.group(4, 5, 6)
        return iso_date(int(year), int(month), int(day))
    words = re.sub(r"[/_\-.]+", " ", path)
    years = _YEAR.findall(words)
    default = int(years[0]) if years else None
    dated = parse_swedish_date(words, default)
    return dated or (str(default) if default else None)


def part_dates(document: SourceDocument) -> list[PartDate]:
    parts: list[PartDate] = []
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.FIELD or block.label != "SOURCE":
            continue
        date = None
        for later in blocks[index + 1 : index + 1 + _LOOK_AHEAD_BLOCKS]:
            if later.kind is BlockKind.FIELD and later.label == "SOURCE":
                break
            line = _DATED_LINE.search(later.text)
            if line:
                date = parse_swedish_date(line.group("rest"))
                if date:
                    break
        parts.append(PartDate(block.page, block.start, date or _url_date(block.text)))
    return parts


def date_at(parts: list[PartDate], page: int, offset: int) -> str | None:
    """The date of the part that (page, offset) stands in."""
    current = None
    for part in parts:
        if (part.page, part.start) <= (page, offset):
            current = part
    return current.date if current else None
