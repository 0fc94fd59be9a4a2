"""Named initiatives in running text: projects, satsningar, utvecklingsarbeten and planned activities.

Activity tables are read by ``activities``; this module reads what prose says. Each rule needs a
project-ish word or a list context, so that not every quoted phrase or capitalised word becomes a project:

* a head noun and a name: "projektet Nära vård i Sörmland", "utvecklingsarbetet "Närmare hälsa"",
  "insatsen Sörmlands Hälsoprogram", "en utbildning ”Leda omställning”" (indefinite head nouns only with
  a quoted or italic name); the name starts with a capital letter or is quoted/italic;
* a list after a plural head noun: "de gemensamma projekten – A, B, C samt D", "satsningar såsom A och B";
* a definition: "Yrkesresan är ett koncept för ...", "X är en länsgemensam satsning ...";
* ongoing or started work: "Det pågår ett arbete med att ta fram en ny X", "Arbete med översyn av X pågår",
  "Arbetet med X startade i Askersund hösten 2021";
* something to be built: "en gemensam databas ska tas fram", "ett förslag på en X kommer att presenteras",
  "fick i uppdrag att genomföra ett X";
* a heading led by a project noun ("Utbildning i tjänstedesign", "Pilotprojekt Mobila team");
* a section of a plan headed "Aktiviteter", "Åtgärder", "Genomförande (och tidplan)", "Insatser",
  "Gemensamma satsningar" or "Pågående projekt": its list items, its sentences "X genomförs/anordnas/
  startar ...", its bold sentences and its "Label – description." lines are activities; a period line
  ("Hösten 2023", "Våren 2024", "2025") in the section dates the activities under it.

Each gives a ``Project`` with ``kind`` (projekt, satsning, utvecklingsarbete, utbildning, aktivitet, pilot),
``description`` (the sentence), ``timeplan_text``/``start``/``end``/``status`` when the sentence or the
section's period line gives a time, ``RESPONSIBLE_FOR`` when the sentence says who does it ("tas fram av
FoUiS") and ``LOCATED_IN`` for the places the sentence names. One name gives one entity per document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import snowballstemmer

from domain import places
from domain.document import SourceDocument
from domain.model import Entity, Evidence, Extraction
from ingest.extractors.activities import _cell, _locate, find_activity_tables, project_name
from ingest.extractors.text_utils import (
    clean_cell,
    heading_text,
    is_heading,
    is_list_item,
    iter_lines,
    normalize_key,
    strip_bullet,
)
from ingest.extractors.timeplan import parse_timeplan

EXTRACTOR = "initiatives"
_STEMMER = snowballstemmer.stemmer("swedish")

# --- text with offsets -------------------------------------------------------------------------

_BREAK_HYPHEN = re.compile(r"(?<=[a-zåäöé])-[ \t]*\n[ \t]*(?:\n[ \t]*)?(?=[a-zåäöé])")
_KEEP_HYPHEN = re.compile(r"(?:och|eller|samt|till|respektive)\b")


def flatten(text: str) -> tuple[str, list[int]]:
    """The text with line-end hyphens joined and whitespace runs as one space; for each character of the
    result, its offset in ``text`` (plus one past the end), so that evidence quotes the text as written."""
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(text):
        hyphen = _BREAK_HYPHEN.match(text, i) if text[i] == "-" else None
        if hyphen and not _KEEP_HYPHEN.match(text, hyphen.end()):
            i = hyphen.end()
            continue
        if text[i].isspace():
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if out and out[-1] != " ":
                out.append(" ")
                offsets.append(i)
            i = j
            continue
        out.append(text[i])
        offsets.append(i)
        i += 1
    offsets.append(len(text))
    return "".join(out), offsets


_MARKUP = re.compile(r"</?(?:i|b|em|strong|u)>|\*\*|__")
_BOLD_MARKUP = re.compile(r"</?(?:b|strong|u)>|\*\*|__")  # italics stay: they mark names
_SENTENCE = re.compile(r"(?:[^.!?]|\.(?=\d)|(?<=\b[a-zåäö])\.(?=[a-zåäö]\.))+[.!?]?")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``, also cut at blank lines and at headings (short lines without a period)."""
    spans: list[tuple[int, int]] = []
    blocks: list[list[int]] = []
    for block in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        # a sentence broken by a blank line (a column or page break) goes on in lower case
        unfinished = blocks and not re.search(r"[.!?:]\s*$", text[blocks[-1][0] : blocks[-1][1]])
        if unfinished and block.group()[:1].islower():
            blocks[-1][1] = block.end()
            continue
        blocks.append([block.start(), block.end()])
    for block_start, block_end in blocks:
        start = block_start
        lines = text[block_start:block_end].split("\n")
        # a short first line without end punctuation is a heading, not the start of the sentence
        heading = len(lines) > 1 and len(lines[0].strip()) < 50 and not re.search(r"[.,;:]\s*$", lines[0])
        if heading and lines[1].strip()[:1].isupper():
            spans.append((start, start + len(lines[0])))
            start += len(lines[0]) + 1
        for match in _SENTENCE.finditer(text, start, block_end):
            if match.group().strip():
                spans.append((match.start(), match.end()))
    return spans


