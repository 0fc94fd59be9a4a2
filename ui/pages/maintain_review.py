"""Förvalta: granskningskön: osäkra extraktioner, möjliga dubbletter och brevlådan (redaktör)."""

from __future__ import annotations

import streamlit as st

from domain import forms, titles
from domain.titles import DUPLICATE_REASON_TITLES
from service.maintain import REVIEW_THRESHOLD, MaintainError
from ui import auth, data, maintain_ui

user = auth.require("editor")
service = auth.maintenance_for(user)
st.title("Granska")


def forget_pairs(gone: str, other: str | None = None) -> None:
    """Take merged (or marked distinct) pairs out of the kept list of possible duplicates."""
    pairs = st.session_state.get("duplicate_pairs") or []
    if other is None:
        kept = [p for p in pairs if gone not in (p.a, p.b)]
    else:
        kept = [p for p in pairs if {p.a, p.b} != {gone, other}]
    st.session_state["duplicate_pairs"] = kept


low, dupes, mailbox = st.tabs(["Osäkra uppgifter", "Möjliga dubbletter", "Brevlådan"])

with low:
    queue = service.review_queue()
    st.caption(f"{len(queue)} uppgifter med låg säkerhet (under {REVIEW_THRESHOLD:.0%}).")
    for item in queue:
        with st.container(border=True):
            st.markdown(
                f"**{item.name}** · {forms.LABEL_TITLES.get(item.label, item.label)} · "
                f"säkerhet {item.confidence:.0%}"
            )
            for quote in item.quotes:
                st.caption(quote)
            cols = st.columns(2)
            if cols[0].button("Godkänn", key=f"ok:{item.id}"):
                try:
                    service.accept(item.id, user.name, expected_version=item.version)
                except MaintainError as error:
                    st.error(error.message)
                else:
                    st.rerun()
            if cols[1].button("Avvisa (ta bort)", key=f"no:{item.id}"):
                try:
                    service.reject(item.id, user.name)
                except MaintainError as error:
                    st.error(error.message)
                else:
                    st.rerun()

with dupes:
    # Comparing every pair of names of a label in a county is 32 million pairs for one county's
    # projects at national scale: a large graph is compared when asked, and the pairs are kept
    # (merges take theirs out); a small one on every visit.
    if sum(data.label_sizes().values()) <= maintain_ui.DUPLICATES_AUTO_MAX:
        st.session_state["duplicate_pairs"] = service.duplicates()
    elif st.button("Leta efter dubbletter" if "duplicate_pairs" not in st.session_state else "Leta igen"):
        with st.spinner("Jämför namnen …"):
            st.session_state["duplicate_pairs"] = service.duplicates()
    pairs = st.session_state.get("duplicate_pairs")
    if pairs is None:
        st.caption("Möjliga dubbletter är poster av samma typ och län med liknande namn.")
    else:
        st.caption(f"{len(pairs)} par med liknande namn.")
        for pair in pairs[:100]:
            with st.container(border=True):
                st.markdown(
                    f"{forms.LABEL_TITLES.get(pair.label, pair.label)}: **{pair.a_name}** ≈ **{pair.b_name}**"
                )
                why = DUPLICATE_REASON_TITLES[pair.reason]
                why += f" ”{pair.addition}”" if pair.addition else ""
                st.caption(f"Varför: {why} (namnlikhet {pair.score:.0f} %)")
                first, second, third = st.columns(3)
                if first.button("Slå ihop (behåll första)", key=f"m1:{pair.a}:{pair.b}"):
                    service.merge(pair.a, pair.b, user.name)
                    forget_pairs(pair.b)
                    st.rerun()
                if second.button("Slå ihop (behåll andra)", key=f"m2:{pair.a}:{pair.b}"):
                    service.merge(pair.b, pair.a, user.name)
                    forget_pairs(pair.a)
                    st.rerun()
                if third.button("Inte dubbletter", key=f"d:{pair.a}:{pair.b}"):
                    service.mark_distinct(pair.a, pair.b)
                    forget_pairs(pair.a, pair.b)
                    st.rerun()

with mailbox:
    suggestions = service.suggestions()
    st.caption(titles.counted(len(suggestions), "nytt förslag", "nya förslag") + ".")
    for s in suggestions:
        with st.container(border=True):
            st.markdown(
                f"**{s['title']}** ({s['kind']}) · från {s['submitted_by']} · {s['submitted_at'][:10]}"
            )
            if s.get("text"):
                st.write(s["text"])
            cols = st.columns(2)
            if cols[0].button("Gör till projekt (idé/behov)", key=f"acc:{s['id']}"):
                try:
                    service.accept_suggestion(s["id"], user.name)
                except MaintainError as error:
                    st.error(error.message)
                else:
                    st.rerun()
            if cols[1].button("Avvisa", key=f"rej:{s['id']}"):
                service.reject_suggestion(s["id"], user.name)
                st.rerun()
