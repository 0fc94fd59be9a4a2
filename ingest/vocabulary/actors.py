"""Actor vocabulary: what kind of body a name denotes, abbreviations defined in a text, known
national bodies, and a comparison form for actor names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from domain import places

# --- known bodies ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownActor:
    name: str
    type: str
    abbreviation: str = ""
    variants: tuple[str, ...] = ()  # other written forms (matched case-insensitively)


KNOWN_ACTORS: tuple[KnownActor, ...] = (
    KnownActor("Sveriges Kommuner och Regioner", "organisation", "SKR", ("Sveriges Kommuner och Landsting",)),
    KnownActor("Socialstyrelsen", "myndighet"),
    KnownActor("Inspektionen för vård och omsorg", "myndighet", "IVO"),
    KnownActor("Myndigheten för vård- och omsorgsanalys", "myndighet", "", ("Vårdanalys",)),
    KnownActor("Folkhälsomyndigheten", "myndighet"),
    KnownActor("E-hälsomyndigheten", "myndighet"),
    KnownActor("Läkemedelsverket", "myndighet"),
    KnownActor("Försäkringskassan", "myndighet"),
    KnownActor("Arbetsförmedlingen", "myndighet"),
    KnownActor("Statistiska centralbyrån", "myndighet", "SCB"),
    KnownActor("Statens beredning för medicinsk och social utvärdering", "myndighet", "SBU"),
    KnownActor("Tandvårds- och läkemedelsförmånsverket", "myndighet", "TLV"),
    KnownActor("Myndigheten för delaktighet", "myndighet", "MFD"),
    KnownActor("Regeringen", "myndighet", "", ("regeringen",)),
    KnownActor("Riksdagen", "myndighet", "", ("riksdagen",)),
    KnownActor("Inera", "organisation"),
    KnownActor("Världshälsoorganisationen", "organisation", "WHO"),
    KnownActor("Nationell samverkan för psykisk hälsa", "civilsamhälle", "NSPH"),
    KnownActor("Nationella vårdkompetensrådet", "råd", "", ("nationellt vårdkompetensråd",)),
    KnownActor("Nationella programområden", "organisation", "NPO", ("nationella programområden",)),
    KnownActor(
        "Regionala samverkans- och stödstrukturer",
        "organisation",
        "RSS",
        ("Regional samverkans- och stödstruktur",),
    ),
    KnownActor("Vård- och omsorgscollege", "organisation", "", ("Vård och omsorgscollege",)),
    KnownActor("Mälardalens universitet", "lärosäte", "MDU", ("Mälardalens högskola", "MDH")),
    KnownActor("Örebro universitet", "lärosäte", "ORU"),
    KnownActor("Karolinska institutet", "lärosäte", "KI"),
    KnownActor("Linköpings universitet", "lärosäte", "LiU"),
    KnownActor("Linnéuniversitetet", "lärosäte", "LNU"),
    KnownActor("Mittuniversitetet", "lärosäte", "MIUN"),
    KnownActor("Luleå tekniska universitet", "lärosäte", "LTU"),
    KnownActor("Karlstads universitet", "lärosäte", "KAU"),
    KnownActor("Närvårdskoordinatorer", "roll", "NVK", ("närvårdskoordinator",)),
    KnownActor("Medicinskt ansvarig sjuksköterska", "roll", "MAS"),
    KnownActor("Medicinskt ansvarig för rehabilitering", "roll", "MAR"),
    KnownActor("Regional utveckling", "enhet"),
    KnownActor("Hälsoval", "enhet"),
)


@cache
def _known_index() -> dict[str, KnownActor]:
    index: dict[str, KnownActor] = {}
    for actor in KNOWN_ACTORS:
        for form in (actor.name, *actor.variants):
            index[normalise_actor_name(form)] = actor
        if actor.abbreviation:
            index[actor.abbreviation.casefold()] = actor
    return index


def known_actor(name: str) -> KnownActor | None:
    """A national body, lärosäte or role this vocabulary knows, by name, variant or abbreviation."""
    return _known_index().get(normalise_actor_name(name))


# --- actor types -------------------------------------------------------------------------------

ROLE_WORDS: tuple[str, ...] = (
    "processledare", "projektledare", "socialchef", "regiondirektör", "förvaltningschef",
    "divisionschef", "verksamhetschef", "kommunchef", "närvårdskoordinator", "sjukhuskoordinator",
    "verksamhetsutvecklare", "hälsovalschef", "fou-chef", "chefsläkare", "samordnare",
    "medicinskt ansvarig", "utvecklingsledare", "områdeschef", "enhetschef",
)  # fmt: skip
_ROLE_ABBREVIATIONS = frozenset({"MAS", "MAR", "MLA", "NVK"})
_ROLE = re.compile(rf"^(?:{'|'.join(ROLE_WORDS)})(?:e|er|en|erna|na)?(?:\s|$)")

# (pattern on the case-folded name, type); the first that matches wins.
_TYPE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (r"^region\b|regionen$|\blandsting(et)?\b", "region"),
        (r"\b(kommun|stad)$", "kommun"),
        (r"universitet|högskola|högskolan|lärosäte|\binstitutet?$", "lärosäte"),
        (
            r"myndighet|^länsstyrelsen|(?<!nät)verket$|^socialstyrelsen$|^inspektionen\b|^regeringen$|^riksdagen$",
            "myndighet",
        ),
        (r"beredningsgrupp", "beredningsgrupp"),
        (r"styrgrupp|ledningsgrupp|samverkansgrupp", "styrgrupp"),
        (r"arbetsgrupp|referensgrupp|projektgrupp|expertgrupp", "arbetsgrupp"),
        (r"nämnd|styrelsen?$|fullmäktige$", "nämnd"),
        (r"nätverk", "nätverk"),
        (r"råd(et)?\b|råd(et)?$", "råd"),
        (
            r"förening|förbund|civilsamhälle|^nsph$|brukarorganisation|patientorganisation|ideell",
            "civilsamhälle",
        ),
        (
            r"^fou|forskning och utveckling|stöd\b|enhet|division|förvaltning|kansli|centrum|team(et)?$|"
            r"^hälsoval|^regional utveckling|vårdcentral|avdelning",
            "enhet",
        ),
    )
)


def actor_type(name: str) -> str:
    """The kind of actor a name denotes, by pattern: region, kommun, nämnd, styrgrupp, ...;
    "organisation" when nothing more specific fits."""
    canon = places.canonical_actor(name)
    if canon is not None:
        return "region" if canon.type == "län" else canon.type
    known = known_actor(name)
    if known is not None:
        return known.type
    folded = normalise_spacing(name).casefold()
    if name.strip() in _ROLE_ABBREVIATIONS or _ROLE.match(folded):
        return "roll"
    if re.search(r"område[nt]?s?$", folded):  # "fokusområdet" ends in "rådet" but is no council
        return "organisation"
    for pattern, kind in _TYPE_RULES:
        if pattern.search(folded):
            return kind
    return "organisation"


# --- names -------------------------------------------------------------------------------------


def normalise_spacing(name: str) -> str:
    """Soft hyphens out, line-end hyphenation joined, single spaces."""
    name = unicodedata.normalize("NFC", name).replace("\u00ad", "")
    name = re.sub(r"(?<=\w)-\s*\n\s*(?=[a-zåäö])", "", name)
    return re.sub(r"\s+", " ", name).strip()


_GENITIVE_DEFINITE = re.compile(r"(?<=\w)(en|et|na)s$")


def normalise_actor_name(name: str) -> str:
    """A form for comparing actor names, not for display.

    Case-folded; hyphen and space variants of compounds joined ("Läns gemensamt Regionalt Stöd" ==
    "Läns-gemensamt Regionalt Stöd" == "Länsgemensamt regionalt stöd"); a leading "den"/"det"
    and trailing punctuation dropped; places in their canonical form without genitive s
    ("Region Sörmlands" → "region sörmland"); a genitive on a definite noun dropped
    ("Länsstyrgruppens" → "länsstyrgruppen").
    """
    text = normalise_spacing(name).strip(" .,;:!?\"'”()[]")
    canon = places.canonical_actor(text)
    if canon is not None:
        text = canon.name
    text = re.sub(r"^(?:den|det|de)\s+", "", text, flags=re.IGNORECASE)
    words = []
    for word in text.split(" "):
        place = places.canonical_actor(word) if word[:1].isupper() else None
        if place is not None and word.endswith("s") and place.type != "kommun":
            word = word[:-1] if places.canonical_actor(word[:-1]) == place else word
        words.append(_GENITIVE_DEFINITE.sub(r"\1", word))
    text = " ".join(words).casefold()
    return re.sub(r"[\s\-–]+", "", text)


# --- abbreviations -----------------------------------------------------------------------------

_STOP = frozenset(
    {"och", "i", "för", "kring", "av", "om", "med", "inom", "på", "till", "vid", "&", "of", "for", "and"}
)
_ABBREVIATION = r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö/&-]{1,9}"
_FORWARD = re.compile(rf"([^()\n.;:!?]{{3,160}}?)\s*\(\s*({_ABBREVIATION})\s*\)")
_REVERSE = re.compile(
    rf"(?<![\w-])({_ABBREVIATION})\s*(?:\(\s*([^()]{{3,120}}?)\s*\)|[ \t]+[–-][ \t]+([^\n]{{3,120}}))"
)
_SENTENCE = re.compile(r"[^.;:!?]*[.;:!?]?")  # runs the _FORWARD prefix cannot cross
MIN_FIT = 0.6


def _is_abbreviation(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return (
        2 <= len(letters) <= 8
        and sum(c.isupper() for c in letters) >= 2
        and not any(c.isdigit() for c in token)
    )


def _words(text: str) -> list[str]:
    return [
        w.strip(",;:\"'”")
        for w in re.split(r"[\s/]+|-(?=\s)", normalise_spacing(text))
        if w.strip(",;:\"'”-")
    ]


def abbreviation_fit(abbreviation: str, long_form: str) -> float:
    """How well an abbreviation's letters fit a long form, 0..1.

    The first letter must start the first word; each further letter starts a later word or sits
    later inside the current word (compounds: "Mälardalens universitet" → MDU, "FoU"). The score is
    the share of content words (not "och", "i", "för" ...) that gave a letter; 0 when no alignment.
    """
    letters = [c.casefold() for c in abbreviation if c.isalpha()]
    words = [w.casefold() for w in _words(long_form)]
    if not letters or not words or words[0][0] != letters[0]:
        return 0.0
    content = [w not in _STOP for w in words]
    total = sum(content) or 1
    memo: dict[tuple[int, int, int], int | None] = {}

    def best(li: int, wi: int, ci: int) -> int | None:
        """Most content words covered by letters[li:], the last match at words[wi][ci - 1]."""
        if li == len(letters):
            return 0
        key = (li, wi, ci)
        if key in memo:
            return memo[key]
        result: int | None = None
        position = words[wi].find(letters[li], ci)
        if position >= 0:  # inside the current word
            result = best(li + 1, wi, position + 1)
        for wj in range(wi + 1, len(words)):
            if words[wj][0] == letters[li]:
                rest = best(li + 1, wj, 1)
                if rest is not None:
                    gained = rest + content[wj]
                    result = gained if result is None else max(result, gained)
            elif content[wj] and wj > wi + 2:
                break  # too many content words skipped
        memo[key] = result
        return result

    covered = best(1, 0, 1)
    if covered is None:
        return 0.0
    return (covered + content[0]) / total


@dataclass(frozen=True)
class Definition:
    abbreviation: str
    long_form: str
    start: int  # span of long form and abbreviation together, in the text as given
    end: int
    long_start: int  # span of the long form alone
    long_end: int


def abbreviation_definitions(text: str) -> list[Definition]:
    """Every place the text defines an abbreviation, in order (see ``find_abbreviations``)."""
    clean, offsets = places.dehyphenate_with_offsets(text)
    found: list[Definition] = []
    for match in _forward_matches(clean):
        abbreviation, before = match.group(2), match.group(1)
        long_form = _best_suffix(abbreviation, before) if _is_abbreviation(abbreviation) else None
        if long_form:
            lo, hi = _locate(clean, long_form, match.start(1), match.start(2))
            found.append(_definition(abbreviation, long_form, offsets, lo, match.end(), lo, hi))
    for match in _REVERSE.finditer(clean):
        abbreviation, group = match.group(1), 2 if match.group(2) else 3
        long_form = _best_prefix(abbreviation, match.group(group)) if _is_abbreviation(abbreviation) else None
        if long_form:
            lo, hi = _locate(clean, long_form, match.start(group), match.end(group))
            found.append(_definition(abbreviation, long_form, offsets, match.start(), hi, lo, hi))
    return sorted(found, key=lambda d: d.start)


def _forward_matches(text: str) -> list[re.Match[str]]:
    """_FORWARD's matches, looked for only in sentences that have a "(": the lazy 3-160 character
    prefix would otherwise be tried at every position of a long text (slow on one-line files)."""
    matches: list[re.Match[str]] = []
    last_end = 0
    for sentence in _SENTENCE.finditer(text):
        if "(" not in sentence.group():
            continue
        start = max(sentence.start(), last_end)
        for match in _FORWARD.finditer(text, start, min(len(text), sentence.end() + 1)):
            matches.append(match)
            last_end = match.end()
    return matches


def _locate(text: str, long_form: str, lo: int, hi: int) -> tuple[int, int]:
    """Where a (space-normalised) long form stands in text[lo:hi]."""
    pattern = r"\s+".join(re.escape(word) for word in long_form.split(" "))
    match = re.search(pattern, text[lo:hi])
    return (lo + match.start(), lo + match.end()) if match else (lo, hi)


def _definition(abbreviation: str, long_form: str, offsets: list[int], *span: int) -> Definition:
    start, end, long_start, long_end = span
    return Definition(
        abbreviation,
        long_form,
        offsets[start],
        offsets[end - 1] + 1,
        offsets[long_start],
        offsets[max(long_start, long_end - 1)] + 1,
    )


def find_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations the text defines → their long forms, first definition wins.

    Forms: "Länsgemensamt regionalt stöd (LRS)", "NSPH (Nationell samverkan för psykisk hälsa)",
    glossary lines "SKR – Sveriges kommuner och regioner". The initials must fit the long form
    (``abbreviation_fit`` ≥ ``MIN_FIT``), so "(SOU 2023:5)" or "(bilaga 8)" are not abbreviations.
    """
    found: dict[str, str] = {}
    for definition in abbreviation_definitions(text):
        current = found.get(definition.abbreviation)
        # a capitalised long form ("Nämnden för ...") beats a lower-case one read mid-sentence
        if current is None or current[:1].islower() and definition.long_form[:1].isupper():
            found[definition.abbreviation] = definition.long_form
    return found


