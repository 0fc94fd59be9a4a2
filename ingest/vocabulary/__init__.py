"""Controlled vocabulary: Swedish places (regions, municipalities, counties) and actor names."""
