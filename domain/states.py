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
    LOADED = "loaded"
    UNCHANGED = "unchanged"
    FAILED = "failed"
