"""Candidates from the document's structure: what a section's head says its items are.

A section headed by a kind word ("Fokusområden", "Arbetsgrupper", "Mål", "Nyckeltal" …, the lexicon's
``[kinds]``), or a lead-in line that ends in a colon and names the kind ("Följande fem målområden
ingår:"), makes its list items, table rows and sub-headings candidates of that kind. A status
sub-heading ("Avslutade", "Pågående", "Startar 2020") gives the items below it their status.
Headings that are shaped as work ("Ta fram målbild", "Kartläggningar") are activities wherever they
stand, and sentences that state a goal ("… har som mål att X") give the goal X.

Every candidate keeps its block's page, offsets and text as evidence, and a confidence from that
evidence: an item under an explicit kind head is surer than a heading that only looks like work.
Page furniture is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from domain.document import Block, BlockKind, SourceDocument
from domain.model import Entity, Evidence, Extraction, Label
from domain.states import ProjectStatus
from ingest.lexicon import Lexicon, lexicon

EXTRACTOR = "sections"

# The stored status words (the graph keeps the Swedish words the other extractors write).
_STORED_STATUS = {
    ProjectStatus.PLANNED: "planerad",
    ProjectStatus.ONGOING: "pågående",
    ProjectStatus.FINISHED: "avslutad",
    ProjectStatus.UNKNOWN: "okänd",
}
_LABEL_OF_KIND: dict[str, Label] = {
    "activity": "Project",
    "focus_area": "FocusArea",
    "goal": "Goal",
    "indicator": "Indicator",
}
_FIRST_SENTENCE = re.compile(r"(?<=[a-zåäö0-9)])[.!?](?=\s+[A-ZÅÄÖ])")
_NUMBER_LEAD = re.compile(r"^(?:\d{1,2}[.)]\s*)")
_MAX_NAME = 200
_TOKEN = re.compile(r"[\wåäöÅÄÖéÉ][\wåäöÅÄÖéÉ\-–/]*|[^\w\s]")
_PUNCT = re.compile(r"[.,;:!?()\"”“]")
_PAST = re.compile(r"\w{3,}(?:ades|ade|des|tes)$")  # "avslutades", "beslutade": a sentence, not a name
_VERBS_BEFORE = frozenset({"fanns", "finns", "gjordes", "görs", "sker", "skedde", "pågår", "pågick"})
_FIRST_PERSON = re.compile(r"\b(?:jag|mig|min|mitt|mina|vi|oss|vår|vårt|våra)\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d\s*(?:%|procent|mkr|tkr|kr\b|miljoner|kronor)", re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")
# a name as written after "Det heter": up to five words, the first capitalised (checked on the original)
_PROPER_NAME = (
    r"[\wåäöé][\wåäöé-]*(?:\s+(?:för|i|och|av|[\wåäöé][\wåäöé-]*)){0,4}?"
    r"(?=[.,;:!?)]|\s+(?:som|och|är|har|ska)\b|$)"
)
_QUOTED = re.compile(r"[\"”“]([^\"”“]{4,80})[\"”“]")


def _sentence(text: str, at: int, reach: int = 1000) -> str:
    """The sentence around ``at``, looked for within ``reach`` characters (a text without full stops
    must not make every look quadratic)."""
    low = max(0, at - reach)
    stop = text.rfind(". ", low, at)
    begin = stop + 2 if stop >= 0 else low
    end = text.find(". ", at, at + reach)
    return text[begin : end + 1 if end >= 0 else min(len(text), at + reach)][:1000]


@dataclass
class Candidate:
    """A structural candidate and the evidence its confidence is computed from."""

    entity: Entity
    features: dict[str, float]
    fitted: bool = True  # False: the confidence is the rule's own, not the fitted model's


@dataclass(frozen=True)
class _Context:
    kind: str | None
    status: ProjectStatus | None
    source: str  # "lead_in" | "heading" | "none"


def _name_of(text: str) -> str:
    """An item's name: its first sentence ("Målområde 1. Sömlös vård …" keeps its number)."""
    text = text.strip().rstrip(";,")
    match = _FIRST_SENTENCE.search(text, 14)
    name = text[: match.start()] if match else text
    return name.rstrip(".").strip()[:_MAX_NAME]