def _best_suffix(abbreviation: str, before: str) -> str | None:
    words = normalise_spacing(before).split(" ")
    best: tuple[float, str] | None = None
    for start in range(len(words) - 1, max(-1, len(words) - 12), -1):
        candidate = " ".join(words[start:])
        score = abbreviation_fit(abbreviation, candidate)
        if score >= MIN_FIT and (best is None or score > best[0]):
            best = (score, candidate)
    return _tidy(best[1]) if best else None


def _best_prefix(abbreviation: str, after: str) -> str | None:
    words = normalise_spacing(re.split(r"[.;:!?()]|\s[–-]\s", after)[0]).split(" ")
    # a definition after the abbreviation usually runs to the end of its phrase: the longest prefix
    # that fits well, else the best fitting one
    scored = [
        (abbreviation_fit(abbreviation, " ".join(words[:end])), end)
        for end in range(1, min(len(words), 12) + 1)
    ]
    good = [end for score, end in scored if score >= 0.75]
    if good:
        return _tidy(" ".join(words[: max(good)]))
    score, end = max(scored, default=(0.0, 0))
    return _tidy(" ".join(words[:end])) if score >= MIN_FIT else None


def _tidy(long_form: str) -> str:
    """Drop a genitive on the last word when the long form is a name read off a genitive phrase."""
    long_form = long_form.strip(" ,;:")
    words = long_form.split(" ")
    while len(words) > 1 and words[-1].casefold() in _STOP:
        words.pop()
    long_form = " ".join(words)
    if re.search(r"(?:regioner|kommuner|vård|stöd|hälsa)s$", long_form):
        long_form = long_form[:-1]
    return long_form
