"""The structure of a plan: målområden (GoalArea), fokusområden (FocusArea) and målsättningar (Goal).

Focus areas come from headings: captions of activity tables ("Aktiviteter – Digitalisering"),
"Fokusområde 2: X" and "Målsättningar inom fokusområdet X"; a misspelt caption ("Kompetensörjning")
takes the spelling of the matching section heading. Sentences that state the decided focus areas
("Fokusområden för 2023–2027 är personcentrering samt ...") add known focus areas. The period
("2024-2027", written with a hyphen-minus) is the year range of the sentences about focus areas, else
the document's title or first page.

Goals are list items under goal headings ("Mål", "Målsättningar", "Projektmål", "Syfte och mål") and
labelled lines ("Projektmål 2  Beslut om ..."). Tables of contents are not structure.

Målbilder written as perspectives: in a målbild (the document's kind, or a heading with "målbild" shortly
before), a short heading followed by at least two short statements, most of them in the first person
("Jag får stöd ...", "Vi arbetar i team ..."), is a ``GoalArea`` (the perspective, e.g. "Invånarens
upplevelse") and each statement a ``Goal`` of kind "målbildsformulering" IN_GOAL_AREA it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from domain.document import SourceDocument
from domain.model import Entity, Evidence, Extraction
from ingest.extractors.text_utils import (
    clean_cell,
    dehyphenate,
    fold_whitespace,
    heading_text,
    is_heading,
    is_list_item,
    is_toc_line,
    iter_lines,
    normalize_key,
    strip_bullet,
    strip_markup,
)

EXTRACTOR = "plan_structure"

_YEAR_RANGE = re.compile(r"(?<![\d-])((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?![\d-])")
_ACTIVITY_CAPTION = re.compile(
    r"^(?i:aktiviteter|aktivitetsplan(?:en)?|handlingsplan(?:en)?|insatser|åtgärder|åtgärdsplan)"
    r"(?:\s*[–—:-]\s*|\s+(?i:inom|för)\s+(?i:fokusområdet\s+|området\s+)?|\s+(?=[A-ZÅÄÖ]))"
    r"(?P<subject>\S.*)$"
)
_FOCUS_HEADING = re.compile(
    r"^(?i:fokusområde(?:t)?)(?:\s+\d{1,2}\s*[:.–—-]?\s*|\s*[:–—-]\s*|\s+(?=[A-ZÅÄÖ]))(?P<subject>\S.*)$"
)
_GOALS_IN_FOCUS = re.compile(
    r"^(?i:målsättningar|mål|målsättning)\s+(?i:inom|för)\s+(?i:fokusområdet|fokusområde|området)\b\s*(?P<subject>.*)$"
)
_GOAL_HEADING = re.compile(
    r"^(?i:mål|målen|målsättning|målsättningar|projektmål|projektmålen|delmål|effektmål|övergripande mål|"
    r"syfte och mål|mål och syfte|mål och målsättningar|våra mål|mål för .{3,60})$"
)
_LABELLED_GOAL = re.compile(
    r"^\s*(?P<kind>(?i:projektmål|delmål|effektmål|mål|målsättning))\s+(?P<number>\d{1,2})"
    r"\s*[:.–-]?[ \t]+(?P<text>\S.*)$"
)
_CONTENT_STOP = {"och", "samt", "i", "som", "för", "med", "av", "till", "inom", "insatser", "arbete"}

# Focus areas that recur in Swedish Nära vård plans, for sentences that list decided focus areas.
_KNOWN_FOCUS_AREAS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE))
    for name, pattern in [
        ("Delaktighet och personcentrering", r"delaktighet\s+och\s+personcentrering"),
        (
            "Hälsofrämjande, förebyggande och rehabiliterande",
            r"hälsofrämjande\s*[,/]\s*förebyggande\s+och\s+(?:re)?habiliterande(?:\s+insatser)?",
        ),
        ("Hälsofrämjande och förebyggande", r"hälsofrämjande\s+och\s+förebyggande(?:\s+insatser)?"),
        ("Personcentrering", r"personcentrering"),
        ("Primärvården som nav", r"primärvården\s+som\s+nav"),
        ("Kompetensförsörjning", r"kompetensförsörjning"),
        ("Digitalisering", r"digitalisering"),
        ("E-hälsa", r"e-hälsa"),
        ("Psykisk hälsa", r"psykisk\s+hälsa"),
    ]
]
_DECIDED = re.compile(
    r"\b(?:är|ska vara|blev|beslutade|beslutats|identifierade|utgörs|utgör)\b", re.IGNORECASE
)
_NOT_DECIDED = re.compile(r"\b(?:förslag\w*|föreslog\w*|togs bort|inte|ej|diskuter\w*)\b", re.IGNORECASE)
# a run of text up to a sentence end or a blank line; a sentence is a run that ends with [.!?] or ends the
# text. The run is possessive: a run stopped by a blank line is passed over in one step (not retried from
# each of its characters, which made a long unpunctuated stretch quadratic)
_SENTENCE_RUN = re.compile(r"(?:[^.!?\n]|\n(?![ \t]*\n))++[.!?]?")


# --- focus areas -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """Where a name was read: page, the line or sentence as written, offsets into the page text."""

    page: int
    quote: str
    start: int
    end: int

    def evidence(self, extractor: str = EXTRACTOR) -> Evidence:
        return Evidence(page=self.page, quote=self.quote, extractor=extractor, start=self.start, end=self.end)


@dataclass
class FocusArea:
    name: str
    period: str | None
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 1.0


@dataclass(frozen=True)
class _Marker:
    """A heading that opens a focus area's section (or a table caption that names it)."""

    page: int
    offset: int
    name: str


