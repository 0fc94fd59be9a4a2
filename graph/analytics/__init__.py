"""Analytics over the graph: gaps, overlaps, related initiatives, search, and their refresh."""
