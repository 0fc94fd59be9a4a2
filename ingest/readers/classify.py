"""What a document is: title, kind, county and date, from vocabulary and layout of its first pages.

Kinds: "protokoll" (minutes or extracts of them, even when they carry a målbild as attachment),
"färdplan" (a county's plan), "lokal plan" (one municipality's plan), "målbild", "projektrapport",
else "övrigt". County names are canonical as in ``places.py`` ("Sörmland", "Örebro län").
Dates are ISO: YYYY-MM-DD when the document writes one, else YYYY-MM or YYYY.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import PurePath

from domain.document import DocumentKind, SourceDocument
from ingest.readers.places import COUNTY_ALIASES, count_counties, place_spans

HEAD_CHARS = 6000  # vocabulary of the first pages
TITLE_CHARS = 3000  # where a title can stand
_MAX_TITLE = 200

MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "januari", "februari", "mars", "april", "maj", "juni",
            "juli", "augusti", "september", "oktober", "november", "december",
        ),
        start=1,
    )
}  # fmt: skip
_MONTH = "|".join(MONTHS)
_DASH = r"\s*[-–—]\s*"
_ISO = r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"
_ISO_DATE = re.compile(_ISO)
_WRITTEN_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_MONTH})\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_PERIOD = re.compile(rf"(?<![\d-])((?:19|20)\d\d){_DASH}((?:19|20)\d\d)(?![\d-])")
_YEAR_LINE = re.compile(r"^\W*((?:19|20)\d\d)\W*$")
_LABELLED = re.compile(
    r"\b(?:sammanträdesdatum|mötesdatum|beslutsdatum|datum|fastställ[dt]a?|antagen|antaget|beslutad|"
    r"daterad|upprättad|dokumentdatum)\b[^\n\d]{0,30}?"
    rf"(?:{_ISO}|(\d{{1,2}})\s+({_MONTH})\s+((?:19|20)\d\d))",
    re.IGNORECASE,
)

GENERIC_HEADINGS = frozenset(
    {
        "innehåll", "innehållsförteckning", "sammanfattning", "inledning", "bakgrund", "förord",
        "syfte", "dokumentinformation", "underskrifter", "beslut", "ärendet", "bilagor", "bilaga",
        "beslutsgång", "beskrivning av ärendet", "förslag till beslut", "ordlista", "definitioner",
    }
)  # fmt: skip
_KIND_STEMS = (
    "färdplan",
    "målbild",
    "rapport",
    "protokoll",
    "plan",
    "strategi",
    "överenskommelse",
    "program",
)
_FURNITURE = re.compile(
    r"§\s*\d|^(?:d\.?\s?nr|dnr|diarie(?:nummer|nr)|ärendenr|ärendenummer|sida|page|version)\b|"
    r"justerandes|utdragsbestyrkande|https?://|www\.|©",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:[-•*–]\s|\d+[.)]\s)")
# the part header of a saved web page or a compiled text ("TITLE: …", "SOURCE: https://…"): the
# title line names the title, the other labels are no title at all
_TITLE_LABEL = re.compile(r"^(?:#+\s*)?(?:TITLE|TITEL)[ \t]*:[ \t]*", re.IGNORECASE)
_SOURCE_LABEL = re.compile(r"^(?:SOURCE|KÄLLA)[ \t]*:", re.IGNORECASE)


# --- title -------------------------------------------------------------------------------------


def _strip_markup(line: str) -> str:
    line = _TITLE_LABEL.sub("", line.strip())
    line = re.sub(r"^\s*#+\s*", "", line)
    line = line.replace("**", "").replace("__", "")
    line = re.sub(r"</?[a-z]+>", "", line)
    return " ".join(line.split())


def _is_furniture(line: str) -> bool:
    if _FURNITURE.search(line):
        return True
    without_dates = _ISO_DATE.sub("", _WRITTEN_DATE.sub("", line))
    if without_dates != line and len(without_dates.split()) <= 4:
        return True  # "Askersund 2023-10-26", "2021-12-01"
    return sum(char.isalpha() for char in without_dates) < 3


def _is_titleish(text: str) -> bool:
    return (
        3 <= len(text) <= _MAX_TITLE
        and len(text.split()) <= 20
        and "\t" not in text
        and not re.search(r"[.:;,]$", text)
        and not _LIST_ITEM.match(text)
        and text.lower() not in GENERIC_HEADINGS
        and not _is_furniture(text)
    )


def _title_lines(page_text: str) -> list[tuple[str, bool]]:
    """Lines before the body text starts, cleaned: (text, was a markdown level-1 heading)."""
    lines = page_text[:TITLE_CHARS].split("\n")
    found: list[tuple[str, bool]] = []
    i = 0
    while i < len(lines):
        raw = lines[i].strip()
        i += 1
        if not raw or _SOURCE_LABEL.match(raw):
            continue
        if raw.startswith("**") and raw.count("**") % 2 == 1:
            # a bold title broken over lines: "**Nämnden ... -" / "målbild ...****Beslut**"
            while i < len(lines) and lines[i].strip() and "**" not in raw[2:]:
                raw += " " + lines[i].strip()
                i += 1
        bold = re.match(r"\*\*(.+?)\*\*", raw)
        text = _strip_markup(bold.group(1) if bold else raw)
        # a title that continues on the next line: "Gemensam målbild nära vård" / "i Örebro län"
        while (
            i < len(lines)
            and lines[i].strip()[:1].islower()
            and len(text) <= 80
            and not re.search(r"[.:;!?]$", text)
            and len(text) + len(lines[i]) <= 150
        ):
            text += " " + _strip_markup(lines[i])
            i += 1
        if len(text) > _MAX_TITLE or (len(text.split()) >= 12 and text.endswith(".")):
            break  # body text: the title page is over
        if text.lower().rstrip(":") in GENERIC_HEADINGS:
            break
        found.append((text, raw.startswith("# ") or bool(_TITLE_LABEL.match(raw))))
    return found


def _has_kind_word(text: str) -> bool:
    return any(stem in word for word in text.lower().split()[:3] for stem in _KIND_STEMS)


def _sentence_case_places(text: str) -> str:
    """An all-caps title in sentence case, place names capitalised again."""
    letters = [char for char in text if char.isalpha()]
    if not letters or sum(char.isupper() for char in letters) < 0.8 * len(letters):
        return text
    result = text.lower()
    result = result[:1].upper() + result[1:]
    for start, end, _, _ in place_spans(result, ignore_case=True):
        words = re.sub(
            r"\b(?!(?:län|läns|kommun|kommuns|stad)\b)(\w)",
            lambda m: m.group(1).upper(),
            result[start:end],
        )
        result = result[:start] + words + result[end:]
    return result


def _project_title(head: str) -> str:
    """ "Denna rapport redogör för projektet Nära vård i Sörmland som ..." -> a title from its name."""
    match = re.search(
        r"rapport\w*\s+(?:\w+\s+){0,4}?(?:för|om|av)\s+projektet\s+([A-ZÅÄÖ][^\n,.;:()]{2,80}?)"
        r"(?=\s+(?:som|under|i syfte|har|var)\b|[,.;:(])",
        head,
    )
    return f"Projektrapport: {match.group(1).strip()}" if match else ""


def find_title(doc: SourceDocument, kind: DocumentKind, head: str) -> str:
    if doc.title and _is_titleish(doc.title):
        return _sentence_case_places(doc.title)
    first = next((page.text for page in doc.pages if page.text.strip()), "")
    candidates = [(text, h1) for text, h1 in _title_lines(first) if _is_titleish(text)]
    chosen = next((text for text, h1 in candidates if h1), "")
    chosen = chosen or next((text for text, _ in candidates if _has_kind_word(text)), "")
    chosen = chosen or (candidates[0][0] if candidates else "")
    if not chosen and kind == "projektrapport":
        chosen = _project_title(head)
    if not chosen:
        chosen = PurePath(doc.file_name).stem.replace("_", " ").strip() or doc.file_name
    return _sentence_case_places(chosen)


# --- kind --------------------------------------------------------------------------------------


_PROTOCOL_SIGNS: tuple[tuple[str, int], ...] = (
    (r"protokollsutdrag|sammanträdesprotokoll|\bprotokoll\b", 4),
    (r"sammanträdesdatum|sammanträde", 4),
    (r"justerandes?\s+sign|\bjusterare\b|\bjustering\b", 3),
    (r"utdragsbestyrkande", 3),
    (r"(?m)^\s*(?:#+\s*)?(?:[a-zåäö]{1,6}\s+)?§\s*\d+", 3),
    (r"beslutsgång", 2),
    (r"\bnärvarande\b|\bledamöter\b|\bordförande\b", 1),
)


def _count(pattern: str, text: str) -> int:
    return len(re.findall(pattern, text, re.IGNORECASE))


def kind_scores(title: str, head: str) -> Counter[str]:
    """Evidence for each kind; the title counts most."""
    title_l = title.lower()
    scores: Counter[str] = Counter()
    for pattern, weight in _PROTOCOL_SIGNS:
        if re.search(pattern, head, re.IGNORECASE):
            scores["protokoll"] += weight
    if re.search(r"protokoll", title_l):
        scores["protokoll"] += 6
    if re.search(r"färdplan|handlingsplan|plan för omställning", title_l):
        scores["färdplan"] += 6
    scores["färdplan"] += min(_count(r"färdplan", head), 3)
    if "målbild" in title_l:
        scores["målbild"] += 6
    scores["målbild"] += min(_count(r"målbild", head), 3)
    if re.search(r"projektrapport|slutrapport", title_l):
        scores["projektrapport"] += 6
    if re.search(r"projektrapport|slutrapport", head, re.IGNORECASE):
        scores["projektrapport"] += 4
    if re.search(r"(?:denna|den här)\s+rapport\w*\s+(?:\w+\s+){0,4}?projekt", head, re.IGNORECASE):
        scores["projektrapport"] += 4
    if re.search(r"projektmål|projektorganisation|projektledare", head, re.IGNORECASE):
        scores["projektrapport"] += 2
    return scores


def _is_local(title: str, head: str) -> bool:
    """A plan for one municipality: named in the title, or the first pages say it is local."""
    title_places = place_spans(title, ignore_case=True)
    municipal = any(
        kind == "municipality" and name not in COUNTY_ALIASES for _, _, kind, name in title_places
    )
    if municipal and not any(kind == "county" for _, _, kind, _ in title_places):
        return True
    if re.search(r"\bkommuns?\b|\blokal", title, re.IGNORECASE):
        return True
    return bool(re.search(r"\blokala?\s+(?:färd|handlings)?plan", head, re.IGNORECASE))


def find_kind(title: str, head: str) -> DocumentKind:
    scores = kind_scores(title, head)
    best, score = max(scores.items(), key=lambda item: item[1], default=("övrigt", 0))
    if score < 3:
        return "övrigt"
    if best == "färdplan" and _is_local(title, head):
        return "lokal plan"
    return best  # type: ignore[return-value]


# --- county ------------------------------------------------------------------------------------


def find_county(title: str, head: str, text: str) -> str | None:
    """The county most mentioned (municipalities count for theirs), if it clearly dominates."""
    counts = count_counties(text) + count_counties(head) + count_counties(title, 5, ignore_case=True)
    if not counts:
        return None
    (best, score), *rest = counts.most_common()
    total = sum(counts.values())
    if score < 2 or score < 0.5 * total or (rest and rest[0][1] == score):
        return None
    return best


# --- date --------------------------------------------------------------------------------------


def _iso(year: str, month: str | int, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _in_range(line: str, start: int, end: int) -> bool:
    """Whether a date at [start, end) is one end of a period "2024-02-09 – 2027-12-31"."""
    return bool(re.match(_DASH + r"\d", line[end:]) or re.search(r"\d" + _DASH + "$", line[:start]))


def _labelled_date(head: str) -> str | None:
    for match in _LABELLED.finditer(head):
        if match.group(1):
            found = _iso(match.group(1), match.group(2), match.group(3))
        else:
            found = _iso(match.group(6), MONTHS[match.group(5).lower()], match.group(4))
        if found:
            return found
    return None


_PREPOSITIONS = frozenset(
    {"från", "fr.o.m.", "t.o.m.", "till", "med", "före", "efter", "sedan", "innan", "mellan"}
)


def _stands_alone(line: str, match: re.Match[str]) -> bool:
    """A date with at most two other words on its line, none of them a preposition ("från 2021")."""
    rest = (line[: match.start()] + " " + line[match.end() :]).split()
    return len(rest) <= 2 and not any(word.lower() in _PREPOSITIONS for word in rest)


def _standalone_dates(lines: list[str]) -> tuple[str | None, str | None]:
    """The first full date and the first "month year" written on a short line of their own."""
    full: str | None = None
    month: str | None = None
    for line in lines:
        clean = _strip_markup(line)
        if not clean or len(clean) > 60:
            continue
        for match in _ISO_DATE.finditer(clean):
            if not full and _stands_alone(clean, match) and not _in_range(clean, match.start(), match.end()):
                full = _iso(*match.groups())
        for match in _WRITTEN_DATE.finditer(clean):
            if not full and _stands_alone(clean, match):
                full = _iso(match.group(3), MONTHS[match.group(2).lower()], match.group(1))
        for match in _MONTH_YEAR.finditer(clean):
            if not month and _stands_alone(clean, match):
                month = f"{match.group(2)}-{MONTHS[match.group(1).lower()]:02d}"
    return full, month


def find_date(title: str, head: str, kind: DocumentKind) -> str | None:
    labelled = _labelled_date(head[:TITLE_CHARS])
    if labelled:
        return labelled
    lines = head[:TITLE_CHARS].split("\n")
    full, month = _standalone_dates(lines)
    if full or month:
        return full or month
    # a plan's period ("2024–2027") dates it from its start; a report is written at its end
    for line in [title, *lines]:
        clean = _strip_markup(line)
        period = _PERIOD.search(clean)
        if period and (line is title or _stands_alone(clean, period)):
            return period.group(2) if kind == "projektrapport" else period.group(1)
        year = _YEAR_LINE.match(clean)
        if year:
            return year.group(1)
    return None


# --- all ---------------------------------------------------------------------------------------


def classify(doc: SourceDocument) -> None:
    """Fill ``doc.title``, ``doc.kind``, ``doc.county`` and ``doc.date`` from its text."""
    text = doc.text
    head = text[:HEAD_CHARS]
    provisional = find_title(doc, "övrigt", head)
    kind = find_kind(provisional, head)
    title = find_title(doc, kind, head) if kind == "projektrapport" else provisional
    doc.title = title
    doc.kind = kind
    doc.county = find_county(title, head, text)
    doc.date = find_date(title, head, kind)