@dataclass
class FocusAreas:
    """The focus areas of one document and where their sections begin."""

    period: str | None
    areas: list[FocusArea] = field(default_factory=list)
    markers: list[_Marker] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [area.name for area in self.areas]

    def get(self, name: str) -> FocusArea | None:
        return next((area for area in self.areas if area.name == name), None)

    def match(self, text: str) -> str | None:
        """The focus area a heading or caption names, tolerating spelling and punctuation variants."""
        return match_name(text, self.names)

    def at(self, page: int, offset: int) -> str | None:
        """The focus area whose section (last focus heading before the position) holds the position."""
        current = None
        for marker in self.markers:
            if (marker.page, marker.offset) <= (page, offset):
                current = marker.name
        return current


def match_name(text: str, names: list[str], threshold: float = 85, subsets: bool = True) -> str | None:
    """The name in ``names`` that ``text`` denotes: same words, one's content words within the other's, or
    a close spelling ("Kompetensörjning" → "Kompetensförsörjning")."""
    key = normalize_key(text)
    if not key:
        return None
    keys = [normalize_key(name) for name in names]
    if key in keys:
        return names[keys.index(key)]
    if not subsets:  # the closest spelling, the first of equals, compared in rapidfuzz's own loop
        closest = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=threshold)
        return names[closest[2]] if closest else None
    best, best_score = None, 0.0
    words = _content_words(key)
    for name, other in zip(names, keys, strict=True):
        other_words = _content_words(other)
        if words and other_words and (words <= other_words or other_words <= words):
            score = 95.0
        else:
            score = fuzz.ratio(key, other)
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= threshold else None


def _content_words(key: str) -> frozenset[str]:
    return frozenset(word for word in key.split() if word not in _CONTENT_STOP)


def caption_subject(line: str) -> str | None:
    """ "Aktiviteter – Delaktighet och personcentrering" → "Delaktighet och personcentrering"."""
    text = clean_cell(line.replace("\t", " ")).rstrip(":")
    if is_toc_line(line) or len(text.split()) > 12 or text.endswith("."):
        return None
    match = _ACTIVITY_CAPTION.match(text) or _FOCUS_HEADING.match(text)
    if not match:
        return None
    subject = match.group("subject").strip(" –-:")
    if not 1 <= len(subject.split()) <= 8:
        return None
    return subject[0].upper() + subject[1:]


def document_period(document: SourceDocument) -> str | None:
    """The plan period: the year range most used about focus areas, else from the title or first page."""
    ranges: Counter[str] = Counter()
    for page in document.pages:
        for match in _prose_sentences(page.text):
            if "fokusområd" in match.group().casefold():
                ranges.update(_ranges(dehyphenate(match.group())))
    if ranges:
        return ranges.most_common(1)[0][0]
    for text in (document.title, document.pages[0].text[:800] if document.pages else ""):
        found = _ranges(text)
        if found:
            return found[0]
    return None


def _prose_sentences(text: str) -> list[re.Match[str]]:
    """Sentences of running text; table rows are blanked out (same length, so offsets hold)."""
    prose = "\n".join(" " * len(line) if "\t" in line else line for line in text.split("\n"))
    return [m for m in _SENTENCE_RUN.finditer(prose) if m.group()[-1] in ".!?" or m.end() == len(prose)]


