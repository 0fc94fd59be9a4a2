"""Decisions (beslut): from protocol extracts (§ sections) and from reports' prose and decision tables.

What counts as a decision, so that the graph holds facts and not guesses:

* a protocol section ("KS § 176", "## § 4/22 ...") and a reference to one ("Protokollsutdrag, SN § 77");
* a sentence with a past decision verb (beslutade, beslöt, antog, fastställde, fastslog, godkände, fattade/tog
  beslut, har fattat beslut om/att, har beslutat/antagit/fastställt/godkänt) and a deciding body, a date or a
  diarienummer; the government's acts "tillsatte (en utredning)", "utfärdade (direktiv)", "utsåg" count too;
* "enades (man) om" at a body's meeting ("Vid styrgruppsmötet i mars enades man om ...": Styrgruppen);
* a passive one (beslutades, antogs, fastställdes, godkändes, togs beslut ...) with a date or a diarienummer,
  or with a named body ("av/i/med X") and a year heading above it ("2022" on a line of its own);
* a pronoun subject ("de ställde sig bakom", "vilket man ställde sig bakom") is the body last named in the
  sentence or the one before, and that sentence's date is the decision's when its own has none;
* a decision sentence without a date of its own under a year heading takes that year (a projektrapport's
  "2022" / "2023" sections); a protocol section without a meeting date takes the year of its diarienummer;
  a "§ 23" in the sentence is the decision's paragraph;
* a present-tense one ("NSV beslutar att ...") only in a row led by a date (decision tables): in prose
  the present tense describes a process ("Länsstyrgruppen beslutar om vilka satsningar ..."), not a decision;
* "Beslut i NSV 22-02-11", "Beslutade i Länsstyrgrupp 22-04-08".

A diarienummer without a decision verb nearby ("(NSV23-0008-3) är länets arena") is a reference, not a
decision. "Ställa sig bakom" alone is support, not a decision. Decision-CONCERNS->X is not extracted: which
thing a decision concerns is rarely named exactly as the entity the other extractors create.

The same decision mentioned twice in a document (same diarienummer, same body and § or same body and date to
the month or day) comes out as one entity with all its evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from domain.document import SourceDocument
from domain.model import Entity, Evidence, Extraction
from ingest.extractors.dates import find_dates

EXTRACTOR = "decisions"

# --- text helpers ----------------------------------------------------------------------------------

# a line-end hyphen, also across the blank line a column break leaves ("Divi-\n\nsionschefer")
_HYPHEN_BREAK = re.compile(r"(?<=[a-zåäöé])-[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=[a-zåäöé])")
_KEEP_HYPHEN_BEFORE = re.compile(r"(?:och|eller|samt|som|till)\b")


def unwrap(text: str) -> tuple[str, list[int]]:
    """Join words broken by a line-end hyphen ("besluta-\\ndes"); return the text and, for each of its
    characters, the offset in the original so that evidence quotes the text as written."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _HYPHEN_BREAK.finditer(text):
        out.append(text[pos : match.start()])
        offsets.extend(range(pos, match.start()))
        if _KEEP_HYPHEN_BEFORE.match(text, match.end()):  # "hälso-\noch sjukvård" keeps its hyphen
            out.append("- ")
            offsets.extend((match.start(), match.start() + 1))
        pos = match.end()
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return "".join(out), offsets


def _clean(text: str) -> str:
    text = _HYPHEN_BREAK.sub("", text)
    text = re.sub(r"[*#_]+", " ", text)
    return re.sub(r"\s+", " ", text).strip(" ,;:-–")


# --- diarienummer ----------------------------------------------------------------------------------

_NOT_DNR_PREFIX = {"SOU", "SFS", "DS", "PROP", "ISBN", "ISSN", "SKR", "ANDTS", "SIP", "BET", "RIR"}
_DNR_BODY = r"(?:\d{2}|\d{4})(?:[-/:][ ]?\d{1,6})(?:[-/][ ]?\d{1,4})?"
_DNR_PREFIXED = re.compile(
    r"(?<![\w/])(?P<prefix>[A-ZÅÄÖ]{2,8})(?:[ ]?/[ ]?|[ ])?(?P<num>" + _DNR_BODY + r")(?![\w/]|[-:]\d)"
)
_DNR_LABELLED = re.compile(
    r"(?:\bD\.?[ ]?nr|\bDnr|\bDiarienummer|\bDiarienr|\bÄrendenummer|\bÄrendenr)\.?[ \t]*:?[ \t]*"
    r"(?P<dnr>(?:[A-ZÅÄÖ]{2,8}(?:[ ]?/[ ]?|[ ])?)?" + _DNR_BODY + r")(?![\w/])",
    re.IGNORECASE,
)
_TWO_DIGIT_DATE = re.compile(r"\d{2}-\d{2}-\d{2}")


def _dnr_key(dnr: str) -> str:
    return re.sub(r"\s+", "", dnr).upper()


