"""The domain core: the data model, ids, places, the Swedish vocabulary and titles.

Everything else in the project imports from here; this package imports nothing of the project.
"""