def _ranges(text: str) -> list[str]:
    return [f"{a}-{b}" for a, b in _YEAR_RANGE.findall(text) if a < b]


def find_focus_areas(document: SourceDocument) -> FocusAreas:
    """The document's focus areas with their period and the positions of their section headings."""
    period = document_period(document)
    result = FocusAreas(period=period)
    headings = _headings(document)
    # the section heading spells the name right when a caption misspells it
    section_names = [text for _, _, text in headings if caption_subject(text) is None]
    named: list[tuple[Mention, str, str | None]] = []  # (mention, name, local period)
    for page in document.pages:
        lines = list(iter_lines(page.text))
        for i, line in enumerate(lines):
            subject = caption_subject(line.text)
            if subject is None:
                subject = _goals_in_focus_subject(lines, i)
            if subject is None:
                continue
            others = [name for name in section_names if name != subject]
            name = match_name(subject, others, threshold=85, subsets=False) or subject
            mention = Mention(page.number, fold_whitespace(line.text), line.start, line.end)
            named.append((mention, name, None))
    for mention, name, local in named:
        _add_area(result, name, local or period, mention, 1.0)
    for page in document.pages:
        for mention, name, local in _decided_in_sentences(page.number, page.text):
            _add_area(result, name, local or period, mention, 0.8)
    result.markers = _markers(document, headings, result)
    return result


def _add_area(result: FocusAreas, name: str, period: str | None, mention: Mention, confidence: float) -> None:
    existing = result.match(name)
    if existing is None:
        result.areas.append(FocusArea(name=name, period=period, mentions=[mention], confidence=confidence))
        return
    area = result.get(existing)
    if area is not None and mention not in area.mentions:
        area.mentions.append(mention)
        area.confidence = max(area.confidence, confidence)


def _goals_in_focus_subject(lines: list, i: int) -> str | None:
    """ "Målsättningar inom fokusområdet" + "personcentrering" (the name may run onto the next line)."""
    text = clean_cell(lines[i].text)
    match = _GOALS_IN_FOCUS.match(text)
    if not match:
        return None
    subject = match.group("subject").strip()
    following = clean_cell(lines[i + 1].text) if i + 1 < len(lines) else ""
    if (
        following
        and not is_list_item(lines[i + 1].text)
        and len(following.split()) <= 4
        and following[0].islower()
    ):
        subject = f"{subject} {following}".strip()
    if not subject or len(subject.split()) > 8:
        return None
    return subject[0].upper() + subject[1:]


def _decided_in_sentences(page: int, text: str) -> list[tuple[Mention, str, str | None]]:
    found = []
    for match in _prose_sentences(text):
        sentence = clean_cell(match.group())
        if "fokusområd" not in sentence.casefold() or not _DECIDED.search(sentence):
            continue
        if _NOT_DECIDED.search(sentence):
            continue
        local = _ranges(sentence)
        taken: list[tuple[int, int]] = []
        for name, pattern in _KNOWN_FOCUS_AREAS:
            for hit in pattern.finditer(sentence):
                if any(hit.start() < end and hit.end() > start for start, end in taken):
                    continue
                taken.append((hit.start(), hit.end()))
                mention = Mention(page, sentence, match.start(), match.end())
                found.append((mention, name, local[0] if local else None))
    return found


def _headings(document: SourceDocument) -> list[tuple[int, object, str]]:
    """(page, line, heading text) for every heading-like line; TOC entries are left out."""
    found = []
    for page in document.pages:
        lines = list(iter_lines(page.text))
        for i, line in enumerate(lines):
            previous = lines[i - 1].text if i else ""
            following = lines[i + 1].text if i + 1 < len(lines) else ""
            if is_heading(line.text, previous, following):
                found.append((page.number, line, heading_text(line.text)))
    return found


def _markers(document: SourceDocument, headings: list, areas: FocusAreas) -> list[_Marker]:
    markers = []
    for page in document.pages:
        lines = list(iter_lines(page.text))
        for i, line in enumerate(lines):
            subject = caption_subject(line.text) or _goals_in_focus_subject(lines, i)
            if subject and (name := areas.match(subject)):
                markers.append(_Marker(page.number, line.start, name))
    for page_number, line, text in headings:
        if (name := areas.match(text)) and len(text.split()) <= 8:
            markers.append(_Marker(page_number, line.start, name))
    return sorted(set(markers), key=lambda m: (m.page, m.offset))