def _tidy_dnr(dnr: str) -> str:
    return re.sub(r"([-/:])\s+", r"\1", dnr.strip())


def find_diarienummer(text: str) -> list[tuple[str, int, int]]:
    """Diarienummer in ``text`` as (number as tidied, start, end): BODY + year + serial ("NSV23-0008-7",
    "KS/2022:276", "KS 2022/123"), or any year/serial after a label ("Dnr 2021/45")."""
    found: dict[int, tuple[str, int, int]] = {}
    for match in _DNR_LABELLED.finditer(text):
        found[match.start("dnr")] = (_tidy_dnr(match.group("dnr")), match.start("dnr"), match.end("dnr"))
    for match in _DNR_PREFIXED.finditer(text):
        if match.group("prefix") in _NOT_DNR_PREFIX or match.start() in found:
            continue
        if _TWO_DIGIT_DATE.fullmatch(match.group("num")):  # "NSV 22-02-11" is a body and a date
            continue
        found[match.start()] = (_tidy_dnr(match.group(0)), match.start(), match.end())
    return sorted(found.values(), key=lambda item: item[1])


def _dnr_prefix(dnr: str) -> str | None:
    match = re.match(r"[A-ZÅÄÖ]{2,8}", dnr)
    return match.group(0) if match else None


# --- deciding bodies -------------------------------------------------------------------------------

_BODY_HEAD = re.compile(
    r"(?:grupp|gruppen|nämnd|nämnden|styrelse|styrelsen|fullmäktige|riksdag|riksdagen|regering|regeringen|"
    r"nätverk|nätverket|råd|rådet|ledning|ledningen|chefer|cheferna|utskott|utskottet|presidium|presidiet|"
    r"förbund|förbundet|beredning|beredningen|region|regionen|kommun|kommunen|direktion|direktionen)$"
)
_ABBR = re.compile(r"[A-ZÅÄÖ]{2,8}(?:/[A-ZÅÄÖ]{2,8})?")
_NOT_BODY_ABBR = {"SOU", "SIP", "ANDTS", "MDU", "FOU", "VC", "OCH"}
_CONNECTORS = {"för", "kring", "och", "i", "inom"}
_TOKEN = re.compile(r"[\wåäöÅÄÖé/-]+|[^\s\w]")


def _is_head(token: str) -> bool:
    if _ABBR.fullmatch(token):
        return token not in _NOT_BODY_ABBR
    return bool(_BODY_HEAD.search(token.lower()))


def _is_name_part(token: str) -> bool:
    return _is_head(token) or token[:1].isupper() or token.lower() == "sveriges"


_COLLECTIVE_BODY = re.compile(
    r"(?:samtliga|alla|länets|respektive)\s+(?:kommuner(?:na)?|regioner(?:na)?|nämnder(?:na)?|huvudmän(?:nen)?)"
    r"(?:\s+(?:och|samt)\s+(?:regionen|regionerna|kommunerna|landstinget))?\b",
    re.IGNORECASE,
)


def _body_after(text: str) -> tuple[str, int] | None:
    """A body named at the start of ``text`` ("regeringen inriktningen ..." → "regeringen"; "samtliga
    kommuner och regionen" too)."""
    collective = _COLLECTIVE_BODY.match(text.lstrip())
    if collective:
        skipped = len(text) - len(text.lstrip())
        return collective.group(0), skipped + collective.end()
    tokens = list(_TOKEN.finditer(text))
    run: list[re.Match[str]] = []
    for token in tokens:
        if not _is_name_part(token.group(0)):
            break
        run.append(token)
    while run and not _is_head(run[-1].group(0)):
        run.pop()
    if not run:
        return None
    return text[run[0].start() : run[-1].end()], run[-1].end()


def _body_before(text: str) -> str | None:
    """The subject right before a verb: "NSV", "Regionala samverkansrådet", or a short clause that opens
    with a body ("Nämnden för samverkan kring socialtjänst och vård")."""
    clause = re.split(r"[.;:!?()\n]|,\s", text)[-1].strip()
    words = clause.split()
    if words and _is_head(words[0]) and len(words) <= 8 and not any(w[0].isdigit() for w in words):
        return clause
    tokens = list(_TOKEN.finditer(clause))
    run: list[re.Match[str]] = []
    for token in reversed(tokens):
        if not _is_name_part(token.group(0)) and not (run and token.group(0) in _CONNECTORS):
            break
        run.insert(0, token)
    while run and run[0].group(0) in _CONNECTORS:
        run.pop(0)
    if not run or not any(_is_head(t.group(0)) for t in run):
        return None
    if run[0].start() == 0 and len(run) == 1 and not _is_head(run[0].group(0)):
        return None
    return clause[run[0].start() : run[-1].end()]


