"""A seeded national corpus of synthetic Nära vård plans, for benchmarks (see docs/performance.md)."""
