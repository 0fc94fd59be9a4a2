// Each indicator under its målområde (a row per goal area; null when it has none), with its
// measures (how many current values, over which periods and areas) and the projects that follow it:
// how many (project_count) and the first $project_limit by name (nationally an indicator has 1 000+).
MATCH (i:Indicator)
OPTIONAL MATCH (i)-[:IN_GOAL_AREA]->(g:GoalArea)
RETURN g.id AS goal_area_id, g.name AS goal_area,
       i.id AS id, i.name AS name, i.definition AS definition, i.measure_status AS measure_status,
       i.county AS county,
       COLLECT {
         MATCH (i)-[:MEASURED_BY]->(m:Measure)
         OPTIONAL MATCH (m)-[:HAS_VALUE]->(v:MeasureValue)
         WHERE v.superseded = false
         WITH m, count(v) AS values, min(v.period) AS first_period, max(v.period) AS last_period,
              count(DISTINCT v.area) AS areas
         ORDER BY m.name
         RETURN {id: m.id, name: m.name, source: m.source, kolada_kpi: m.kolada_kpi, values: values,
                 first_period: first_period, last_period: last_period, areas: areas}
       } AS measures,
       // only projects are FOLLOWED_BY an indicator (docs/ontology.md): the degree, no label check
       COUNT { (i)<-[:FOLLOWED_BY]-() } AS project_count,
       COLLECT {
         MATCH (p:Project)-[:FOLLOWED_BY]->(i)
         WITH p
         ORDER BY p.name
         LIMIT $project_limit
         RETURN {id: p.id, name: p.name, status: p.status, county: p.county,
                 responsible: COLLECT { MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(p) RETURN a.name ORDER BY a.name }}
       } AS projects
ORDER BY goal_area, name
