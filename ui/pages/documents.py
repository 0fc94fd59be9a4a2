"""Dokument: upload → preview → confirm → ingest; the ingested documents and what came from each."""

import hashlib

import pandas as pd
import streamlit as st

from domain import titles
from domain.document import MAX_FILE_BYTES, ReadError
from domain.readable import document_title, swedish_date
from domain.states import IngestStatus
from ui import auth, data
from ui.components import link, md, md_escape, node_link
from ui.document_text import passage_url, show_text
from ui.vocabulary import label_name

KINDS = ["pdf", "docx", "txt", "md", "html", "htm"]

st.title("Dokument")


def show_document(document_id: str) -> None:
    document = data.document(document_id)
    if document is None:
        st.warning("Dokumentet finns inte i databasen (det kan ha tagits bort).")
        return
    st.subheader(document_title(document["title"]) or document.get("file_name") or "Dokument")
    meta = [
        document.get("kind"),
        document.get("county"),
        swedish_date(document.get("date")),
        document.get("file_name"),
    ]
    if document.get("ingested_at"):
        meta.append(f"inläst {swedish_date(document['ingested_at'])}")
    st.caption(" · ".join(str(m) for m in meta if m))
    for warning in document.get("warnings") or []:
        st.warning(warning)
    contents = data.document_contents(document_id)
    md(f"**{titles.counted(len(contents), 'uppgift', 'uppgifter')} kom från dokumentet**")
    for label in dict.fromkeys(r["label"] for r in contents):
        rows = [r for r in contents if r["label"] == label]
        with st.expander(f"{label_name(label)} ({len(rows)})"):
            # one list per label: a county plan holds thousands of rows
            md(
                "\n".join(
                    f"- {node_link(r['label'], r['id'], r['name'])} <small>"
                    f"({link(passage_url(document_id, r['page'], ''), 'sidan ' + str(r['page']))})</small>"
                    for r in rows
                )
            )
    show_text(document_id, int(document.get("pages") or 0))


def preview_section() -> None:
    st.subheader("Läs in ett dokument")
    user = auth.current_user()
    if user is None or not user.can("editor"):
        # checked here on the server: the upload form is not even drawn for viewers
        st.info("Logga in som redaktör (i sidomenyn) för att läsa in dokument.")
        return
    st.caption(
        f"PDF, Word (DOCX) eller text, högst {MAX_FILE_BYTES // 1024 // 1024} MB. Du ser först vad som "
        "kommer att läsas in och bekräftar sedan."
    )
    upload = st.file_uploader("Välj en fil", type=KINDS, accept_multiple_files=False)
    if upload is None:
        return
    raw = upload.getvalue()
    if len(raw) > MAX_FILE_BYTES:
        st.error(f"Filen är för stor. Största tillåtna storlek är {MAX_FILE_BYTES // 1024 // 1024} MB.")
        return
    key = hashlib.sha256(raw).hexdigest()
    done = st.session_state.get("ingested", {})
    if key in done:
        report = done[key]
        if report.status == IngestStatus.UNCHANGED:
            st.info(f"{report.file_name} fanns redan i databasen och är oförändrad.")
        else:
            st.success(f"{report.file_name} är inläst: {describe(report.counts)}.")
            if data.refreshing():
                st.info(
                    "Liknande initiativ och sökord uppdateras nu i bakgrunden; de nya projekten syns "
                    "redan i listor och sökning på namn."
                )
        for warning in report.warnings:
            st.warning(warning)
        return
    try:
        with st.spinner("Läser dokumentet …"):
            resolved = data.preview_upload(raw, upload.name)
    except ReadError as error:
        st.error(error.message)
        return
    document = resolved.document
    meta = " · ".join(x for x in (document.kind, document.county, swedish_date(document.date)) if x)
    md(
        f"**{md_escape(document_title(document.title) or document.file_name)}**  \n"
        f"<small>{md_escape(meta)}"
        f" · {titles.counted(len(document.pages), 'sida', 'sidor')}</small>",
        unsafe_allow_html=True,
    )
    counts = resolved.counts()
    st.write("Det här kommer att läsas in: " + describe(counts) + ".")
    for warning in resolved.warnings:
        st.warning(warning)
    if resolved.nodes:
        table = pd.DataFrame(
            {
                "Typ": [label_name(n.label) for n in resolved.nodes],
                "Namn": [n.properties.get("name") or n.id for n in resolved.nodes],
            }
        ).sort_values(["Typ", "Namn"])
        st.dataframe(table, hide_index=True, width="stretch", height=260)
    if st.button("Bekräfta och läs in", type="primary"):
        progress = st.progress(0.0, text="Börjar …")
        steps = iter([0.5])
        report = data.ingest_upload(
            auth.graph_for(user),
            raw,
            upload.name,
            on_step=lambda text: progress.progress(next(steps, 0.9), text),
        )
        progress.progress(1.0, text="Klart")
        if report.ok:
            st.session_state.setdefault("ingested", {})[key] = report
            st.rerun()
        else:
            st.error(report.error or "Dokumentet kunde inte läsas in.")


def describe(counts: dict[str, int]) -> str:
    parts = [f"{v} {label_name(k).lower()}" for k, v in sorted(counts.items()) if k != "relationships" and v]
    if counts.get("relationships"):
        parts.append(f"{counts['relationships']} kopplingar")
    return ", ".join(parts) or "inga uppgifter"


def document_list() -> None:
    documents = data.documents()
    st.subheader(f"Inlästa dokument ({len(documents)})")
    if not documents:
        st.info("Inga dokument är inlästa än.")
        return
    table = pd.DataFrame(
        {
            "Dokument": [f"./dokument?id={d['id']}" for d in documents],
            "Titel": [document_title(d["title"]) for d in documents],
            "Typ": [d.get("kind") or "" for d in documents],
            "Län": [d.get("county") or "" for d in documents],
            "Datum": [swedish_date(d.get("date")) for d in documents],
            "Projekt": [_count(d, "Project") for d in documents],
            "Aktörer": [_count(d, "Actor") for d in documents],
            "Beslut": [_count(d, "Decision") for d in documents],
            "Mål": [_count(d, "Goal") for d in documents],
            "Mått": [_count(d, "Measure") for d in documents],
            "Inläst": [swedish_date(d.get("ingested_at")) for d in documents],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={"Dokument": st.column_config.LinkColumn("Öppna", display_text="Visa", width="small")},
    )


def _count(document: dict, label: str) -> int:
    return next((c["count"] for c in document["counts"] if c["label"] == label), 0)


wanted = st.query_params.get("id")
if wanted:
    if st.button("← Alla dokument"):
        st.query_params.clear()  # the document and the passage in it
        st.rerun()
    show_document(wanted)
    st.stop()

preview_section()
document_list()