# --- names -------------------------------------------------------------------------------------

_HEAD_NOUNS: dict[str, str] = {
    "projekt": "projekt",
    "pilotprojekt": "pilot",
    "pilot": "pilot",
    "satsning": "satsning",
    "utvecklingsarbete": "utvecklingsarbete",
    "förbättringsarbete": "utvecklingsarbete",
    "initiativ": "projekt",
    "program": "projekt",
    "utbildning": "utbildning",
    "insats": "satsning",
    "koncept": "projekt",
}
_DEFINITE = (
    r"(?:projektet|pilotprojektet|piloten|satsningen|utvecklingsarbetet|förbättringsarbetet|initiativet|"
    r"programmet|utbildningen|insatsen|konceptet)"
)
_INDEFINITE = (
    r"(?:projekt|pilotprojekt|pilot|satsning|utvecklingsarbete|förbättringsarbete|initiativ|program|"
    r"utbildning|insats|koncept)"
)
# a name in quotes, HTML italics or Markdown italics
_QUOTE = (
    r"(?:\"(?P<q1>[^\"]{3,100})\"|[”“«](?P<q2>[^”“»\"]{3,100})[”»]|<i>(?P<q3>[^<]{3,100})</i>"
    r"|(?<!\*)\*(?!\*)(?P<q4>[^*]{3,100})\*(?!\*))"
)
_NAMED = re.compile(
    rf"\b(?P<head>{_DEFINITE})\s+(?:{_QUOTE}|(?P<cap>(?-i:[A-ZÅÄÖ])[^.;:!?()\[\]]{{1,120}}))", re.IGNORECASE
)
_NAMED_INDEFINITE = re.compile(
    rf"\b(?P<head>{_INDEFINITE})\s+(?:(?:kallad|kallat|som\s+heter|med\s+namnet)\s+)?{_QUOTE}", re.IGNORECASE
)
_CALLED = re.compile(
    rf"\bkallas\s+(?P<head>{_DEFINITE})\s+(?P<cap>(?-i:[A-ZÅÄÖ])[^.;:!?()]{{1,120}})", re.IGNORECASE
)
# where a capitalised name ends: punctuation or a word that starts a clause
_NAME_STOP = re.compile(
    r"\s*[,;:–—(]|\s+-\s|\s+(?:i\s+syfte|med\s+syfte|som|och(?=\s+[a-zåäö])|samt(?=\s+[a-zåäö])|har|hade|är|var|"
    r"blev|bli|blir|initierades|påbörjades|startade|startar|genomfördes|genomförs|kommer|ska|skulle|kan|riktar|"
    r"syftar|pågår|pågick|avslutades|under|sedan|där|vilket|för\s+att|inom\s+ramen|mellan|från|till\s+och\s+med|"
    r"fortsätter|drivs|leds|tas|togs|ger|gav|innebär|innebar|handlar|består|redovisas|beskrivs|fyra|tre|två|"
    r"tillsammans\s+med|i\s+samverkan|med\s+stöd|via|genom|"
    r"dessa|detta|den|det|de)\b"
    # a passive verb followed by its agent or a place: "Projektet X samordnas av ..."
    r"|\s+[a-zåäö]{3,}(?:as|ades|ats)(?=\s+(?:av|med|i|under|till|genom|på|inom)\b|\s*[.,;]|$)"
)
_NOT_A_NAME = re.compile(
    r"^(?:och|eller|samt|att|som|den|det|de|en|ett|i|på|med|för|till|har|är|var|sou|ds|prop)\b",
    re.IGNORECASE,
)
_NATIONAL_REPORT = re.compile(r"\b(?:SOU|Ds|Prop\.?)\s*\d{4}|\butredning", re.IGNORECASE)
_LIST_HEAD = re.compile(
    r"\b(?P<head>projekten|satsningarna|initiativen|utvecklingsarbetena|programmen|pilotprojekten|"
    r"projekt|satsningar|initiativ|utvecklingsarbeten|pilotprojekt)\b[^.:–—]{0,40}?"
    r"(?:\s*[–—:]\s*|,?\s+(?:såsom|bland\s+annat|till\s+exempel|t\.\s?ex\.|exempelvis)\s+)(?P<list>(?-i:[A-ZÅÄÖ\"”]).+)",
    re.IGNORECASE,
)
_DEFINITION = re.compile(
    rf"^(?P<name>[A-ZÅÄÖ][\wåäöÅÄÖé\-]*(?:\s+[\wåäöÅÄÖé\-]+){{0,5}}?)\s+är\s+(?:ett|en)\s+(?:[\wåäö\-]+\s+){{0,2}}?"
    rf"(?P<head>{_INDEFINITE}|samarbete|arbetssätt)\s+(?:för|som|där|med|inom|i)\b"
)
_WORK = re.compile(
    r"\b(?:ett|det|en)?\s*(?:(?:läns\s?gemensamt|länsövergripande|gemensamt|nytt|särskilt|pågående)\s+)*"
    r"arbete(?:t)?\s+med\s+(?:att\s+(?:ta\s+fram|utveckla|införa|bygga\s+upp|se\s+över)\s+)?"
    r"(?:(?:både|en|ett)\s+)?(?P<name>[^.;:()]{4,140})",
    re.IGNORECASE,
)
_WORK_STATE = re.compile(
    r"\b(?P<ongoing>pågår|pågick)\b|\b(?P<started>startade|påbörjades|inleddes|har\s+startat|har\s+påbörjats)\b",
    re.IGNORECASE,
)
_WORK_NAME_STOP = re.compile(
    r"\s+(?:pågår|pågick|startade|påbörjades|inleddes|har|kopplat|för\s+att|i\s+syfte|som|där|vilket|"
    r"och\s+i\s+detta|i\s+(?:de|det|den)\b|under|inom\s+ramen)\b|\s*[,–—(]"
)
_TO_BUILD = re.compile(
    r"\b(?:(?:ett\s+)?förslag\s+på\s+)?(?P<article>en|ett)\s+(?P<name>(?:[\wåäöé/\-]+\s+){0,6}?[\wåäöé/\-]+)\s+"
    r"(?:(?:ska|skall|kommer\s+att|bör)\s+(?:(?:även|också|inledningsvis|först|sedan|därefter)\s+)?)"
    r"(?P<verb>utvecklas|tas\s+fram|upprättas|införas|inrättas|byggas\s+upp|presenteras|arbetas\s+fram|startas)\b",
    re.IGNORECASE,
)
# inverted order: "Därför ska en kompletterande process införas", "ska inledningsvis en databas upprättas"
_TO_BUILD_INVERTED = re.compile(
    r"\b(?:ska|skall|bör|kommer)\s+(?:(?:även|också|inledningsvis|först|sedan|därefter|det)\s+)?(?P<article>en|ett)\s+"
    r"(?P<name>(?:[\wåäöé/\-]+\s+){0,6}?[\wåäöé/\-]+)\s+"
    r"(?P<verb>utvecklas|tas\s+fram|upprättas|införas|inrättas|byggas\s+upp|startas|arbetas\s+fram)\b",
    re.IGNORECASE,
)
_ASSIGNED = re.compile(
    r"\buppdrag(?:et)?\s+att\s+(?:genomföra|ta\s+fram|utveckla|införa|bygga\s+upp|starta|driva)\s+(?:en|ett)\s+"
    r"(?P<name>[^.;:()]{4,140})",
    re.IGNORECASE,
)
_ASSIGNED_STOP = re.compile(
    r"\s+(?:i\s+(?:de|det|den|två|tre|fyra|fem|flera|alla|samtliga|några|\d+)\b|för\s+att|som|där|under|inom)\b"
    r"|\s*[,–—]"
)
_RESPONSIBLE = re.compile(
    r"\b(?:tas\s+fram|arbetas\s+fram|vidareutvecklas|utvecklas|drivs|samordnas|leds|genomförs|upprättas)"
    r"(?:\s+och\s+\w+)?\s+av\s+(?P<actor>[A-ZÅÄÖ][\wåäöÅÄÖ]*(?:\s+(?:i|för)\s+[A-ZÅÄÖ][\wåäö]+)?)"
)
_TIME = re.compile(
    r"\b(?:under|från|sedan|till|i|fram\s+till|senast)?\s*(?:(?:våren|hösten|sommaren|vintern|början\s+av|slutet\s+av)\s+)?"
    r"(?:(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+)?"
    r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b",
    re.IGNORECASE,
)

