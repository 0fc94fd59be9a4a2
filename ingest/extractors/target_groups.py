"""Target groups (målgrupper) named in Swedish text, with one canonical name per group.

``find_target_groups`` finds mentions from a vocabulary of common groups and from "målgrupp(en) X";
``extract_target_groups`` makes ``TargetGroup`` entities where the document names a group as a
målgrupp (or says the work "riktar sig till" / "vänder sig till" it). "Invånare" and "patienter" in
general are not target groups: everyone is.

``find_group_phrases`` reads population groups written as noun phrases: a group noun (personer, barn,
unga, äldre, grupper, riskgrupper, individer, anhöriga ...) with what specifies it ("personer med
komplexa vårdbehov", "personer som fyller 40, 50 eller 60 år", "personer fyllda 70 år", "särskilt
utsatta individer", "barn som visar tecken på psykisk ohälsa"). A phrase counts where the text says the
work is for the group: after "för", "till", "mot", "åt", "gällande", "bland", "med" (also "även", or a
possessive before anhöriga: "dennes anhöriga"), in a sentence that names a målgrupp, or in a table row.
"Personer med/som ..." needs no such word. Impact statements ("konsekvenser för barn") are not target
groups. A phrase led by a vocabulary group keeps the canonical name and the phrase as written becomes an
alias ("äldre personer som riskerar att falla" → "äldre"); other phrases are named as written. A
målgrupp sentence that lists groups with commas ("målgrupp är alla chefer inom LSS, socialchefer, samt
processledarna") gives each of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.document import SourceDocument
from domain.model import Entity, Evidence, Extraction
from ingest.extractors.text_utils import dehyphenate, fold_whitespace, iter_lines, strip_markup

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
        r"(?:personer\s+med\s+)?samsjuklighet|samsjuka|personer\s+med\s+både\s+skadligt\s+bruk"
        r"(?:\s+och\s+beroende)?(?:\s+och\s+(?:en\s+)?psykisk(?:a)?\s+(?:sjukdom|ohälsa|funktionsnedsättning)(?:ar)?)?",
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
_CANONICAL_NAMES = frozenset(name for name, _ in _VOCABULARY)
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
    """One ``TargetGroup`` per group that the document names as the people the work is for."""
    result = Extraction()
    entities: dict[str, Entity] = {}

    def add(name: str, written: str, evidence: Evidence) -> None:
        entity = entities.get(name)
        if entity is None:
            entity = entities[name] = result.entity("TargetGroup", name, evidence)
        elif evidence not in entity.evidence:
            entity.evidence.append(evidence)
        if _alias_worthy(written, name) and written not in entity.aliases:
            entity.aliases.append(written)

    for page in document.pages:
        for start, end, sentence in _sentences(page.text):
            if _IMPACT.search(sentence):
                continue  # "konsekvenser för barn och unga" assesses an impact, it names no target group
            evidence = Evidence(
                page=page.number,
                quote=fold_whitespace(strip_markup(sentence)),
                extractor=EXTRACTOR,
                start=start,
                end=end,
            )
            table_row = "\t" in sentence.strip()
            # a table row is read cell by cell: a phrase does not run on into the next column
            cells = sentence.split("\t") if table_row else [sentence]
            found: list[tuple[str, str]] = []
            seen: set[str] = (
                set()
            )  # every group the row or sentence names, also those left to other extractors
            for cell in cells:
                flat = fold_whitespace(strip_markup(dehyphenate(cell)))
                named_target = bool(_NAMES_TARGET.search(flat))
                if named_target:
                    found += [
                        (m.name, fold_whitespace(flat[m.start : m.end])) for m in find_target_groups(flat)
                    ]
                    found += [(name, flat[begin:finish]) for name, begin, finish in _listed_targets(flat)]
                for phrase in find_group_phrases(flat, anywhere=named_target or table_row):
                    seen.add(phrase.name)
                    # a table row's groups are the activity-table extractor's; here they only add the phrase
                    # as written to a vocabulary group ("äldre personer som riskerar att falla" to "äldre")
                    if table_row and (
                        phrase.name not in _CANONICAL_NAMES or not _alias_worthy(phrase.written, phrase.name)
                    ):
                        continue
                    found.append((phrase.name, _lower_first(phrase.written)))
            names = seen | {name for name, _ in found}
            for name, written in found:
                if not any(other.startswith(f"{name} ") for other in names):  # "unga vuxna 18–29 år" wins
                    add(name, written, evidence)
    return result


def _alias_worthy(written: str, name: str) -> bool:
    """A written form that differs from the canonical name by more than inflection ("äldre personer som
    riskerar att falla" for "äldre", "anhöriga" for "närstående/anhöriga")."""
    written_key = re.sub(r"\W+", " ", written.casefold()).strip()
    name_key = re.sub(r"\W+", " ", name.casefold()).strip()
    if not written_key or written_key == name_key:
        return False
    return not (written_key.startswith(name_key) and len(written_key) - len(name_key) <= 3)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"”])|\n\s*\n")