def body_key(name: str, aliases: dict[str, str] | None = None) -> str:
    """A key under which spellings of one body meet: "Länsstyrgruppen"/"Länsstyrgrupp", "Sveriges riksdag"/
    "riksdagen", a long name and its abbreviation when the document pairs them."""
    cleaned = _clean(name)
    if aliases and cleaned.lower() in aliases:
        return aliases[cleaned.lower()].lower()
    words = cleaned.lower().removeprefix("sveriges ").split()
    if not words:
        return ""
    last = words[-1]
    if len(last) > 4 and last[-1] in "nt":
        last = last[:-1]
    if len(last) > 4 and last.endswith("e"):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _abbreviations(text: str) -> dict[str, str]:
    """Long name (lower case) → abbreviation, from "Long name (ABBR)" and "ABBR – Long name"."""
    pairs: dict[str, str] = {}
    for match in re.finditer(r"([A-ZÅÄÖa-zåäö][\wåäö ]{3,80}?)\s*\(([A-ZÅÄÖ]{2,8})\)", text):
        words = match.group(1).split()
        for size in range(min(len(words), 9), 0, -1):  # every tail of the phrase: the name starts somewhere
            pairs[" ".join(words[-size:]).lower()] = match.group(2)
    for match in re.finditer(r"^\s*([A-ZÅÄÖ]{2,8})\s+[–-]\s+([^\n]{4,100})$", text, re.MULTILINE):
        pairs[match.group(2).strip().lower()] = match.group(1)
    return pairs


def _actor_type(name: str) -> str | None:
    lowered = name.lower()
    for suffix, kind in (
        ("styrgrupp", "styrgrupp"),
        ("beredningsgrupp", "beredningsgrupp"),
        ("arbetsgrupp", "arbetsgrupp"),
        ("nämnd", "nämnd"),
        ("styrelse", "nämnd"),
        ("fullmäktige", "nämnd"),
        ("nätverk", "nätverk"),
    ):
        if suffix in lowered:
            return kind
    return None


# --- mentions --------------------------------------------------------------------------------------


@dataclass
class _Mention:
    evidence: Evidence
    body: str | None = None
    body_alias: str | None = None
    date: str | None = None
    date_strength: int = 1  # 2: meeting date of a protocol, 1: in the decision's sentence, 0: a reference
    diarienummer: list[str] = field(default_factory=list)
    paragraph: str | None = None
    summary: str | None = None
    quality: int = 1  # which mention's summary to keep: protocol 3, prose 2, table row 1, reference 0


def _evidence(page: int, text: str, start: int, end: int) -> Evidence:
    return Evidence(page=page, quote=text[start:end].strip(), extractor=EXTRACTOR, start=start, end=end)


_PAST = r"beslutade|beslöt|antog|fastställde|fastslog|godkände|tillsatte|utfärdade|utsåg"
_PASSIVE = r"beslutades|beslöts|antogs|fastställdes|godkändes"
_PRESENT = r"beslutar|antar|fastställer|godkänner"
_VERB = re.compile(
    rf"\b(?P<past>{_PAST})\b|\b(?P<passive>{_PASSIVE})\b|\b(?P<present>{_PRESENT})\b"
    r"|\b(?P<took>fattade|tog)\b(?P<took_mid>[^.;]{0,60}?)\bbeslut\b"
    r"|\b(?P<perfect>har)\s+(?:fattat\s+beslut|beslutat)(?=\s+(?:om|att)\b)"
    r"|\b(?P<perfect2>har)\s+(?:antagit|fastställt|godkänt)\b"
    r"|\b(?P<agreed>enades)\b"
    r"|\b(?P<took_passive>togs)\s+beslut\b"
    r"|\b(?P<backed>ställde\s+sig)\b(?P<backed_mid>[^.;]{0,40}?)\bbakom\b",
    re.IGNORECASE,
)
_YEAR_HEADING = re.compile(r"^[ \t]*((?:19|20)\d{2})(?:[ \t]*[-–][ \t]*(?:\d{4}|[a-zåäö]+))?[ \t]*$", re.M)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”(])|\n[ \t]*\n")
_FUNCTION_WORD_END = re.compile(
    r"\b(?:i|för|och|att|om|av|till|med|på|den|det|en|ett|som|inom|kring|från|samt)[ \t]*$"
)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; a short line without end punctuation (a heading such as "Beslut") ends one too."""
    cuts = {0, len(text)}
    for match in _SENTENCE_END.finditer(text):
        cuts.add(match.start())
        cuts.add(match.end())
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        end = pos + len(line)
        nxt = text[end : end + 1]
        if (
            stripped
            and len(stripped) < 40
            and not re.search(r"[.,;:–-]$", stripped)
            and not _FUNCTION_WORD_END.search(stripped)
            and nxt[:1].isupper()
        ):
            cuts.add(end)
        pos = end
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if text[a:b].strip()]


def _summary_after(text: str) -> str | None:
    match = re.search(r"\b(?:att|om att|om)\s+(.+)", text, re.DOTALL)
    summary = _clean(match.group(1) if match else text)
    summary = re.sub(r"\s*\(bilaga[^)]*\)", "", summary).rstrip(". ")
    if len(summary) > 300:
        summary = summary[:300].rsplit(" ", 1)[0] + " …"
    return summary or None


class _YearHeadings:
    """A text's year headings ("2022", "2022 - våren", "2024-2027"), found once, so that the one nearest
    above a position is looked up without reading the text from its start again for every sentence."""

    _REACH = 6000  # a heading further above than this no longer dates the text

    def __init__(self, text: str) -> None:
        self.text = text
        self.headings = [(m.start(), int(m.group(1)), _is_period(m)) for m in _YEAR_HEADING.finditer(text)]
        self.starts = [start for start, _, _ in self.headings]

    def above(self, position: int, periods: bool) -> int | None:
        """The year of the last year heading in ``text[:position]`` starting less than _REACH characters
        before ``position``; a heading that spans several years (a plan period) only when ``periods``."""
        line_start = self.text.rfind("\n", 0, position) + 1
        # the line ``position`` stands in counts as far as it goes ("2022" before a sentence on its line)
        current = _YEAR_HEADING.match(self.text, line_start, position)
        if current and position - line_start < self._REACH and (periods or not _is_period(current)):
            return int(current.group(1))
        for index in range(bisect_left(self.starts, line_start) - 1, -1, -1):
            start, year, period = self.headings[index]
            if position - start >= self._REACH:
                return None
            if periods or not period:
                return year
        return None


def _is_period(match: re.Match[str]) -> bool:
    """A year heading that spans more than two years ("2024-2027"), not a timeline's "2022–2023"."""
    second = re.search(r"[-–]\s*((?:19|20)\d{2})", match.group(0))
    return bool(second and int(second.group(1)) - int(match.group(1)) > 1)