def _evidence(block: Block) -> Evidence:
    return Evidence(
        page=block.page, quote=block.text[:400], extractor=EXTRACTOR, start=block.start, end=block.end
    )


class _Walker:
    def __init__(self, document: SourceDocument, lex: Lexicon) -> None:
        self.document = document
        self.lex = lex
        self.result = Extraction()
        self.seen: set[tuple[str, str]] = set()
        self.candidates: list[Candidate] = []
        self.index = 0
        self.lead: str | None = None  # the lead-in of the list run being read

    def context(self, index: int, block: Block) -> _Context:
        """The kind and status the block's heading path (innermost first) and lead-in give it."""
        status = None
        lead = self.lead
        if lead is not None:
            kind = self.lex.kind_of_lead_in(lead)
            if kind:
                return _Context(kind, None, "lead_in")
        for heading in reversed(self.document.heading_path(block)):
            status = status or self.lex.status_of(heading)
            kind = self.lex.kind_of_heading(heading)
            if kind:
                return _Context(kind, status, "heading")
        return _Context(None, status, "none")

    def _follow_lead_in(self, block: Block) -> None:
        """After ``block``: the paragraph ending in a colon (or a semicolon) that the next block
        (and a run of list items) follows, if any."""
        if block.kind is BlockKind.PARAGRAPH and block.text.endswith((":", ";")):
            self.lead = block.text
        elif block.kind is not BlockKind.LIST_ITEM:
            self.lead = None

    def add(self, label: Label, name: str, block: Block, source: str, **properties: Any) -> Entity | None:
        name = " ".join(name.split())
        if len(name) < 3 or self.lex.is_furniture(name) or name.endswith("?"):
            return None  # a question is a heading or a feedback prompt, never a thing's name
        key = (label, name.casefold())
        if key in self.seen:
            return None
        self.seen.add(key)
        features = self.features(label, name, block, source)
        if label in ("Project", "Indicator") and features["finite_verb"]:
            return None  # "Utredningen avslutades i januari": a sentence, not a name of work
        if label == "Project" and not self._may_name_work(name):
            return None
        entity = self.result.entity(label, name, _evidence(block), **properties)
        self.candidates.append(Candidate(entity, features))
        return entity

    def _may_name_work(self, name: str) -> bool:
        """Not a bare generic noun ("Handlingsplanen", "Modell"), a question heading ("Färdplan -
        hur når vi våra mål?", see ``add``) or a person's post ("Teamledare Nära vårdteam")."""
        if len(name.split()) == 1 and self.lex.activity_generic_heads.whole(name):
            return False
        return self.lex.role_words.search(name) is None

    def features(self, label: Label, name: str, block: Block, source: str) -> dict[str, float]:
        """What the confidence model weighs (ingest.extractors.confidence): where the candidate
        stood, how it is shaped and which lexicon cues it carries."""
        words = name.split()
        head = self.lex.activity_heads.search(name) is not None
        section_kind = self.context(self.index, block).kind or "none"
        shape = self._shape(name, words, block)
        # each shape feature also per kind: "ska" speaks for a goal and against a project
        return {
            **shape,
            **{f"{label}:{key}": value for key, value in shape.items()},
            f"{label}:section={section_kind}": 1.0,
            f"{label}:section_matches": float(_LABEL_OF_KIND.get(section_kind) == label),
            f"source={source}": 1.0,
            f"label={label}": 1.0,
            f"{label}:source={source}": 1.0,
            f"{label}:head_noun": float(head),
        }

    def _shape(self, name: str, words: list[str], block: Block) -> dict[str, float]:
        """How the candidate and its neighbourhood look, whatever its kind."""
        head = self.lex.activity_heads.search(name) is not None
        return {
            "words": min(len(words), 30) / 30,
            "short": float(len(words) <= 2),
            "long": float(len(words) > 12),
            "capital": float(name[:1].isupper()),
            "digits": float(any(c.isdigit() for c in name)),
            "verb_start": float(self.lex.activity_verb_starts.starts(name)),
            "head_noun": float(head),
            "depth": float(block.level if block.kind is BlockKind.LIST_ITEM else 0),
            "path_depth": float(len(self.document.heading_path(block))),
            "sentence": float(block.text.rstrip().endswith(".")),
            "comma": float("," in name),
            "capitals_inside": min(sum(w[:1].isupper() for w in words[1:]), 3) / 3,
            "preposition_tail": float(any(w.casefold() in self.lex.phrase_prepositions for w in words[1:])),
            "head_first": float(bool(words) and self.lex.activity_heads.whole(words[0])),
            "lowercase_start": float(name[:1].islower()),
            "ska": float(" ska " in f" {name.casefold()} "),
            "first_person": float(bool(_FIRST_PERSON.search(name))),
            "finite_verb": float(
                any(w.casefold() in self.lex.phrase_stop_right or _PAST.search(w) for w in words[1:])
            ),
            "short_neighbours": self._short_neighbours(),
        }

    def _short_neighbours(self) -> float:
        """Of the blocks right before and after, how many are short paragraphs or heads: målbild
        statements stand in such runs, prose does not."""
        content = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.TABLE)
        blocks = self.document.blocks
        before = next((b for b in reversed(blocks[: self.index]) if b.kind in content), None)
        after = next((b for b in blocks[self.index + 1 :] if b.kind in content), None)
        near = [b for b in (before, after) if b is not None]  # a file's own labels and furniture skipped
        short = [
            b
            for b in near
            if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and len(b.text.split()) <= 25
        ]
        return len(short) / 2

    def item(self, block: Block, context: _Context) -> None:
        if context.kind is None or context.kind == "decision":
            return
        label = _LABEL_OF_KIND[context.kind]
        name = _name_of(_NUMBER_LEAD.sub("", block.text) if label != "FocusArea" else block.text)
        if label == "Project":
            status = _STORED_STATUS[context.status] if context.status else None
            self.add(label, name, block, context.source, description=block.text, status=status)
        elif label == "Goal":
            self.add(label, name, block, context.source, text=name, kind="mål")
        else:
            self.add(label, name, block, context.source)

    def heading(self, index: int, block: Block) -> None:
        text = block.text
        if block.level <= 1 or self.lex.kind_of_heading(text) or self.lex.status_of(text):
            return
        parent = self.context(index, block)
        if self.lex.activity_verb_starts.starts(text) or self.lex.activity_heads.search(text):
            source = "work_heading_in_kind" if parent.kind == "activity" else "work_heading"
            self.add("Project", _name_of(text), block, source, description=self._body(index))
        elif parent.kind == "focus_area":
            self.add("FocusArea", text, block, "sub_heading")

    def _body(self, index: int) -> str | None:
        """The paragraph right under a heading, as its description."""
        following = self.document.blocks[index + 1 : index + 2]
        if following and following[0].kind is BlockKind.PARAGRAPH:
            return following[0].text[:1000]
        return None

    def table(self, block: Block, context: _Context) -> None:
        if context.kind not in ("indicator", "activity", "focus_area", "goal") or len(block.rows) < 2:
            return
        label = _LABEL_OF_KIND[context.kind]
        for row in block.rows[1:]:
            first = next((cell for cell in row if cell.strip()), "")
            if first and not first.replace(",", "").replace("%", "").replace(" ", "").isdigit():
                self.add(label, _name_of(first), block, "table_row")

    def goals_in_prose(self, block: Block) -> bool:
        """Goals stated in running prose (the lexicon's ``[goal]``): after a cue ("… har som mål att
        X"), before a backward cue ("X. Så lyder visionen"), after "ska" in a sentence that opens
        "Enligt målbilden …", and each sentence after a goal-word label ("Målbild för …: X. Y.").
        Goals joined in one sentence ("…, och att …") are one each. True when any was found."""
        text = block.text
        folded = text.casefold()
        goals: list[tuple[str, str, str]] = []  # (goal, source, kind)
        for cue in self.lex.goal_cues:
            at = folded.find(cue)
            if at < 0:
                continue
            rest = text[at + len(cue) :].strip()
            end = re.search(r"[.!?](?:\s|$)", rest)
            goal = rest[: end.start()] if end else rest
            if cue.endswith("ska bli"):  # "Sörmland ska bli Sveriges friskaste län 2025": the whole clause
                stop = text.rfind(". ", 0, at)
                start = stop + 2 if stop >= 0 else 0
                if any(other in folded[start:at] for other in self.lex.goal_cues if other != cue):
                    continue  # "… har som mål att … ska bli …": the other cue reads the goal
                goal = (text[start:at] + cue + " " + goal).strip()
            goals.append((re.sub(r"^att\s+", "", goal), "goal_cue", "mål"))
        sentences = _SENTENCES.split(text.strip())
        for i, sentence in enumerate(sentences):
            low = sentence.casefold()
            if i and any(low.startswith(cue) for cue in self.lex.goal_backward_cues):
                goals.append((sentences[i - 1], "goal_cue", "vision"))
            if any(low.startswith(lead + " ") for lead in self.lex.goal_according_to):
                at = low.find(" ska ")
                if at > 0 and self.lex.kinds["goal"].search(sentence[:at]):
                    goals.append((sentence[at + 5 :], "goal_cue", "målbildsformulering"))
        label, colon, rest = text.partition(":")
        if colon and len(label.split()) <= 12 and self.lex.kinds["goal"].search(label):
            for sentence in _SENTENCES.split(rest.strip()):
                goals.append((sentence, "goal_label", "målbildsformulering"))
        found = False  # also when the goal was read before: the block states a goal, not a målbild
        for goal, source, kind in goals:
            for part in self._joined(goal.strip().rstrip(".!?:;, ")):
                if 3 <= len(part.split()) <= 60:
                    found = True
                    self.add("Goal", part, block, source, text=part, kind=kind)
        return found

    def _joined(self, goal: str) -> list[str]:
        """``goal`` split where the lexicon's joiners join two goals ("…, och att …")."""
        parts = [goal]
        for joiner in self.lex.goal_joiners:
            parts = [piece.strip() for part in parts for piece in part.split(joiner)]
        return [p for p in parts if p]

    def phrases(self, block: Block) -> None:
        """Activities named in running prose: a phrase around a head noun ("följeforskning av Nära
        vårdteam", "en ny vårdcentral vid Rådmansbackarna") or a name in quotes."""
        lex = self.lex
        folded = block.text.casefold()
        for cue in lex.activity_name_cues:
            for found in re.finditer(rf"(?<!\w){re.escape(cue)}\s+({_PROPER_NAME})", folded):
                name = block.text[found.start(1) : found.end(1)]
                if name[:1].isupper():
                    description = _sentence(block.text, found.start())
                    self.add("Project", name, block, "named", description=description)
        for quoted in _QUOTED.finditer(block.text):
            name = quoted.group(1).strip()
            if 2 <= len(name.split()) <= 10:
                self.add("Project", name, block, "quoted", description=block.text[:1000])
        tokens = list(_TOKEN.finditer(block.text))
        words = [t.group(0) for t in tokens]
        for i, word in enumerate(words):
            if lex.activity_heads.whole(word):
                label: Label = "Project"
            elif lex.indicator_heads.whole(word) or word.casefold() in lex.indicator_quantities:
                label = "Indicator"
            else:
                continue
            first = self._left(words, i)
            last = self._right(words, i, quantity=word.casefold() in lex.indicator_quantities)
            start, stop = tokens[first].start(), tokens[last].end()
            if (
                _PUNCT.search(block.text[start:stop])
                or last == first
                and label == "Indicator"
                and i == last
                and word.casefold() in lex.indicator_quantities
            ):
                continue
            name = block.text[start:stop]
            if label == "Indicator" and not self._reported(_sentence(block.text, start)):
                continue  # a measure is named in prose where a figure or a trend is reported for it
            source = "prose_phrase" if label == "Project" else "prose_measure"
            self.add(
                label,
                name,
                block,
                source,
                description=_sentence(block.text, start) if label == "Project" else None,
            )

    def _reported(self, sentence: str) -> bool:
        return bool(_FIGURE.search(sentence)) or self.lex.indicator_trends.search(sentence) is not None

    def _left(self, words: list[str], i: int) -> int:
        """Up to two modifiers before the head ("fördjupat samarbete", "Nära vårdteam")."""
        first = i
        while first > 0 and i - first < 2:
            before = words[first - 1]
            folded = before.casefold()
            stop = folded in self.lex.phrase_stop_left or folded in self.lex.phrase_stop_right
            if stop or not before[:1].isalpha() or _PAST.search(before) or folded in _VERBS_BEFORE:
                break
            first -= 1
        return first

    def _right(self, words: list[str], i: int, quantity: bool = False) -> int:
        """A prepositional tail ("… av Nära vårdteam", "… för nettokostnader"); after a quantity word
        ("antal") the counted noun comes first."""
        lex = self.lex
        last = i
        if quantity and i + 1 < len(words) and words[i + 1][:1].isalpha():
            last = i + 1
        if last + 1 < len(words) and words[last + 1].casefold() in lex.phrase_prepositions:
            end = last + 1
            while end + 1 < len(words) and end - last < lex.phrase_max_tail:
                nxt = words[end + 1]
                if nxt.casefold() in lex.phrase_stop_right or not nxt[:1].isalnum():
                    break
                if lex.indicator_trends.whole(nxt):
                    break  # "Läkarbesöken i öppenvården | ökar …": the report starts
                end += 1
            while end > last + 1 and (
                words[end].casefold() in lex.phrase_prepositions or words[end].casefold() == "och"
            ):
                end -= 1  # a name does not end on "för" or "och"
            if end > last + 1:
                last = end
        return last

    def near_goal_word(self, index: int, block: Block) -> None:
        """Målbild statements written as short paragraphs or heads ("Navet ska vara primärvården.",
        "Min kontakt med vården präglas av kontinuitet") shortly after a block that names a goal word."""
        words = block.text.split()
        if not 3 <= len(words) <= 40:
            return
        recent = []
        for previous in reversed(self.document.blocks[max(0, index - 4) : index]):
            if previous.kind is BlockKind.FIELD and previous.label == "SOURCE":
                break
            recent.append(previous)
        if not any(self.lex.kinds["goal"].search(b.text) for b in recent):
            return
        name = _name_of(block.text)
        self.add("Goal", name, block, "near_goal_word", text=name, kind="målbildsformulering")

    def organisations(self, block: Block) -> None:
        """Organisations named by a head noun (the lexicon's ``[actor]``): these get the confidence
        of the rule, not of the fitted model, since the gold lists actors for the whole corpus."""
        for pattern in _actor_patterns():
            for found in pattern.finditer(block.text):
                name = found.group(0).strip()
                if name.casefold() in self.lex.phrase_stop_left or len(name) < 5:
                    continue
                entity = self.add("Actor", name, block, "organisation_head")
                if entity is not None:
                    entity.confidence = 0.8
                    self.candidates[-1].fitted = False

    def walk(self) -> list[Candidate]:
        for index, block in enumerate(self.document.blocks):
            self.index = index
            if block.kind is BlockKind.FURNITURE:
                self.lead = None
                continue
            if block.kind is BlockKind.HEADING:
                self.lead = None  # a lead-in announces the items after it, not the next heading
                self.heading(index, block)
                if block.level > 1:
                    self.near_goal_word(index, block)
                self._follow_lead_in(block)
                continue
            context = self.context(index, block)
            if block.kind is BlockKind.LIST_ITEM:
                self.item(block, context)
            elif block.kind is BlockKind.TABLE:
                self.table(block, context)
            elif block.kind is BlockKind.PARAGRAPH and not self.goals_in_prose(block):
                self.near_goal_word(index, block)
            if block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
                self.organisations(block)
            if block.kind in (BlockKind.PARAGRAPH, BlockKind.FIELD) or (
                block.kind is BlockKind.LIST_ITEM and context.kind is None
            ):  # an item under a kind head is a candidate itself, not prose to search
                self.phrases(block)
            self._follow_lead_in(block)
        return self.candidates


@cache
def _actor_patterns() -> tuple[re.Pattern[str], ...]:
    lex = lexicon()
    proper = r"[A-ZÅÄÖ][\wåäöéÅÄÖ-]+(?:\s+[A-ZÅÄÖ][\wåäöéÅÄÖ-]+)?"
    after = "|".join(re.escape(h) for h in lex.actor_heads_after)
    before = "|".join(re.escape(h) for h in lex.actor_heads_before)
    endings = "|".join(re.escape(e) for e in lex.actor_word_endings)
    return (
        re.compile(rf"(?<![\w-]){proper}s?\s+(?:{after})(?![\wåäö])"),
        re.compile(rf"(?<![\w-])(?:{before})\s+[\wåäöÅÄÖ-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)?"),
        re.compile(rf"(?<![\w-])[A-ZÅÄÖ][\wåäö]*(?:{endings})(?![\wåäö])"),
    )


def structural_candidates(document: SourceDocument) -> list[Candidate]:
    """Every structural candidate with its features, before any confidence is given."""
    return _Walker(document, lexicon()).walk()