# plan sections whose contents are activities
_ACTIVITY_SECTION = re.compile(
    r"^(?:aktiviteter|aktivitetsplan|åtgärder|genomförande(?:\s+och\s+tid(?:s)?plan)?|tid(?:s)?plan\s+och\s+genomförande|"
    r"insatser|planerade\s+insatser|gemensamma\s+satsningar|pågående\s+(?:projekt|satsningar|arbeten|aktiviteter)|"
    r"projekt|satsningar|handlingsplan)$",
    re.IGNORECASE,
)
_SECTION_KIND = {"projekt": "projekt", "satsning": "satsning", "arbeten": "utvecklingsarbete"}
_PERIOD_LINE = re.compile(
    r"^\s*(?:(?:våren|hösten|sommaren|vintern|vår|höst|kvartal\s*\d|q\d)\s+)?(?:19|20)\d{2}"
    r"(?:\s*[-–]\s*(?:(?:våren|hösten|vår|höst)\s+)?(?:19|20)\d{2})?\s*:?\s*$",
    re.IGNORECASE,
)
_DONE_VERB = re.compile(
    r"^(?P<subject>[A-ZÅÄÖ][^.;:]{2,100}?)\s+(?P<verb>genomförs|genomföres|anordnas|hålls|startar|påbörjas|"
    r"införs|erbjuds|arrangeras|inleds|planeras|genomfördes|anordnades|hölls|startade|påbörjades|infördes)\b"
    r"(?P<rest>[^.]*)"
)
_GENERIC_SUBJECT = re.compile(
    r"^(?:aktiviteterna|arbetet|arbetsgrupperna|arbetsgrupper|styrgruppen|styrgrupp|processledaren|"
    r"processledare|det|den|detta|dessa|vi|man|en|ett|uppföljningen|mätningen|mätning\s+av\s+data)\b",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(
    r"^(?P<label>[A-ZÅÄÖ][\wåäö]+(?:\s+[\wåäö]+){0,2})\s+[-–—]\s+(?P<rest>[a-zåäö].{8,})$"
)
_BOLD = re.compile(r"\*\*(?P<text>[^*]{12,200}?)\*\*|<b>(?P<b>[^<]{12,200}?)</b>")
_HEADING_PROJECT = re.compile(
    r"^(?P<head>utbildning(?:en)?|projekt(?:et)?|pilotprojekt(?:et)?|pilot(?:en)?|satsning(?:en)?|"
    r"utvecklingsarbete(?:t)?)\s+(?P<rest>(?:i|om|inom|för|kring)\s+\S.*|(?-i:[A-ZÅÄÖ\"”]).*)$",
    re.IGNORECASE,
)


@dataclass
class Initiative:
    name: str
    kind: str
    page: int
    start: int  # offsets of the sentence in the page text
    end: int
    quote: str
    timeplan: str | None = None
    responsible: list[str] = field(default_factory=list)
    status_word: str | None = None
    more: list[Initiative] = field(default_factory=list)  # other mentions of the same initiative


def _tidy(name: str) -> str | None:
    name = clean_cell(_MARKUP.sub("", name)).strip(" \"'”“«».,;:–—-")
    name = re.sub(r"\s+", " ", re.sub(r"\b(?:både|såväl)\s+", "", name))
    if not name or _NOT_A_NAME.match(name) or _NATIONAL_REPORT.search(name):
        return None
    words = name.split()
    if len(words) > 14 or len(name) < 3:
        return None
    return name[0].upper() + name[1:]


def _capitalised_name(text: str) -> str | None:
    stop = _NAME_STOP.search(text)
    name = text[: stop.start()] if stop else text
    words = name.split()
    if len(words) > 8:
        name = " ".join(words[:8])
    # a name of lower-case words ends before a trailing function word
    name = re.sub(r"\s+(?:i|för|och|av|med|på|till|om)$", "", name.strip())
    return _tidy(name)


def _kind(head: str) -> str:
    key = head.casefold()
    for stem, kind in _HEAD_NOUNS.items():
        if key.startswith(stem):
            return kind
    return "projekt"


def _quoted(match: re.Match[str]) -> str | None:
    for group in ("q1", "q2", "q3", "q4"):
        value = match.group(group)
        if value:
            return value
    return None


def _named(sentence: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for pattern in (_NAMED, _NAMED_INDEFINITE, _CALLED):
        for match in pattern.finditer(sentence):
            head = match.group("head")
            quoted = _quoted(match) if "q1" in match.groupdict() else None
            if quoted:
                name = _tidy(quoted)
                if name and len(name.split()) <= 8:
                    found.append((name, _kind(head)))
            elif match.groupdict().get("cap"):
                name = _capitalised_name(match.group("cap"))
                if name:
                    found.append((name, _kind(head)))
    return found


def _listed(sentence: str) -> list[tuple[str, str]]:
    match = _LIST_HEAD.search(sentence)
    if not match:
        return []
    items = re.split(r"\s*,\s*|\s+(?:samt|och)\s+(?=[A-ZÅÄÖ])", match.group("list").rstrip(" ."))
    names = [_tidy(item) for item in items]
    if len(names) < 2 or any(n is None or len(n.split()) > 8 or not n[0].isupper() for n in names):
        return []
    return [(name, _kind(match.group("head"))) for name in names if name]


def _defined(sentence: str) -> list[tuple[str, str]]:
    match = _DEFINITION.match(sentence.strip())
    if not match:
        return []
    name = _tidy(match.group("name"))
    if not name or name.split()[0].casefold() in {"det", "detta", "den", "denna", "här", "målet", "syftet"}:
        return []
    return [(name, _kind(match.group("head")))]


def _work(sentence: str) -> list[tuple[str, str, str]]:
    state = _WORK_STATE.search(sentence)
    if not state:
        return []
    found = []
    for match in _WORK.finditer(sentence):
        raw = match.group("name")
        stop = _WORK_NAME_STOP.search(raw)
        raw = raw[: stop.start()] if stop else raw
        # the state verb is said of this work: "Det pågår ett arbete med X", "Arbete med X (...) pågår"
        before = sentence[: match.start()]
        after = sentence[match.start("name") + len(raw) :]
        said_before = re.search(
            r"\b(?:pågår|pågick|startade|påbörjades|inleddes)(?:\s+det)?\s*$", before, re.I
        )
        said_after = re.match(
            r"\s*(?:\([^)]*\)\s*)?(?:pågår|pågick|startade|påbörjades|inleddes|har\s+startat)\b", after, re.I
        )
        if not (said_before or said_after):
            continue
        place = re.match(r"\s*(?:startade|påbörjades|inleddes)\s+i\s+((?-i:[A-ZÅÄÖ])[\wåäö]+)", after, re.I)
        if place:
            raw = f"{raw.strip()} i {place.group(1)}"
        raw = re.sub(r"^(?:en|ett|den|det)\s+", "", raw.strip(), flags=re.IGNORECASE)
        name = _tidy(raw)
        if name and len(name.split()) >= 2:
            found.append((name, "utvecklingsarbete", "pågående" if state.group("ongoing") else "startad"))
    return found


def _to_build(sentence: str) -> list[tuple[str, str]]:
    found = []
    for match in [*_TO_BUILD.finditer(sentence), *_TO_BUILD_INVERTED.finditer(sentence)]:
        name = _tidy(match.group("name"))
        clause = re.search(r"\b(?:hur|att|som|vad|när|vilken|vilka|där)\b", match.group("name"), re.I)
        if name and not clause and not re.match(r"(?i)(?:del|bild|fråga|dialog|rapport)\b", name):
            found.append((name, "projekt"))
    for match in _ASSIGNED.finditer(sentence):
        raw = match.group("name")
        stop = _ASSIGNED_STOP.search(raw)
        raw = raw[: stop.start()] if stop else raw
        name = _tidy(raw)
        if (
            name
            and not re.search(r"\b(?:hur|att|som|vad|när|vilken|vilka|där)\b", raw, re.I)
            and not re.match(r"(?i)(?:förslag|underlag)\b", name)
        ):
            found.append((name, "projekt"))
    return found


def _timeplan(sentence: str) -> str | None:
    times = [m.group().strip() for m in _TIME.finditer(sentence) if re.search(r"\d{4}", m.group())]
    return ", ".join(times) if times else None


def _responsible(sentence: str) -> list[str]:
    return [m.group("actor") for m in _RESPONSIBLE.finditer(sentence)]


def find_initiatives(document: SourceDocument) -> list[Initiative]:
    found: list[Initiative] = []
    for page in document.pages:
        text = page.text
        section_spans = _activity_sections(text)
        for start, end in _sentences(text):
            raw = text[start:end]
            if "\t" in raw or raw.lstrip().startswith("|"):
                continue  # table rows are the activity-table extractor's
            sentence, _ = flatten(_BOLD_MARKUP.sub("", raw))
            quote = clean_cell(raw)
            hits: list[tuple[str, str, str | None]] = []
            hits += [(n, k, None) for n, k in _named(sentence)]
            hits += [(n, k, None) for n, k in _listed(sentence)]
            hits += [(n, k, None) for n, k in _defined(sentence)]
            hits += _work(sentence)
            hits += [(n, k, None) for n, k in _to_build(sentence)]
            for name, kind, state in hits:
                found.append(
                    Initiative(
                        name=name,
                        kind=kind,
                        page=page.number,
                        start=start,
                        end=end,
                        quote=quote,
                        timeplan=_timeplan(sentence),
                        responsible=_responsible(sentence),
                        status_word=state,
                    )
                )
        found += _heading_projects(page.number, text)
        for section_start, section_end, kind in section_spans:
            found += _section_activities(page.number, text, section_start, section_end, kind)
    return _dedupe(found)


def _activity_sections(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of sections headed "Aktiviteter", "Genomförande och tidplan", "Pågående projekt" ...

    A numbered or marked-up heading ("3. Genomförande", "## Aktiviteter") opens a section that runs to the
    next such heading; a plain one to the next heading of any kind. Period lines ("Hösten 2023") are not
    headings here: they date what follows."""
    lines = list(iter_lines(text))
    heads: list[tuple[int, int, bool, str]] = []  # (line index, rank, activity heading, kind)
    for i, line in enumerate(lines):
        previous = lines[i - 1].text if i else ""
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        if _PERIOD_LINE.match(clean_cell(line.text)) or not is_heading(line.text, previous, following):
            continue
        title = heading_text(line.text)
        marked = bool(re.match(r"^\s*(?:#+\s*)?(?:\*\*)?\s*\d{1,2}(?:\.\d{1,2})*\.?\s", line.text))
        marked = marked or line.text.lstrip().startswith("#")
        rank = 1 if marked else 2
        if _ACTIVITY_SECTION.match(title):
            kind = next((k for stem, k in _SECTION_KIND.items() if stem in title.casefold()), "aktivitet")
            heads.append((i, rank, True, kind))
        else:
            heads.append((i, rank, False, ""))
    sections = []
    for index, (i, rank, activity, kind) in enumerate(heads):
        if not activity:
            continue
        end_line = next((j for j, r, _, _ in heads[index + 1 :] if r <= rank), len(lines))
        end = lines[end_line].start if end_line < len(lines) else len(text)
        sections.append((lines[i].end, end, kind))
    return sections


def _section_activities(page: int, text: str, start: int, end: int, kind: str) -> list[Initiative]:
    found: list[Initiative] = []
    period: str | None = None
    lines = list(iter_lines(text[start:end]))
    for index, line in enumerate(lines):
        raw = line.text
        line_start, line_end = start + line.start, start + line.end
        if not raw.strip() or "\t" in raw.strip():
            continue
        if _PERIOD_LINE.match(clean_cell(raw)):
            period = clean_cell(raw).rstrip(":")
            continue
        if is_list_item(raw):
            for follower in lines[index + 1 :]:  # a wrapped item goes on in lower case
                if (
                    not follower.text.strip()
                    or is_list_item(follower.text)
                    or not follower.text.strip()[0].islower()
                ):
                    break
                line_end = start + follower.end
            raw = text[line_start:line_end]
            if _GENERIC_SUBJECT.match(strip_bullet(clean_cell(raw))):
                continue  # "Styrgruppen träffas varannan månad" tells how the work is run
            name = _tidy(_first_clause(strip_bullet(flatten(raw)[0])))
            if name and len(name.split()) >= 2:
                found.append(_activity(name, kind, page, text, line_start, line_end, period))
            continue
        for bold in _BOLD.finditer(raw):
            name = _tidy(bold.group("text") or bold.group("b"))
            if name and len(name.split()) >= 4:
                b_start, b_end = line_start + bold.start(), line_start + bold.end()
                found.append(_activity(name, kind, page, text, b_start, b_end, period))
        label = _LABEL_LINE.match(clean_cell(raw))
        if label and not _GENERIC_SUBJECT.match(label.group("label")):
            name = _tidy(f"{label.group('label')} - {_first_clause(label.group('rest'))}")
            if name:
                found.append(_activity(name, kind, page, text, line_start, line_end, period))
            continue
        for s_start, s_end in _sentences(raw):
            sentence = clean_cell(raw[s_start:s_end])
            match = _DONE_VERB.match(sentence)
            if not match or _GENERIC_SUBJECT.match(match.group("subject")):
                continue
            name = match.group("subject")
            complement = re.match(r"\s+((?:med|för|om|kring|i)\s+[^,–—]+)", match.group("rest"))
            if complement:
                name = f"{name} {complement.group(1)}"
            tidy = _tidy(name)
            if tidy:
                found.append(
                    _activity(tidy, kind, page, text, line_start + s_start, line_start + s_end, period)
                )
    return found


def _first_clause(text: str) -> str:
    return re.split(r"(?<=[a-zåäö])\.\s|\s+[–—]\s", clean_cell(text))[0].rstrip(".")


def _activity(
    name: str, kind: str, page: int, text: str, start: int, end: int, period: str | None
) -> Initiative:
    quote = clean_cell(text[start:end])
    return Initiative(name, kind, page, start, end, quote, timeplan=period or _timeplan(quote))


def _heading_projects(page: int, text: str) -> list[Initiative]:
    found = []
    lines = list(iter_lines(text))
    for i, line in enumerate(lines):
        previous = lines[i - 1].text if i else ""
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        if not is_heading(line.text, previous, following):
            continue
        title = heading_text(line.text)
        match = _HEADING_PROJECT.match(title)
        if match and len(title.split()) <= 6:
            name = _tidy(title)
            if name:
                found.append(Initiative(name, _kind(match.group("head")), page, line.start, line.end, title))
    return found


def _stems(name: str) -> list[str]:
    """Word stems, a genitive -s dropped first ("Vingåkers" and "Vingåker" meet)."""
    words = normalize_key(name).split()
    return [_STEMMER.stemWord(word[:-1] if len(word) > 4 and word.endswith("s") else word) for word in words]


def _dedupe(found: list[Initiative]) -> list[Initiative]:
    """One initiative per name. Names whose words (stemmed) only add to a shorter name's words are one
    initiative: "Nära vård i Sörmlands fyra projektmål" is "Nära vård i Sörmland"; "Omställningen till nära
    vård i Askersund" and "omställning till nära vård" are one, named with the place."""
    stems = {normalize_key(i.name): _stems(i.name) for i in found}
    keys = sorted(stems, key=len)
    canonical: dict[str, str] = {key: key for key in keys}
    for key in keys:
        for other in keys:
            if other == key or len(stems[other]) < 2 or len(stems[other]) > len(stems[key]):
                continue
            if stems[other] == stems[key]:  # "Nära vård i Sörmlands" is "Nära vård i Sörmland"
                if len(other) < len(key) or (len(other) == len(key) and other < key):
                    canonical[key] = other
                    break
                continue
            if stems[key][: len(stems[other])] == stems[other]:
                extra = key.split()[len(stems[other]) :]
                # a place added ("i Askersund") names the same work more precisely: keep the longer name
                target = key if len(extra) == 2 and extra[0] == "i" else other
                source = other if target == key else key
                canonical[source] = canonical.get(target, target)
                break
    for key in keys:  # follow chains
        while canonical[canonical[key]] != canonical[key]:
            canonical[key] = canonical[canonical[key]]
    by_key: dict[str, Initiative] = {}
    merged: list[Initiative] = []
    for initiative in sorted(found, key=lambda i: normalize_key(i.name) != canonical[normalize_key(i.name)]):
        key = canonical[normalize_key(initiative.name)]
        if key in by_key:
            by_key[key].more.append(initiative)
            continue
        by_key[key] = initiative
        merged.append(initiative)
    return sorted(merged, key=lambda i: (i.page, i.start))


# --- the extractor -----------------------------------------------------------------------------


def _table_names(document: SourceDocument) -> list[str]:
    """The names the activity-table extractor gives its rows, so that prose about a row's initiative
    ("utvecklingsarbetet Tillsammans för barnens bästa" for the row "Tillsammans för barnens bästa i
    Sörmland") comes out as that row's project."""
    names = []
    for table in find_activity_tables(document):
        for row in table.rows:
            cell = _cell(table, row, "activity")
            if clean_cell(cell):
                names.append(project_name(cell))
    return names


def _as_table_name(name: str, table_names: list[tuple[str, list[str], list[str]]]) -> str:
    """``table_names``: (name, its stems, its words) for each of _table_names."""
    stems = _stems(name)
    for other, other_stems, other_words in table_names:
        extra = other_words[len(stems) :]
        if other_stems[: len(stems)] == stems and len(extra) == 2 and extra[0] == "i":
            return other
    return name


def extract_initiatives(document: SourceDocument) -> Extraction:
    result = Extraction()
    find_places = places.find_places
    actors: dict[str, Entity] = {}
    table_names = [(name, _stems(name), normalize_key(name).split()) for name in _table_names(document)]
    for initiative in find_initiatives(document):
        initiative.name = _as_table_name(initiative.name, table_names)
        mentions = [initiative, *initiative.more]
        evidence = [
            Evidence(page=m.page, quote=m.quote, extractor=EXTRACTOR, start=m.start, end=m.end)
            for m in mentions
        ]
        evidence = list(dict.fromkeys(evidence))
        timeplan_text = next((m.timeplan for m in mentions if m.timeplan), None)
        plan = parse_timeplan(timeplan_text) if timeplan_text else None
        status = next((m.status_word for m in mentions if m.status_word == "pågående"), None)
        project = result.entity(
            "Project",
            initiative.name,
            evidence[0],
            confidence=0.8,
            description=initiative.quote,
            kind=initiative.kind,
            timeplan_text=timeplan_text,
            start=plan.start if plan else None,
            end=plan.end if plan else None,
            status=status or (plan.status if plan else "okänd"),
        )
        project.evidence.extend(evidence[1:])
        for name in dict.fromkeys(n for m in mentions for n in m.responsible):
            actor = actors.get(name) or result.entity("Actor", name, evidence[0])
            actors[name] = actor
            result.relate("RESPONSIBLE_FOR", actor, project, evidence[0], role="ansvarig")
        if find_places is not None:
            _locate(result, project, initiative.name, evidence[0], find_places)
    _own_descriptions(result)
    return result


def _own_descriptions(result: Extraction) -> None:
    """A sentence that names several initiatives ("… Tillsammans för barnens bästa, Egenmonitorering,
    Samsjuklighet samt Översynen …") is where they are named, not what any of them is: it stays their
    provenance, and each takes as description a sentence of its own among its mentions, or none."""
    projects = [e for e in result.entities if e.label == "Project"]
    shared = Counter(p.properties.get("description") for p in projects)
    for project in projects:
        if shared[project.properties.get("description")] < 2:
            continue
        own = [e.quote for e in project.evidence if shared[e.quote] == 0 and e.quote]
        project.properties["description"] = own[0] if own else None