def _default_year(years: _YearHeadings, position: int, document_year: int | None) -> int | None:
    """The year of the nearest year heading before ``position`` ("2022 - våren"), else the document's, else
    that of the nearest full date before (a protocol's "Sammanträdesdatum 2023-09-14")."""
    text = years.text
    year = years.above(position, periods=True)
    if year or document_year:
        return year or document_year
    window = max(0, position - 3000)
    dated = [m for m in find_dates(text[window:position]) if len(m.iso) == 10]
    return int(dated[-1].iso[:4]) if dated else None


def _nearest_date(text: str, anchor: int, default_year: int | None) -> str | None:
    mentions = find_dates(text, default_year=default_year)
    mentions = [m for m in mentions if not re.search(r"(?:före|till|från och med)\s*$", text[: m.start])]
    if not mentions:
        return None
    return min(mentions, key=lambda m: abs(m.start - anchor)).iso


# --- protocol sections -----------------------------------------------------------------------------

_SECTION = re.compile(
    r"^[#*\s]*(?:(?P<abbr>[A-ZÅÄÖ]{1,8})[ \t]+)?(?:§|Paragraf)[ \t]*(?P<num>\d+(?:/\d{2,4})?)\b"
    r"(?P<title>[^\n]{0,200})$",
    re.M,
)
_PARAGRAPH_REF = re.compile(r"(?<![\w§])(?P<abbr>[A-ZÅÄÖ]{1,8})[ \t]*§[ \t]*(?P<num>\d+(?:/\d{2,4})?)\b")
_MEETING_DATE = re.compile(r"Sammanträdesdatum|Sammanträdesdag|Mötesdatum|Sammanträde|Datum", re.IGNORECASE)
_DECISION_HEADING = re.compile(
    r"(?:^[#*\s]*|\*\*)(?:[^\n*#]{0,80}förslag till beslut|Beslut|Beslutsförslag)[ \t]*(?:\*\*|$)",
    re.M | re.IGNORECASE,
)
_HEADING_LINE = re.compile(r"^\s*(?:#+ |\*\*)|^\s*[A-ZÅÄÖ][\wåäö ]{2,30}\s*$")