# --- group phrases ---------------------------------------------------------------------------------

_GROUP_HEAD = (
    r"(?:barn\s+och\s+(?:unga|ungdomar)|personer|barn|ungdomar|unga\s+vuxna|unga|äldre|kvinnor|män|familjer|föräldrar|anhöriga|närstående|"
    r"individer|grupper|riskgrupper|elever|flickor|pojkar|människor|patienter|brukare|invånare|vuxna)"
)
_GROUP_ADJECTIVE = (
    r"(?:(?:särskilt|mest|extra|[a-zåäö]{3,}t)\s+)?(?:utsatta|sköra|särskilda|äldre|unga|placerade|nyanlända|multisjuka|"
    r"ensamstående|långtidssjuka|kroniskt\s+sjuka|svårt\s+sjuka|våldsutsatta|sårbara|prioriterade|riskutsatta)"
)
# heads that are everyone unless something narrows them
_GENERIC_HEAD = re.compile(r"^(?:människor|patienter|brukare|invånare|individer|vuxna|grupper|kvinnor|män)$")
_PHRASE = re.compile(
    rf"(?<![\w-])(?P<pre>(?:{_GROUP_ADJECTIVE}\s+){{0,2}})(?P<head>{_GROUP_HEAD})(?![\w-])"
    r"(?P<post>\s+(?:med\s+[^.;:()\n]{3,90}|som\s+[^.;:()\n]{3,140}|fyllda\s+\d{2,3}\s+år"
    r"|(?:över|under)\s+\d{2,3}\s+år|i\s+åldern\s+[\d\s–-]+år|\(?\d{1,2}\s*[-–]\s*\d{1,2}\s*år\)?))?",
    re.IGNORECASE,
)
# where a "med"/"som" phrase ends: a verb of the main clause, a new clause, a list of other things
_MED_STOP = re.compile(
    r"\s+(?:får|har|är|finns|ska|kan|behöver|blir|kommer|som|vilket|där|genom|att|i\s+hela|inom|utifrån|i\s+samverkan|"
    r"och\s+(?:för|att|deras|de|det|den)|samt|eller\s+av|med\s+insatser|med\s+särskilt)\b|\s*,\s*(?!\d)|\s+[–—-]\s"
)
_SOM_STOP = re.compile(r"\s+(?:eller\s+av|och\s+(?:för|att|deras)|samt\s+med|vilket|t\.\s?ex)\b|\s+[–—]\s")
_CONTEXT_BEFORE = re.compile(
    r"\b(?:för|till|mot|åt|gällande|bland|med|även|särskilt|inklusive|på)\s+(?:(?:de|alla|fler|särskilt|"
    r"framför\s+allt)\s+)?$",
    re.IGNORECASE,
)
_IMPACT = re.compile(r"konsekvens|påverkan\s+på", re.IGNORECASE)
_LIST_TARGET = re.compile(
    r"\bmålgrupp(?:en|er|erna)?\s*(?:är|utgörs\s+av|omfattar|:)\s*(?P<list>[^.;:()\n]{3,240})", re.IGNORECASE
)


