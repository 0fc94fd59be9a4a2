"""The closed vocabularies of the domain, as enums with English values.

These values are what the graph stores and what code branches on. Their Swedish names live in
``domain.titles`` and are shown only at the edges (the UI, the CLI's messages, the Excel workbook).
"""

from __future__ import annotations

from enum import StrEnum


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    FINISHED = "finished"
    UNKNOWN = "unknown"


class ProcessState(StrEnum):
    """The joint-investment workflow: inventory → template → decision → work → follow-up."""

    IDEA = "idea"  # idé/behov
    BASIS = "basis"  # underlag (written on the template)
    DECIDED = "decided"  # beslutad i Länsstyrgruppen
    ONGOING = "ongoing"
    FOLLOWED_UP = "followed_up"  # uppföljd/avslutad


class ActorType(StrEnum):
    REGION = "region"
    MUNICIPALITY = "municipality"
    COUNTY = "county"
    COMMITTEE = "committee"  # nämnd, styrelse, fullmäktige
    COUNCIL = "council"  # råd
    STEERING_GROUP = "steering_group"
    MANAGEMENT_GROUP = "management_group"  # ledningsgrupp
    NETWORK = "network"
    PREPARATORY_GROUP = "preparatory_group"  # beredningsgrupp
    WORKING_GROUP = "working_group"
    UNIT = "unit"  # enhet, förvaltning, team
    CENTRE = "centre"  # centrum, kompetenscentrum
    AUTHORITY = "authority"  # myndighet, regeringen
    UNIVERSITY = "university"  # lärosäte
    CIVIL_SOCIETY = "civil_society"
    ORGANISATION = "organisation"
    ROLE = "role"
    PERSON = "person"


class DocumentKind(StrEnum):
    ROADMAP = "roadmap"  # färdplan
    VISION = "vision"  # målbild
    MINUTES = "minutes"  # protokoll, protokollsutdrag, beslutsnotis
    PROJECT_REPORT = "project_report"
    LOCAL_PLAN = "local_plan"
    WEB_PAGE = "web_page"
    OTHER = "other"


class IngestStatus(StrEnum):
    """What ingesting one file did (ingest.pipeline.IngestReport.status)."""

    LOADED = "loaded"  # inläst
    UNCHANGED = "unchanged"  # oförändrad: the same bytes with the same extractor version
    FAILED = "failed"  # fel: not readable; the report's error says why, in Swedish


class GapKind(StrEnum):
    """The kind of a gap row where one list holds several (graph.analytics.gaps)."""

    INDICATOR_WITHOUT_MEASURE = "indicator_without_measure"
    MEASURE_WITHOUT_SOURCE = "measure_without_source"
    OVERDUE = "overdue"  # timeplan past its end, still ongoing
    YEAR_WITHOUT_ACTIVITY = "year_without_activity"


class ReadFailure(StrEnum):
    """Why a reader refused a file, for code that branches on it (the message is for people)."""

    BINARY = "binary"  # bytes that are no text in any encoding tried
    OTHER = "other"


class DuplicateReason(StrEnum):
    """Why two posts are suggested as one (graph.maintain.review.duplicates)."""

    INFLECTION = "inflection"  # the same words in another form ("Mobila team" / "Mobilt team")
    ADDITION = "addition"  # the same name with a place or function words added
    SPELLING = "spelling"  # nearly the same spelling (a typo)
