// W7 for the raw-driver peer: the claims comparable with a claim (same measure and aggregation; regions equal, nested or unstated; periods sharing a day; 500 at most, by id), each with its figure, period, status and region relation, and for the claim and each of them the origins of its chain (10 hops, BASED_ON honoured as in W6) with their agents' top institutions. Share measures are left out: the generated graph holds none.
MATCH (c:Claim {id: $id})
OPTIONAL MATCH (c)-[:ABOUT]->(m:Measure)
WITH c, m, COLLECT { MATCH (c)-[:IN_REGION]->(r:Region) RETURN r } AS regions, coalesce(c.periodEnd, date(c.statedAt), date()) AS cEnd
WITH c, m, regions, cEnd,
     COLLECT { UNWIND regions AS r MATCH (r)-[:PART_OF*1..8]->(up:Region) RETURN up } AS wholes,
     COLLECT { UNWIND regions AS r MATCH (r)<-[:PART_OF*1..8]-(down:Region) RETURN down } AS parts
WITH c, regions, wholes, regions + wholes + parts AS scope, COLLECT {
       MATCH (m)<-[:ABOUT]-(o:Claim)
       WHERE o <> c AND coalesce(o.aggregation, 'NONE') = coalesce(c.aggregation, 'NONE')
         AND (c.periodStart IS NULL OR o.periodStart IS NULL OR (o.periodStart <= cEnd AND coalesce(o.periodEnd, date(o.statedAt), date()) >= c.periodStart))
       RETURN o ORDER BY o.id
     } AS sameMeasure
WITH c, [o IN sameMeasure WHERE size(regions) = 0 OR NOT EXISTS { (o)-[:IN_REGION]->(:Region) } OR EXISTS { (o)-[:IN_REGION]->(r:Region) WHERE r IN scope }][..500] AS others, regions, wholes
UNWIND [c] + others AS k
WITH c, k, regions, wholes, COLLECT { MATCH (k)-[:IN_REGION]->(r:Region) RETURN r } AS theirs
CALL (k) {
  MATCH (k)-[:STATED_IN]->(s:Source)
  WITH k, s, COLLECT { MATCH (k)-[:BASED_ON]->(b:Source) RETURN b } AS bases
  CALL (s, bases) {
    WITH s WHERE size(bases) = 0
    MATCH p = (s)-[:DERIVED_FROM*0..10]->(o:Source)
    WHERE length(p) = 10 OR NOT EXISTS { (o)-[:DERIVED_FROM]->(:Source) }
    RETURN o
    UNION
    WITH s, bases WHERE size(bases) > 0
    UNWIND bases AS b
    WITH s, b, COLLECT { MATCH (s)-[d:DERIVED_FROM]->(x:Source) WHERE x IN bases RETURN d } AS via
    WHERE b <> s AND (size(via) = 0 OR any(d IN via WHERE endNode(d) = b))
    MATCH p = (b)-[:DERIVED_FROM*0..9]->(o:Source)
    WHERE length(p) = 9 OR NOT EXISTS { (o)-[:DERIVED_FROM]->(:Source) }
    RETURN o
  }
  WITH DISTINCT k, o
  WITH k, o, COLLECT { MATCH (o)-[:PUBLISHED_BY|AUTHORED_BY]->(a:Entity) RETURN a
                    UNION
                    MATCH (k)-[:STATED_IN]->(o) MATCH (k)-[:ATTRIBUTED_TO]->(a:Entity) RETURN a } AS agents
  RETURN collect({
    id: o.id,
    institutions: COLLECT {
      UNWIND agents AS a
      OPTIONAL MATCH (a)-[:ROLE|PART_OF*1..10]->(top:Organization)
      WHERE NOT EXISTS { (top)-[:PART_OF]->(:Organization) }
      RETURN DISTINCT coalesce(top.id, a.id) AS t
    }
  }) AS origins
}
RETURN k.id AS id, k = c AS isClaim, k.value AS value, k.low AS low, k.high AS high, k.bound AS bound, k.precision AS precision,
       k.aggregation AS aggregation, k.per AS per, k.unit AS unit,
       toString(k.periodStart) AS periodStart, toString(k.periodEnd) AS periodEnd, toString(k.statedAt) AS statedAt,
       CASE WHEN coalesce(k.status, 'ACTIVE') = 'ACTIVE' AND EXISTS { (k)<-[:SUPERSEDES]-(:Claim) } THEN 'SUPERSEDED' ELSE coalesce(k.status, 'ACTIVE') END AS status,
       CASE WHEN k = c THEN 'SELF'
            WHEN size(regions) = 0 OR size(theirs) = 0 THEN 'UNSTATED'
            WHEN any(r IN theirs WHERE r IN regions) THEN 'SAME'
            WHEN any(r IN theirs WHERE r IN wholes) THEN 'WHOLE'
            ELSE 'PART' END AS region,
       origins
