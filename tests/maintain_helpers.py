"""A small hand-written graph for the maintenance tests, built through the real ingest path."""

from __future__ import annotations

from domain.model import Extraction
from graph.db import Graph
from tests.factories import document, evidence, load


def small_graph(graph: Graph) -> dict[str, str]:
    """Two documents: a project with owner, focus area and target group; a project written twice."""
    first = Extraction()
    project = first.entity("Project", "Fast vårdkontakt för äldre", evidence("Fast vårdkontakt för äldre"))
    project.properties.update({"goal_text": "Trygghet", "status": "pågående", "county": "Sörmland"})
    owner = first.entity("Actor", "Region Sörmland", evidence("Ansvarig: Region Sörmland"), type="region")
    focus = first.entity("FocusArea", "Primärvården som nav", evidence("Primärvården som nav"))
    target = first.entity("TargetGroup", "äldre", evidence("äldre"), confidence=0.5)
    first.relate("RESPONSIBLE_FOR", owner, project, evidence("Ansvarig: Region Sörmland"), role="Ansvarig")
    first.relate("IN_FOCUS_AREA", project, focus, evidence("Primärvården som nav"))
    first.relate("TARGETS", project, target, evidence("för äldre"))
    doc1 = document("plan.txt", "Fast vårdkontakt för äldre. Ansvarig: Region Sörmland.")

    mobile = first.entity("Project", "Mobila team i hemsjukvården", evidence("Mobila team i hemsjukvården"))
    first.relate("PARTICIPATES_IN", owner, mobile, evidence("Region Sörmland deltar i mobila team"))
    load(graph, doc1, first)

    second = Extraction()
    twin = second.entity(
        "Project", "Mobila teamet i hemsjukvården", evidence("Mobila teamet i hemsjukvården")
    )
    owner2 = second.entity("Actor", "Region Sörmland", evidence("Region Sörmland"), type="region")
    group = second.entity(
        "Actor", "Beredningsgrupp Äldre", evidence("Beredningsgrupp Äldre"), type="beredningsgrupp"
    )
    second.relate("PARTICIPATES_IN", owner2, twin, evidence("Region Sörmland deltar i mobila teamet"))
    second.relate("PARTICIPATES_IN", group, twin, evidence("Beredningsgrupp Äldre deltar"))
    doc2 = document("rapport.txt", "Mobila teamet i hemsjukvården", kind="projektrapport")
    load(graph, doc2, second)
    return {
        "project": project.id,
        "owner": owner.id,
        "focus": focus.id,
        "target": target.id,
        "mobile": mobile.id,
        "twin": twin.id,
        "group": group.id,
        "doc1": doc1.id,
        "doc2": doc2.id,
    }
