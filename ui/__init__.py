"""The Streamlit UI: pages under ui/pages/, shared data access in ui/data.py. Swedish throughout."""