# --- goal areas --------------------------------------------------------------------------------

_GOAL_AREA_LINE = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][^–—;:\t]{0,60}?)\s*(?:[–—;:]|\s-)\s*(?P<description>genom\s.+)$"
)
_GOAL_AREA_HEADING = re.compile(r"^(?i:målområde(?:t)?)(?:\s+\d{1,2})?\s*[:–-]?\s+(?P<name>[A-ZÅÄÖ].{0,60})$")


@dataclass
class GoalArea:
    name: str
    description: str | None
    mentions: list[Mention] = field(default_factory=list)


def find_goal_areas(document: SourceDocument) -> list[GoalArea]:
    """Målområden: "Tillsammans – genom delaktighet ..." lines and "Målområde Nära" headings.

    "X – genom Y" lines count only in a group (målområden come as a set), so that one indicator
    defined the same way ("Kontinuitet – genom goda relationer") is not taken for one.
    """
    found: dict[str, GoalArea] = {}
    for page in document.pages:
        lines = list(iter_lines(page.text))
        candidates: list[tuple[int, str, str | None, bool, Mention]] = []
        for i, line in enumerate(lines):
            if "\t" in line.text.strip():
                continue
            text = clean_cell(strip_bullet(strip_markup(line.text)))
            end = line.end
            # "**Tillsammans**" on one line, "– genom delaktighet ..." on the next
            following = _next_nonblank(lines, i)
            if following is not None and re.match(r"^\s*[–—-]\s*genom\s", strip_markup(following.text)):
                text = f"{text} {clean_cell(strip_markup(following.text))}"
                end = following.end
            name, description, explicit = _goal_area(text)
            if name is not None:
                mention = Mention(page.number, fold_whitespace(page.text[line.start : end]), line.start, end)
                candidates.append((i, name, description, explicit, mention))
        for i, name, description, explicit, mention in candidates:
            siblings = [j for j, *_ in candidates if j != i and abs(j - i) <= 8]
            if not explicit and not siblings:
                continue
            area = found.setdefault(normalize_key(name), GoalArea(name=name, description=None))
            area.description = area.description or description
            area.mentions.append(mention)
    return list(found.values())


def _goal_area(text: str) -> tuple[str | None, str | None, bool]:
    """(name, description, named by the word "målområde")."""
    match = _GOAL_AREA_LINE.match(text)
    if match and 1 <= len(match.group("name").split()) <= 6:
        return match.group("name").strip(" ,"), match.group("description").strip().rstrip("."), False
    match = _GOAL_AREA_HEADING.match(text)
    if match and len(match.group("name").split()) <= 6 and not text.endswith("."):
        return match.group("name").strip(), None, True
    return None, None, False


def _next_nonblank(lines: list, i: int):
    for line in lines[i + 1 : i + 3]:
        if line.text.strip():
            return line
    return None


# --- goals -------------------------------------------------------------------------------------


@dataclass
class Goal:
    text: str
    kind: str  # "målsättning", "projektmål", "mål"
    number: int | None
    focus_area: str | None
    mentions: list[Mention] = field(default_factory=list)


def find_goals(document: SourceDocument, focus_areas: FocusAreas | None = None) -> list[Goal]:
    """Goals from lists under goal headings and from labelled lines ("Projektmål 1  ...")."""
    focus_areas = focus_areas or find_focus_areas(document)
    goals: list[Goal] = []
    for page in document.pages:
        lines = list(iter_lines(page.text))
        goals.extend(_labelled_goals(page.number, page.text, lines))
        goals.extend(_listed_goals(page.number, page.text, lines, focus_areas))
    return _merge_goals(goals)


def _labelled_goals(page: int, text: str, lines: list) -> list[Goal]:
    goals = []
    for i, line in enumerate(lines):
        match = _LABELLED_GOAL.match(line.text)
        if not match or "\t" in line.text.strip():
            continue
        end = line.end
        for follower in lines[i + 1 :]:  # indented continuation lines
            if (
                not follower.text.strip()
                or not follower.text[:1].isspace()
                or _LABELLED_GOAL.match(follower.text)
            ):
                break
            end = follower.end
        body = clean_cell(text[line.start + match.start("text") : end])
        kind = match.group("kind").casefold()
        goals.append(
            Goal(
                text=body.rstrip("."),
                kind="projektmål" if kind == "projektmål" else "mål",
                number=int(match.group("number")),
                focus_area=None,
                mentions=[Mention(page, fold_whitespace(text[line.start : end]), line.start, end)],
            )
        )
    return goals


