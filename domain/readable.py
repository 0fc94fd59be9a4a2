"""What a reader sees of a node: Swedish titles, no bookkeeping, values as people write them.

The one place that decides how stored properties are shown on the reading pages (ui.detail and the
pages that list nodes): which keys are shown at all (those with a title in ``domain.titles`` and not
bookkeeping), booleans as "ja"/"nej", lists joined, dates as "2 december 2026" and timestamps as
"2 december 2026 kl. 14.05" (Swedish time), and document text as plain text: no HTML tags, no
Markdown emphasis, no "TITLE:" labels.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from domain import titles

MONTHS: tuple[str, ...] = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
LOCAL_TIME = ZoneInfo("Europe/Stockholm")
# the properties that hold a date or a time (their values are shown as people write dates)
DATE_PROPERTIES: frozenset[str] = frozenset(
    {"start", "end", "date", "reviewed_at", "ingested_at", "computed_at", "created_at", "updated_at"}
)

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BREAK = re.compile(r"<br\s*/?>|</p>", re.IGNORECASE)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"
)
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`([^`\n]*)`")
_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^)\s]+)\)")
_LINE_MARK = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+•][ \t]+)", re.MULTILINE)
_LONE_MARK = re.compile(r"\*+(?=\w)|(?<=[\w.,;:!?])\*+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
_LABEL = re.compile(r"^\s*(?:TITLE|TITEL|RUBRIK|SOURCE|KÄLLA)\s*:\s*", re.IGNORECASE)


# --- dates ---------------------------------------------------------------------------------------


def swedish_date(value: Any) -> str:
    """A date as people write it: "2026-12-02" → "2 december 2026", "2026-12" → "december 2026",
    a timestamp → "2 december 2026 kl. 14.05" in Swedish time. Other text is returned as it is."""
    if isinstance(value, datetime):
        return _timestamp(value)
    if isinstance(value, date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    text = str(value if value is not None else "").strip()
    if day := _DAY.match(text):
        year, month, number = (int(part) for part in day.groups())
        try:
            return swedish_date(date(year, month, number))
        except ValueError:
            return text
    if month_only := _MONTH.match(text):
        year, month = int(month_only.group(1)), int(month_only.group(2))
        return f"{MONTHS[month - 1]} {year}" if 1 <= month <= 12 else text
    if _TIMESTAMP.match(text):
        try:
            return _timestamp(datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            return text
    return text


def _timestamp(moment: datetime) -> str:
    """The app stores times in UTC; a reader sees Swedish time."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(LOCAL_TIME)
    return f"{swedish_date(local.date())} kl. {local.hour:02d}.{local.minute:02d}"


# --- text ----------------------------------------------------------------------------------------


def plain_text(text: Any) -> str:
    """Document text as a reader reads it: HTML tags and entities, Markdown emphasis, headings,
    list and quote marks removed (their words kept), spaces folded; line breaks kept."""
    out = str(text if text is not None else "")
    out = _BREAK.sub("\n", out)
    out = html.unescape(_TAG.sub("", out))
    out = out.replace("****", "** **")  # two bold runs written together: "Sörmland****Beslut"
    out = _LINK.sub(r"\1", out)
    out = _CODE.sub(r"\1", out)
    for _ in range(2):  # "***both***" is emphasis inside bold
        out = _STRONG.sub(r"\2", out)
        out = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), out)
    out = _STRIKE.sub(r"\1", out)
    out = _LINE_MARK.sub("", out)
    out = _ESCAPE.sub(r"\1", out)
    out = _LONE_MARK.sub("", out)  # a mark left without its pair: "*Socialchef"
    lines = (" ".join(line.split()) for line in out.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def one_line(text: Any) -> str:
    """Plain text on one line (a quote, a hit, a summary shown inline): line breaks folded too."""
    return " ".join(plain_text(text).split())


def document_title(title: Any) -> str:
    """A document's title without markup or a "TITLE:"-style label in front."""
    text = plain_text(title)
    while _LABEL.match(text):
        text = _LABEL.sub("", text, count=1)
    return text


# --- properties ----------------------------------------------------------------------------------


def shown_value(key: str, value: Any) -> str:
    """One property value as text for a reader ("" when there is nothing to show)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, (list, tuple, set, frozenset)):
        parts = [shown_value(key, item) for item in value]
        return ", ".join(part for part in parts if part)
    if isinstance(value, float):
        return f"{value:.4g}".replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (date, datetime)) or key in DATE_PROPERTIES:
        return swedish_date(value)
    return plain_text(value)


def is_shown(key: str) -> bool:
    """Whether a reader sees the property at all: it has a Swedish title and is no bookkeeping."""
    return key in titles.PROPERTY_TITLES and key not in titles.HIDDEN_PROPERTIES


def shown_properties(properties: Mapping[str, Any], label: str | None = None) -> list[tuple[str, str]]:
    """(Swedish title, shown value) for every property a reader sees, in the vocabulary's order."""
    order = {key: number for number, key in enumerate(titles.PROPERTY_TITLES)}
    rows = []
    for key in sorted((k for k in properties if is_shown(k)), key=lambda k: order[k]):
        shown = shown_value(key, properties[key])
        if shown:
            rows.append((titles.property_title(key, label), shown))
    return rows


def node_name(properties: Mapping[str, Any], fallback: str = "") -> str:
    """What a node is called on a page: its name (or text, summary, title) as plain text."""
    for key in ("name", "text", "summary", "title"):
        if properties.get(key):
            return plain_text(properties[key])
    return fallback
