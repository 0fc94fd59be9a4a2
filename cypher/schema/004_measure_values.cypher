// Measure values over time: one node per version of a (measure, area, period, gender) value.
CREATE CONSTRAINT measure_value_id IF NOT EXISTS FOR (n:MeasureValue) REQUIRE n.id IS UNIQUE;
CREATE INDEX measure_value_key IF NOT EXISTS FOR (n:MeasureValue) ON (n.key);
CREATE INDEX measure_value_measure IF NOT EXISTS FOR (n:MeasureValue) ON (n.measure);
// A Kolada KPI maps to at most one measure, so a Kolada file's rows are never ambiguous.
CREATE CONSTRAINT measure_kolada_kpi IF NOT EXISTS FOR (n:Measure) REQUIRE n.kolada_kpi IS UNIQUE;