def _protocol_mentions(page: int, text: str, aliases: dict[str, str]) -> tuple[list[_Mention], set[int]]:
    sections = list(_SECTION.finditer(text))
    mentions: list[_Mention] = []
    # a protocol's header ("Sammanträdesdatum 2023-09-14") dates the sections that have no date of their own
    header_date = _meeting_date(text[: sections[0].start()]) if sections else None
    for index, match in enumerate(sections):
        end = sections[index + 1].start() if index + 1 < len(sections) else len(text)
        section = text[match.start() : end]
        head = section[:800]
        num = match.group("num")
        mention = _Mention(
            evidence=_evidence(page, text, match.start(), match.end()), paragraph=f"§ {num}", quality=3
        )
        dnrs = find_diarienummer(head)
        mention.diarienummer = [d for d, _, _ in dnrs[:1]]
        abbr = match.group("abbr") or (_dnr_prefix(dnrs[0][0]) if dnrs else None)
        meeting = _meeting_date(head) or header_date
        if meeting:
            mention.date, mention.date_strength = meeting, 2
        elif mention.diarienummer and (year := re.search(r"(?:19|20)\d{2}", mention.diarienummer[0])):
            mention.date, mention.date_strength = (
                year.group(0),
                0,
            )  # "KS/2022:276": the year it was registered
        treated = re.search(
            r"Behandlat av[^\n]*\n\s*\d*\s*([^\t\n]+?)\s*(?:\t|\d{4}-\d{2}-\d{2}|$)", head, re.M
        )
        if _only_proposed(section):
            continue  # "Förslag till beslut", "föreslås besluta": not decided (yet)
        mention.summary, proposer = _protocol_summary(section)
        if mention.summary is None:
            decided = _DECIDES_THAT.search(section)
            mention.summary = _clean(decided.group("what")) if decided else None
        if treated:
            mention.body = _clean(treated.group(1))
        elif proposer:
            mention.body = proposer
        if abbr and abbr != mention.body:
            mention.body_alias = abbr
        if mention.body is None:
            mention.body = abbr
        if mention.body_alias and mention.body:
            aliases.setdefault(_clean(mention.body).lower(), mention.body_alias)
        mentions.append(mention)
    return mentions, {m.start() for m in sections}


_DECIDES_THAT = re.compile(r"\b(?:beslutar|beslutade|beslöt)\s+att\s+(?P<what>[^.\n]{3,300})", re.IGNORECASE)
_DECIDED_HEAD = re.compile(r"^[#*\s]*(?:Beslut|Beslut i korthet|Beslutet)[ \t]*:?[*\s]*$", re.IGNORECASE)
_DECIDED_PASSIVE = re.compile(r"\b(?:antas|godkänns|fastställs|beslutas|bifalls)\b", re.IGNORECASE)
_PROPOSED = re.compile(r"förslag till beslut|beslutsförslag|föreslås|föreslår|yrkar|motion", re.IGNORECASE)


def _only_proposed(section: str) -> bool:
    """A § that only proposes: a proposal cue and no decision verb outside the proposal's lines."""
    if not _PROPOSED.search(section):
        return False
    lines = section.splitlines()
    if any(_DECIDED_HEAD.match(line) for line in lines):
        return False
    return not any(
        (_VERB.search(line) or _DECIDED_PASSIVE.search(line)) and not _PROPOSED.search(line) for line in lines
    )


def _meeting_date(text: str) -> str | None:
    label = _MEETING_DATE.search(text)
    if not label:
        return None
    dates = find_dates(text[label.end() : label.end() + 200])
    return dates[0].iso if dates else None


def _protocol_summary(section: str) -> tuple[str | None, str | None]:
    """What the § decided (the text under its "Beslut" heading) and who, when the text says it."""
    heading = _DECISION_HEADING.search(section)
    if not heading:
        return None, None
    rest = section[heading.end() :]
    lines: list[str] = []
    for line in rest.splitlines():
        if lines and _HEADING_LINE.match(line) and not re.match(r"\s*\d+\.", line):
            break
        if line.strip():
            lines.append(line.strip())
        if sum(len(x) for x in lines) > 400:
            break
    summary = _clean(" ".join(lines))[:400] or None
    proposer = None
    if summary:
        verb = re.search(r"\b(?:föreslår|beslutar|beslöt|beslutade)\b", summary)
        if verb:
            proposer = _body_before(summary[: verb.start()])
    return summary, proposer


def _reference_mentions(page: int, text: str, headers: set[int]) -> list[_Mention]:
    mentions = []
    for match in _PARAGRAPH_REF.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        if line_start in headers or text[line_start : match.start()].strip(" #*") == "":
            continue
        after = find_dates(text[match.end() : line_end])
        mentions.append(
            _Mention(
                evidence=_evidence(page, text, line_start, line_end),
                body=match.group("abbr"),
                paragraph=f"§ {match.group('num')}",
                date=after[0].iso if after else None,
                date_strength=0,
                diarienummer=[d for d, _, _ in find_diarienummer(text[line_start : match.start()])],
                quality=0,
            )
        )
    return mentions


# --- decision tables and prose ---------------------------------------------------------------------


def _row_spans(text: str) -> list[tuple[int, int, str]]:
    """Rows of decision tables led by a date alone on its lines ("11 mars \\n2022"): (start, end, iso).

    A year or season alone ("Hösten 2023") heads a period in a plan, not a decision row."""
    rows: list[tuple[int, int, str]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)]
    for index, (start, end) in enumerate(paragraphs):
        chunk = text[start:end]
        # the date ends the paragraph on lines of its own (a table header may come first)
        dates = [d for d in find_dates(chunk) if not chunk[d.end :].strip()]
        if (
            not dates
            or len(dates[0].iso) < 7
            or len(dates[0].surface) > 30
            or chunk[: dates[0].start].strip(" \t")[-1:] not in ("", "\n")
        ):
            continue
        row_end = min(len(text), end + 700)
        for later_start, _ in paragraphs[index + 1 : index + 5]:
            line = text[
                later_start : text.find("\n", later_start) if "\n" in text[later_start:] else len(text)
            ]
            lead = find_dates(line)
            if lead and lead[0].start == 0 and (line[:1].isupper() or line[:1].isdigit()):
                row_end = min(row_end, later_start)
                break
        else:
            last = paragraphs[min(index + 4, len(paragraphs) - 1)]
            row_end = min(row_end, last[1])
        rows.append((start + dates[0].start, row_end, dates[0].iso))
    return rows


