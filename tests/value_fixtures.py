"""A small indicator graph for the value-import and indicator tests, built through the real ingest path."""

from __future__ import annotations

from domain.model import Extraction
from graph.db import Graph
from tests.factories import document, evidence, load

CONTINUITY = "Kontinuitetsindex primärvårdsläkare, kronisk sjukdom"
SIP = "Antal Samordnad individuell plan (SIP)"
VISITS = "Andel besök hos fast läkarkontakt"


def build_indicator_graph(graph: Graph) -> dict[str, str]:
    """Målområde Nära: Kontinuitet (two measures, followed by a project) and Samordning (one measure
    without values); Rehabiliterande has no measure and no målområde. Returns name → node id."""
    x = Extraction()
    near = x.entity("GoalArea", "Nära", evidence("Målområde Nära"))
    together = x.entity("GoalArea", "Tillsammans", evidence("Målområde Tillsammans"))
    continuity = x.entity("Indicator", "Kontinuitet", evidence("Kontinuitet"), definition="Samma vårdkontakt")
    coordination = x.entity("Indicator", "Samordning", evidence("Samordning"))
    rehab = x.entity(
        "Indicator", "Rehabiliterande", evidence("Rehabiliterande: Ej klart"), measure_status="ej klart"
    )
    index = x.entity("Measure", CONTINUITY, evidence(CONTINUITY))
    sip = x.entity("Measure", SIP, evidence(SIP))
    visits = x.entity("Measure", VISITS, evidence(VISITS))
    project = x.entity(
        "Project", "Fast vårdkontakt i Eskilstuna", evidence("Fast vårdkontakt"), status="pågående"
    )
    owner = x.entity("Actor", "Eskilstuna kommun", evidence("Eskilstuna kommun ansvarar"))
    x.relate("IN_GOAL_AREA", continuity, near, evidence("Kontinuitet, Nära"))
    x.relate("IN_GOAL_AREA", coordination, together, evidence("Samordning, Tillsammans"))
    x.relate("MEASURED_BY", continuity, index, evidence(CONTINUITY))
    x.relate("MEASURED_BY", continuity, visits, evidence(VISITS))
    x.relate("MEASURED_BY", coordination, sip, evidence(SIP))
    x.relate("FOLLOWED_BY", project, continuity, evidence("följs upp med Kontinuitet"))
    x.relate("RESPONSIBLE_FOR", owner, project, evidence("Eskilstuna kommun ansvarar"), role="Ansvarig")
    load(graph, document("målbild.txt", "målbild", kind="målbild"), x)
    entities = [near, together, continuity, coordination, rehab, index, sip, visits, project]
    return {e.name: e.id for e in entities if e.id}
