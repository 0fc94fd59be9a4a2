"""Errors reach users as Swedish messages, never as tracebacks."""

from __future__ import annotations

import logging

import neo4j.exceptions
import streamlit as st

from graph.db import DatabaseUnavailable
from service import failures
from ui import data

log = logging.getLogger("projektdb.ui")

DATABASE_DOWN = (
    "Databasen svarar inte just nu. Kontrollera att den är igång (`projektdb db start` eller "
    "`make run`) och ladda om sidan."
)
UNEXPECTED = (
    "Något gick fel när sidan skulle visas. Försök igen; om felet finns kvar, kontakta "
    "förvaltarna av projektdatabasen (FoU i Sörmland)."
)


def run_safely(page: st.Page) -> None:
    """Run the page; database trouble and unexpected errors become a Swedish message."""
    try:
        page.run()
    except (DatabaseUnavailable, neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired):
        log.warning("database unavailable", exc_info=True)
        data.connection.clear()
        st.error(DATABASE_DOWN)
    except neo4j.exceptions.AuthError:
        log.warning("database refused the credentials", exc_info=True)
        data.connection.clear()
        st.error("Databasen godtog inte inloggningen. Kontrollera NEO4J_USER och NEO4J_PASSWORD.")
    except Exception as error:  # noqa: BLE001 - the last line of defence: users never see a traceback
        known = failures.describe(error)  # a full disk, the database out of memory
        if known is not None:
            log.warning("page failed: %s", error, exc_info=True)
            st.error(known)
            return
        log.exception("page failed")
        st.error(UNEXPECTED)