def _row_mentions(page: int, text: str, rows: list[tuple[int, int, str]]) -> list[_Mention]:
    mentions = []
    for start, end, iso in rows:
        row, offsets = unwrap(text[start:end])
        verb = _VERB.search(row)
        if not verb:
            continue
        body = _body_before(row[: verb.start()])
        mentions.append(
            _Mention(
                evidence=_evidence(page, text, start, end),
                body=body,
                date=iso,
                diarienummer=[d for d, _, _ in find_diarienummer(row)],
                summary=_summary_after(re.split(r"\n\s*\n|[.!?]\s+(?=[A-ZÅÄÖ])", row[verb.end() :])[0]),
            )
        )
    return mentions


_DECIDED_IN = re.compile(r"\b[Bb]eslut(?:ade|at|ad)?\s+i\s+")


def _prose_mentions(
    page: int, text: str, skip: list[tuple[int, int]], document_year: int | None
) -> list[_Mention]:
    plain, offsets = unwrap(text)
    mentions: list[_Mention] = []
    previous = ""
    years = _YearHeadings(text)
    for start, end in _sentences(plain):
        o_start, o_end = offsets[start], offsets[end]
        sentence = plain[start:end]
        if any(a <= o_start < b for a, b in skip):
            previous = sentence
            continue
        year = _default_year(years, o_start, document_year)
        found = _prose_mention(sentence, year, previous, _heading_year(years, o_start))
        if found:
            found.evidence = _evidence(page, text, o_start, o_end)
            mentions.append(found)
        previous = sentence
    return mentions


def _heading_year(years: _YearHeadings, position: int) -> int | None:
    """The year of the nearest year heading above ``position`` (within the same stretch of the report): a
    timeline's "2022", "2022 - våren" or "2022–2023", not a plan period such as "2024-2027"."""
    return years.above(position, periods=False)


_BARE_YEAR = re.compile(r"(?<![\w/:-])((?:19|20)\d{2})(?![\w/:]|-\d)")


def _year_near(sentence: str, start: int, end: int) -> str | None:
    """A bare year next to the verb ("Regeringen tillsatte en utredning 2017"), not a report number
    ("SOU 2017:01")."""
    window_start = max(0, start - 40)
    for match in _BARE_YEAR.finditer(sentence, window_start, min(len(sentence), end + 40)):
        if not re.search(r"(?:SOU|Ds|Prop\.?|SFS)\s*$", sentence[: match.start()]):
            return match.group(1)
    return None


_PRONOUN_SUBJECT = re.compile(r"\b(?:de|man|dessa|denna|gruppen|vi)\s*$", re.IGNORECASE)
_MEETING_OF = re.compile(
    r"\b(?P<body>[a-zåäö]*(?:grupp|nämnd|styrelse|råd|nätverk|ledning))s?mötet\b", re.IGNORECASE
)
_PARAGRAPH_IN_TEXT = re.compile(r"(?<![\w§])§[ \t]*(?P<num>\d+(?:/\d{2,4})?)\b")


def _definite(noun: str) -> str:
    """ "styrgrupp" → "Styrgruppen", "nämnd" → "Nämnden", "råd" → "Rådet"."""
    noun = noun.lower()
    if noun.endswith(("grupp", "nämnd")):
        noun += "en"
    elif noun.endswith(("råd", "nätverk")):
        noun += "et"
    elif noun.endswith(("styrelse", "ledning")):
        noun += "n"
    return noun[:1].upper() + noun[1:]


def _last_body(text: str) -> str | None:
    """The body named last in ``text`` ("Förslaget presenterades för styrgruppen i januari": styrgruppen)."""
    last = None
    for token in _TOKEN.finditer(text):
        word = token.group(0)
        named = _is_head(word) and (word[:1].isupper() or _BODY_HEAD.search(word.lower())) and len(word) > 3
        if named and (not _ABBR.fullmatch(word) or word not in _NOT_BODY_ABBR):
            last = word
    return last