def _listed_goals(page: int, text: str, lines: list, focus_areas: FocusAreas) -> list[Goal]:
    goals: list[Goal] = []
    previous_heading: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        previous = lines[i - 1].text if i else ""
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        focus_subject = _goals_in_focus_subject(lines, i)
        heading = is_heading(line.text, previous, following)
        goal_heading = focus_subject is not None or heading and _GOAL_HEADING.match(heading_text(line.text))
        if not goal_heading:
            if heading:
                previous_heading = heading_text(line.text)
            i += 1
            continue
        if focus_subject is not None:
            focus = focus_areas.match(focus_subject)
        else:
            focus = focus_areas.match(previous_heading) if previous_heading else None
        kind = "projektmål" if "projektmål" in line.text.casefold() else "målsättning"
        items, i = _list_after(lines, i + 1 + (1 if focus_subject and _spills(lines, i) else 0))
        for start, end in items:
            body = clean_cell(strip_bullet(text[start:end]))
            if len(body.split()) < 3:
                continue
            mention = Mention(page, fold_whitespace(text[start:end]), start, end)
            goals.append(Goal(body.rstrip(".;,"), kind, _item_number(text[start:end]), focus, [mention]))
    return goals


def _spills(lines: list, i: int) -> bool:
    """Whether the focus-area name of a "Målsättningar inom fokusområdet" heading ran onto the next line."""
    if i + 1 >= len(lines):
        return False
    following = clean_cell(lines[i + 1].text)
    return bool(following) and not is_list_item(lines[i + 1].text) and following[0].islower()


def _list_after(lines: list, i: int) -> tuple[list[tuple[int, int]], int]:
    """The list items that follow a heading, as (start, end) spans; continuation lines join their item."""
    items: list[list[int]] = []
    last_number = 0
    while i < len(lines):
        line = lines[i]
        raw = line.text
        if not raw.strip():
            i += 1
            continue
        previous = lines[i - 1].text if i else ""
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        number = _item_number(raw)
        continues_numbering = number is not None and number == last_number + 1
        if is_list_item(raw) and (continues_numbering or number is None or not items):
            if not continues_numbering and is_heading(raw, previous, following):
                break
            items.append([line.start, line.end])
            last_number = number or last_number
        elif items and _continues(raw):
            items[-1][1] = line.end
        else:
            break
        i += 1
    return [(start, end) for start, end in items], i


def _continues(raw: str) -> bool:
    text = raw.strip()
    return bool(text) and (text[0].islower() or text[0] in "(–-") and "\t" not in text and "http" not in text


def _item_number(raw: str) -> int | None:
    match = re.match(r"^\s*(\d{1,2})[.)]\s", raw)
    return int(match.group(1)) if match else None


def _merge_goals(goals: list[Goal]) -> list[Goal]:
    """The same goal read twice (a summary repeats the project goals) is one goal with two mentions."""
    merged: list[Goal] = []
    for goal in goals:
        same = next(
            (
                other
                for other in merged
                if normalize_key(other.text) == normalize_key(goal.text)
                or other.kind == goal.kind
                and other.number is not None
                and other.number == goal.number
                and fuzz.ratio(normalize_key(other.text), normalize_key(goal.text)) >= 85
            ),
            None,
        )
        if same is None:
            merged.append(goal)
        else:
            same.mentions.extend(m for m in goal.mentions if m not in same.mentions)
            same.focus_area = same.focus_area or goal.focus_area
    return merged


# --- målbild perspectives ---------------------------------------------------------------------

_FIRST_PERSON = re.compile(r"\b(?:jag|mig|min|mitt|mina|vi|oss|vår|vårt|våra)\b", re.IGNORECASE)
_MALBILD = re.compile(r"målbild", re.IGNORECASE)
_STATEMENT_MAX = 320  # characters; a statement is a sentence or two, not a paragraph of prose
_MALBILD_CONTEXT = 6000  # how far back (characters) a "målbild" heading sets the context


@dataclass
class Perspective:
    name: str
    heading: Mention
    statements: list[Mention] = field(default_factory=list)


