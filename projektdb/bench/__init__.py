"""`projektdb bench`: a national synthetic corpus at several sizes, measured end to end.

``runner.run_benchmark`` is the entry point; docs/performance.md describes the method and the numbers.
"""