def _prose_mention(
    sentence: str, year: int | None, previous: str = "", heading_year: int | None = None
) -> _Mention | None:
    decided_in = _DECIDED_IN.search(sentence)
    if decided_in:  # "Beslut i NSV 22-02-11"
        body = _body_after(sentence[decided_in.end() :])
        if body:
            tail = sentence[decided_in.end() + body[1] :]
            dates = find_dates(tail[:30])
            if dates and not tail[: dates[0].start].strip(" ,:\n"):
                return _Mention(Evidence(0, "", EXTRACTOR), body=body[0], date=dates[0].iso, quality=2)
    verb = _VERB.search(sentence)
    if not verb or verb.group("present"):
        return None
    passive = bool(verb.group("passive") or verb.group("took_passive"))
    after = sentence[verb.end() :]
    dnrs = [d for d, _, _ in find_diarienummer(sentence)]
    date = _nearest_date(sentence, verb.start(), year)
    paragraph = _PARAGRAPH_IN_TEXT.search(sentence)
    body = None
    from_previous = False
    if verb.group("agreed"):  # "Vid styrgruppsmötet i mars enades man om att ..."
        meeting = _MEETING_OF.search(sentence[: verb.start()])
        if not meeting:
            return None
        body = _definite(meeting.group("body"))
        summary = _summary_after(after)
    elif passive:
        agent = re.search(r"\b(?:av|i)\s+(?=\S)", after)
        while agent:
            named = _body_after(after[agent.end() :])
            if named:
                body = named[0]
                break
            agent = re.compile(r"\b(?:av|i)\s+(?=\S)").search(after, agent.end())
        if body is None:  # "Efter en dialog med Länsstyrgruppen beslutades om ..."
            agent_before = re.search(r"\b(?:med|av|i)\s+(?=\S)([^,.;]*)$", sentence[: verb.start()])
            named = _body_after(agent_before.group(1)) if agent_before else None
            body = named[0] if named else None
        if not date and not dnrs and not (body and heading_year):
            return None
        if not date and re.search(r"\b(?:att|när|sedan|innan|då)\s+[\w\s]{0,40}$", sentence[: verb.start()]):
            return None  # "i samband med att målbilden beslutades av NSV" refers to a decision told elsewhere
        before = _clean(re.sub(r"\bsom\s*$", "", re.split(r"\batt\b", sentence[: verb.start()])[-1].strip()))
        summary = (
            before if len(before) > 12 and not re.match(r"\s*(?:att|om)\b", after) else _summary_after(after)
        )
    else:
        subject = sentence[: verb.start()]
        body = None if _PRONOUN_SUBJECT.search(subject) else _body_before(subject)
        rest = after
        if body is None and _PRONOUN_SUBJECT.search(subject):
            # "de ställde sig bakom": the body named just before, in this sentence or the one before
            body = _last_body(subject[: _PRONOUN_SUBJECT.search(subject).start()])
            if body is None:
                body = _last_body(previous)
                from_previous = body is not None
                if from_previous and not date:
                    date = _nearest_date(previous, len(previous), year)
        if body is None:
            named = _body_after(verb.group("took_mid") or after)
            body = named[0] if named else None
            if named and not verb.group("took_mid"):
                rest = after[named[1] :]  # V2: "beslutade regeringen inriktningen ..."
        if not body and not date and not dnrs:
            return None
        if verb.group("backed") and not (body and date):
            return None  # "ställde sig bakom" is support; only a dated stand of a named body is kept
        summary = _summary_after(rest)
    if not date and not passive:
        date = _year_near(sentence, verb.start(), verb.end())
    strength = 1
    if not date and heading_year:
        # the year heading the section ("2022"), when the sentence gives no date: it dates the decision, but
        # is not the sentence's own date (see _merge)
        date, strength = str(heading_year), 0
    return _Mention(
        Evidence(0, "", EXTRACTOR),
        body=body,
        date=date,
        date_strength=strength,
        diarienummer=dnrs,
        summary=summary,
        quality=2,
        paragraph=f"§ {paragraph.group('num')}" if paragraph else None,
    )


# --- merging ---------------------------------------------------------------------------------------


def _keys(mention: _Mention, aliases: dict[str, str]) -> list[tuple[str, ...]]:
    body = body_key(mention.body, aliases) if mention.body else ""
    alias = mention.body_alias.lower() if mention.body_alias else ""
    keys: list[tuple[str, ...]] = [("dnr", _dnr_key(d)) for d in mention.diarienummer]
    if mention.paragraph:
        paragraph = mention.paragraph.replace(" ", "")
        keys += [("par", b, paragraph) for b in {body, alias} if b]
    if mention.date and len(mention.date) >= 7 and mention.date_strength > 0 and not mention.paragraph:
        # two §§ of one meeting share body and date but are two decisions
        keys += [("date", b, mention.date) for b in {body, alias}]
    return keys