@dataclass(frozen=True)
class GroupPhrase:
    name: str  # canonical when a vocabulary group leads the phrase, else as written
    written: str  # the phrase as written
    start: int
    end: int


def find_group_phrases(text: str, anywhere: bool = False) -> list[GroupPhrase]:
    """Population groups written as noun phrases (see the module docstring); ``anywhere`` drops the
    requirement of a word that says the work is for them (table rows, målgrupp sentences)."""
    found: list[GroupPhrase] = []
    flat = text
    position = 0
    while match := _PHRASE.search(flat, position):
        pre, head, post = match.group("pre").strip(), match.group("head"), match.group("post") or ""
        post = _trim_post(post)
        start, end = match.start(), match.start("head") + len(head) + len(post)
        position = max(end, match.end("head"))  # a trimmed clause may hold the next group
        written = fold_whitespace(flat[start:end])
        specific = bool(pre or post.strip())
        head_key = fold_whitespace(head).casefold()
        if _GENERIC_HEAD.match(head_key) and not specific:
            continue
        if head_key in {"människor", "patienter", "brukare", "invånare"} and not pre:
            continue  # "patienter med diabetes": a diagnosis group, left to the vocabulary
        before = flat[max(0, start - 40) : start]
        context = bool(_CONTEXT_BEFORE.search(before))
        if head_key in {"anhöriga", "närstående"} and re.search(r"\b(?:dennes|deras|hens)\s+$", before, re.I):
            context = True
        personer = head_key == "personer" and post.strip()[:3].casefold() in {"med", "som"}
        if not (anywhere or context or personer):
            continue
        if len(written.split()) < 2 and not context and not anywhere:
            continue
        found.append(GroupPhrase(_phrase_name(written), written, start, end))
    return found


def _trim_post(post: str) -> str:
    if not post.strip():
        return ""
    lead = post.strip().split()[0].casefold()
    if lead in {"med", "som"}:
        body = post[post.casefold().index(lead) + len(lead) :]
        if re.match(
            r"\s*(?:särskilt\s+fokus|fokus\s+på|hjälp\s+av|stöd\s+(?:av|från)|insatser|fördel)\b", body, re.I
        ):
            return ""  # "anhöriga med särskilt fokus på barn": the phrase says how, not who
        stop = (_MED_STOP if lead == "med" else _SOM_STOP).search(body)
        if stop:
            body = body[: stop.start()]
        words = body.split()
        limit = 8 if lead == "med" else 16
        if not words or len(words) > limit:
            return ""
        return post[: post.casefold().index(lead) + len(lead)] + body.rstrip(" ,")
    return post


def _phrase_name(written: str) -> str:
    """The canonical name when a vocabulary group starts the phrase, else the phrase (lower-case first)."""
    mentions = find_target_groups(written)
    if mentions and mentions[0].start == 0:
        return mentions[0].name
    return _lower_first(written)


def _listed_targets(sentence: str) -> list[tuple[str, int, int]]:
    """ "målgrupp är alla chefer inom äldreomsorg och LSS, socialchefer, samt processledarna" → each part."""
    found = []
    for match in _LIST_TARGET.finditer(sentence):
        listed = match.group("list")
        parts = re.split(r"\s*,\s*(?:samt\s+|och\s+)?", listed)
        if len(parts) < 2:
            continue
        position = match.start("list")
        for part in parts:
            begin = sentence.find(part, position)
            position = begin + len(part)
            phrase = _group_phrase(part)
            if phrase and len(phrase.split()) <= 8:
                found.append((_lower_first(phrase), begin, begin + len(part)))
    return found


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
