"""Target groups (målgrupper) named in Swedish text, with one canonical name per group.

``find_target_groups`` finds mentions from a vocabulary of common groups and from "målgrupp(en) X";
``extract_target_groups`` makes ``TargetGroup`` entities where the document names a group as a
målgrupp (or says the work "riktar sig till" / "vänder sig till" it). "Invånare" and "patienter" in
general are not target groups: everyone is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extractors.text_utils import fold_whitespace, iter_lines, strip_markup
from ingest.model import Evidence, Extraction, SourceDocument

EXTRACTOR = "target_groups"

_AGE_RANGE = r"(?:\(?\s*(?P<age_from>\d{1,2})\s*[-–—]\s*(?P<age_to>\d{1,2})\s*år\s*\)?)"
# A word does not go on: "anhörig-konsulentnätverk" and "äldreomsorg" are not mentions of groups.
_END = r"(?![\w-])"
_PERSON_NOUNS = r"(?:personer|person|människor|invånare|patienter|kvinnor|män|brukare|individer)"

# (canonical name, pattern) — longer and more specific patterns first; overlaps keep the longest.
_VOCABULARY: list[tuple[str, str]] = [
    ("barn som närstående", r"barn\s+som\s+(?:närstående|anhöriga)"),
    ("placerade barn och unga", r"placerade\s+barn(?:\s+och\s+unga)?"),
    ("unga vuxna", rf"unga\s+vuxna(?:\s+{_AGE_RANGE})?"),
    ("barn och unga", r"barn\s+och\s+(?:unga|ungdomar|ungas)"),
    ("multisjuka äldre", r"(?:multisjuka\s+äldre|äldre\s+multisjuka|mest\s+sjuka\s+äldre|sköra\s+äldre)"),
    (
        "äldre",
        rf"äldre\s+{_PERSON_NOUNS}"
        r"|(?:för|de|gruppen|målgruppen|bland|om|till|andelen|antalet|och|sakområdena)\s+(?P<core>äldre)(?!\s+än)"
        r"|äldre(?=\s*[,;:)])",
    ),
    (
        "personer med samsjuklighet",
        r"(?:personer\s+med\s+)?samsjuklighet|samsjuka|personer\s+med\s+både\s+skadligt\s+bruk",
    ),
    (
        "närstående/anhöriga",
        r"(?:anhöriga\s*/\s*närstående|närstående\s*/\s*anhöriga|närståendes|närstående|anhörigas|anhöriga|anhörig)",
    ),
    (
        "personer med funktionsnedsättning",
        r"(?:personer\s+med\s+(?:\w+\s+(?:och\s+\w+\s+)?)?)?(?:funktionsnedsättning(?:ar)?|funktionshinder|"
        r"funktionsvariation(?:er)?)",
    ),
    (
        "personer med psykisk ohälsa",
        r"(?:personer\s+med\s+)?psykisk(?:a)?\s+(?:ohälsa|ohälsan|sjukdom(?:ar)?)",
    ),
    (
        "personer med missbruk eller beroende",
        r"missbruk(?:\s*/\s*beroende)?|skadligt\s+bruk|beroendeproblematik",
    ),
    ("personer med demenssjukdom", r"(?:personer\s+med\s+)?(?:demenssjukdom(?:ar)?|demenssjuka|demens)"),
    (
        "personer med kronisk sjukdom",
        r"(?:personer\s+med\s+)?kronisk(?:a)?\s+sjukdom(?:ar)?|kroniskt\s+sjuka",
    ),
    (
        "personer med komplexa vårdbehov",
        r"(?:personer|patienter)\s+med\s+(?:komplexa|stora)\s+(?:vård)?behov",
    ),
    ("nyanlända", r"nyanlända|nyanlänt"),
    ("personer med utländsk utbildning", r"personer\s+med\s+utländsk\s+(?:utbildning|bakgrund)"),
    ("våldsutsatta", r"våldsutsatta|utsatta\s+för\s+våld"),
]
_COMPILED = [
    (name, re.compile(rf"(?<![\w-])(?:{pattern}){_END}", re.IGNORECASE)) for name, pattern in _VOCABULARY
]

# "målgrupp är alla chefer inom äldreomsorg", "målgruppen: unga vuxna"
_TARGET_PHRASE = re.compile(
    r"\bmålgrupp(?:en|er|erna)?\b\s*(?:är|utgörs av|omfattar|:)?\s*(?P<group>[^\n.,;:()]{3,80})",
    re.IGNORECASE,
)
_NOT_A_GROUP_START = re.compile(
    r"^(?:och|eller|de|den|det|som|i|för|med|ska|har|är|till|att|kan|inom|på|av|samt|vid|\d)\b",
    re.IGNORECASE,
)
_GROUP_STOP = re.compile(r"\s+(?:som|och de|där|vilka|för att|ska|har|kan)\s.*$", re.IGNORECASE)
_GENERIC = re.compile(
    r"^(?:alla\s+)?(?:invånar\w*|patient\w*|befolkning\w*|medborgar\w*|brukar\w*)\b", re.IGNORECASE
)
# sentences that name the group a piece of work is for
_NAMES_TARGET = re.compile(
    r"\bmålgrupp|\briktar\s+sig\s+(?:särskilt\s+)?till\b|\bvänder\s+sig\s+till\b|\briktade\s+insatser\s+till\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TargetGroupMention:
    name: str  # canonical
    start: int  # offsets of the mention in the searched text
    end: int


def find_target_groups(text: str) -> list[TargetGroupMention]:
    """Target groups mentioned in ``text``, in order, without overlaps (the longest mention wins)."""
    found: list[TargetGroupMention] = []
    for name, pattern in _COMPILED:
        for match in pattern.finditer(text):
            # a pattern may need context ("för äldre"); its ``core`` group is the mention itself
            core = "core" if match.groupdict().get("core") else 0
            found.append(TargetGroupMention(_canonical(name, match), match.start(core), match.end(core)))
    for match in _TARGET_PHRASE.finditer(text):
        phrase = _group_phrase(match.group("group"))
        if phrase:
            start = match.start("group") + max(match.group("group").find(phrase), 0)
            found.append(TargetGroupMention(_lower_first(phrase), start, start + len(phrase)))
    return _without_overlaps(found)


def _canonical(name: str, match: re.Match[str]) -> str:
    groups = match.groupdict()
    if name == "unga vuxna" and groups.get("age_from"):
        return f"unga vuxna {groups['age_from']}–{groups['age_to']} år"
    return name


def _group_phrase(raw: str) -> str | None:
    """The noun phrase after "målgrupp": vocabulary mentions win later; this names other groups."""
    phrase = _GROUP_STOP.sub("", fold_whitespace(raw)).strip()
    if not phrase or _NOT_A_GROUP_START.match(phrase) or _GENERIC.match(phrase):
        return None
    if any(pattern.search(phrase) for _, pattern in _COMPILED):
        return None  # the vocabulary names it canonically
    words = phrase.split()
    if len(words) > 8:
        return None
    if words[0].casefold() == "alla" and len(words) > 1:
        phrase = phrase[len(words[0]) :].strip()
    return phrase


def _lower_first(phrase: str) -> str:
    """ "Chefer inom LSS" → "chefer inom LSS"; an abbreviation ("LSS-handläggare") stays."""
    return phrase if phrase[:2].isupper() else phrase[0].lower() + phrase[1:]


def _without_overlaps(mentions: list[TargetGroupMention]) -> list[TargetGroupMention]:
    chosen: list[TargetGroupMention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def extract_target_groups(document: SourceDocument) -> Extraction:
    """One ``TargetGroup`` per group that a sentence of the document names as a målgrupp."""
    result = Extraction()
    entities: dict[str, object] = {}
    for page in document.pages:
        for start, end, sentence in _sentences(page.text):
            if not _NAMES_TARGET.search(sentence):
                continue
            for mention in find_target_groups(sentence):
                evidence = Evidence(
                    page=page.number,
                    quote=fold_whitespace(strip_markup(sentence)),
                    extractor=EXTRACTOR,
                    start=start,
                    end=end,
                )
                entity = entities.get(mention.name)
                if entity is None:
                    entities[mention.name] = result.entity("TargetGroup", mention.name, evidence)
                elif evidence not in entity.evidence:  # type: ignore[attr-defined]
                    entity.evidence.append(evidence)  # type: ignore[attr-defined]
    return result


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"”])|\n\s*\n")


def _sentences(text: str) -> list[tuple[int, int, str]]:
    """Sentences (or table rows) with their offsets in ``text``."""
    spans: list[tuple[int, int, str]] = []
    for line in iter_lines(text):
        if "\t" in line.text and line.text.strip():  # a table row is its own unit
            spans.append((line.start, line.end, line.text))
    # running text: split the text without table rows into sentences
    position = 0
    for piece in _SENTENCE_END.split(text):
        start = text.find(piece, position)
        if start < 0:
            continue
        position = start + len(piece)
        if piece.strip() and "\t" not in piece:
            spans.append((start, start + len(piece), piece))
    return spans