def _merge(mentions: list[_Mention], aliases: dict[str, str]) -> list[list[_Mention]]:
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, ...], int] = {}
    for index, mention in enumerate(mentions):
        for key in _keys(mention, aliases):
            if key in owner:
                parent[find(index)] = find(owner[key])
            else:
                owner[key] = index
    # undated mentions of one body with nearly the same summary are one decision ("antog Länsstyrgruppen");
    # a year taken from a section heading does not date a mention for this
    for i, a in enumerate(mentions):
        for j in range(i):
            b = mentions[j]
            dated = (a.date and a.date_strength > 0) or (b.date and b.date_strength > 0)
            if dated or a.diarienummer or b.diarienummer or not (a.summary and b.summary):
                continue
            same_body = bool(a.body and b.body) and body_key(a.body, aliases) == body_key(b.body, aliases)
            if same_body and fuzz.token_set_ratio(a.summary, b.summary) >= 90:
                parent[find(i)] = find(j)
    groups: dict[int, list[_Mention]] = {}
    for index, mention in enumerate(mentions):
        groups.setdefault(find(index), []).append(mention)
    return list(groups.values())


def _decision_name(
    body: str | None, paragraph: str | None, date: str | None, dnr: str | None, summary: str | None
) -> str:
    if body:  # "regeringen" mid-sentence is the same body as "Regeringen"
        body = body[:1].upper() + body[1:]
    if paragraph and body:
        return f"{body} {paragraph}"
    if body and date:
        return f"Beslut {body} {date}"
    if dnr:
        return dnr
    words = " ".join((summary or "").split()[:8])
    if body:
        return f"Beslut {body}: {words}"
    return f"Beslut {date}: {words}" if date else f"Beslut: {words}"


def _emit(groups: list[list[_Mention]], aliases: dict[str, str], result: Extraction) -> None:
    actors: dict[str, Entity] = {}
    for group in groups:
        group.sort(key=lambda m: -m.quality)
        dated = sorted((m for m in group if m.date), key=lambda m: (-m.date_strength, -len(m.date or "")))
        date = dated[0].date if dated else None
        dnrs = list(
            dict.fromkeys(d for m in sorted(group, key=lambda m: m.quality < 1) for d in m.diarienummer)
        )
        paragraph = next((m.paragraph for m in group if m.paragraph), None)
        summary = next((m.summary for m in group if m.summary), None)
        body = next((m.body for m in group if m.body), None)  # from the best mention: protocol, prose, row
        alias = next((m.body_alias for m in group if m.body_alias), None)
        short = alias or (body if body and _ABBR.fullmatch(body) else None) or body
        name = _decision_name(
            short if paragraph else body, paragraph, date, dnrs[0] if dnrs else None, summary
        )
        evidence = list(dict.fromkeys(m.evidence for m in group))
        decision = result.entity(
            "Decision",
            name,
            # without a date, § or diarienummer a person should check it (the review queue)
            confidence=1.0 if (date or dnrs or paragraph) else 0.6,
            date=date,
            diarienummer=dnrs[0] if dnrs else None,
            other_diarienummer=dnrs[1:] or None,
            paragraph=paragraph,
            summary=summary,
            body=body,
        )
        decision.evidence.extend(evidence)
        if not body or _COLLECTIVE_BODY.fullmatch(body):
            continue  # "samtliga kommuner och regionen" decided, but it is no single actor
        key = body_key(body, aliases)
        actor = actors.get(key)
        if actor is None:
            actor = result.entity("Actor", body, type=_actor_type(body))
            actors[key] = actor
        for spelling in {m.body for m in group if m.body} | ({alias} if alias else set()):
            if spelling != actor.name and spelling not in actor.aliases:
                actor.aliases.append(spelling)
        actor.evidence.extend(e for e in evidence if e not in actor.evidence)
        relation = result.relate("DECIDED", actor, decision)
        relation.evidence.extend(evidence)


def _into_sections(prose: list[_Mention], protocol: list[_Mention], length: int) -> None:
    """A decision sentence under a § is that §'s decision (it takes the §, and so merges with it),
    unless it is dated otherwise."""
    starts = sorted(protocol, key=lambda m: m.evidence.start)
    for mention in prose:
        if mention.paragraph:
            continue
        owner = None
        for section in starts:
            if section.evidence.start <= mention.evidence.start < length:
                owner = section
        if owner is None:
            continue
        if mention.date and owner.date and not owner.date.startswith(mention.date[:10]):
            continue  # an earlier decision the case history tells of ("Socialnämnden beslutade den 3 maj")
        mention.paragraph = owner.paragraph
        mention.body = mention.body or owner.body


def extract_decisions(doc: SourceDocument) -> Extraction:
    """Decision entities, the Actors that decided them and Actor-DECIDED->Decision, with evidence."""
    result = Extraction()
    aliases = _abbreviations(doc.text)
    document_year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
    mentions: list[_Mention] = []
    for page in doc.pages:
        text = page.text
        protocol, headers = _protocol_mentions(page.number, text, aliases)
        rows = _row_spans(text)
        mentions += protocol
        mentions += _reference_mentions(page.number, text, headers)
        mentions += _row_mentions(page.number, text, rows)
        prose = _prose_mentions(page.number, text, [(a, b) for a, b, _ in rows], document_year)
        _into_sections(prose, protocol, len(text))
        mentions += prose
    _emit(_merge(mentions, aliases), aliases, result)
    return result