def find_perspectives(document: SourceDocument) -> list[Perspective]:
    """Målbild perspectives: a heading followed by first-person statements ("Jag ...", "Vi ...")."""
    found: list[Perspective] = []
    for page in document.pages:
        lines = list(iter_lines(page.text))
        malbild_at = [
            line.start for line in lines if _MALBILD.search(line.text) and _is_heading_at(lines, line.index)
        ]
        for i, line in enumerate(lines):
            if not _is_heading_at(lines, i):
                continue
            name = heading_text(line.text)
            if not name or len(name.split()) > 6 or _GOAL_HEADING.match(name) or _MALBILD.search(name):
                continue
            in_malbild = document.kind == "målbild" or any(
                0 < line.start - at <= _MALBILD_CONTEXT for at in malbild_at
            )
            if not in_malbild:
                continue
            statements = _statements_after(page.number, page.text, lines, i + 1)
            if len(statements) < 2:
                continue
            first_person = sum(1 for s in statements if _FIRST_PERSON.search(s.quote))
            if first_person * 2 < len(statements):
                continue
            heading = Mention(page.number, fold_whitespace(line.text), line.start, line.end)
            found.append(Perspective(name, heading, statements))
    return found


def _is_heading_at(lines: list, i: int) -> bool:
    previous = lines[i - 1].text if i else ""
    following = lines[i + 1].text if i + 1 < len(lines) else ""
    return is_heading(lines[i].text, previous, following)


def _statements_after(page: int, text: str, lines: list, i: int) -> list[Mention]:
    """The paragraphs (or list items) after a heading up to the next heading, when each is a short statement;
    an empty list when any of them is running prose (too long) or a table."""
    statements: list[Mention] = []
    paragraph: list = []

    def close() -> bool:
        if not paragraph:
            return True
        start, end = paragraph[0].start, paragraph[-1].end
        body = clean_cell(strip_bullet(text[start:end]))
        paragraph.clear()
        if len(body) > _STATEMENT_MAX or not re.search(r"[.!]$", body) or len(body.split()) < 3:
            return False
        statements.append(Mention(page, body, start, end))
        return True

    while i < len(lines):
        line = lines[i]
        if _is_heading_at(lines, i):
            break
        if "\t" in line.text.strip():
            return []
        if (not line.text.strip() or is_list_item(line.text)) and not close():
            return []
        if line.text.strip():
            paragraph.append(line)
        i += 1
    if not close():
        return []
    return statements


# --- the extractor -----------------------------------------------------------------------------


def focus_area_entity(result: Extraction, area: FocusArea, mention: Mention | None = None) -> Entity:
    """A FocusArea entity with the properties every extractor gives it (so that the resolver merges them)."""
    mentions = [mention] if mention else area.mentions
    entity = result.entity("FocusArea", area.name, confidence=area.confidence, period=area.period)
    entity.evidence.extend(m.evidence() for m in mentions)
    return entity


def extract_plan_structure(document: SourceDocument) -> Extraction:
    result = Extraction()
    for goal_area in find_goal_areas(document):
        entity = result.entity("GoalArea", goal_area.name, description=goal_area.description)
        entity.evidence.extend(m.evidence() for m in goal_area.mentions)
    focus_areas = find_focus_areas(document)
    focus_entities = {area.name: focus_area_entity(result, area) for area in focus_areas.areas}
    for goal in find_goals(document, focus_areas):
        entity = result.entity("Goal", goal.text, text=goal.text, kind=goal.kind, number=goal.number)
        entity.evidence.extend(m.evidence() for m in goal.mentions)
        if goal.focus_area and goal.focus_area in focus_entities:
            result.relate("UNDER", entity, focus_entities[goal.focus_area], goal.mentions[0].evidence())
    goal_texts = {normalize_key(goal.name) for goal in result.of("Goal")}
    for perspective in find_perspectives(document):
        area = result.entity("GoalArea", perspective.name, kind="målbildsperspektiv")
        area.evidence.append(perspective.heading.evidence())
        for number, statement in enumerate(perspective.statements, start=1):
            if normalize_key(statement.quote) in goal_texts:
                continue
            goal_texts.add(normalize_key(statement.quote))
            text = statement.quote.rstrip(".")
            goal = result.entity("Goal", text, text=text, kind="målbildsformulering", number=number)
            goal.evidence.append(statement.evidence())
            result.relate("IN_GOAL_AREA", goal, area, statement.evidence())
    if focus_areas.areas and focus_areas.period is None:
        result.warnings.append("Planperioden för fokusområdena kunde inte avgöras ur dokumentet.")
    return result
