"""The service layer: the operations the product offers, above the graph and the ingest, below the
app, the CLI, the benchmark and the load test (which all call it)."""
