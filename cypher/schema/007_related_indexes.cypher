// Overlaps at national scale (issue 7): range indexes on the computed RELATED_TO pairs, so the
// overlap lists (cypher/analytics/overlap_*.cypher) read the best pairs in index order and stop at
// their LIMIT instead of sorting every pair.
CREATE INDEX related_score IF NOT EXISTS FOR ()-[r:RELATED_TO]-() ON (r.score);
CREATE INDEX related_coordination IF NOT EXISTS FOR ()-[r:RELATED_TO]-() ON (r.coordination, r.score);
CREATE INDEX related_across_counties IF NOT EXISTS FOR ()-[r:RELATED_TO]-() ON (r.across_counties, r.score);
