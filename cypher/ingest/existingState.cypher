// Which of the given ids exist and as which kind (a measure with its unit); for the ids the documents define, also their owner, stored properties and links (ownership and revision checks).
UNWIND $p.ids AS wanted
MATCH (n:Entity {id: wanted})
WITH n, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind
RETURN n.id AS id, kind, CASE WHEN kind = 'Measure' THEN n.unit END AS unit,
  CASE WHEN n.id IN $p.stateIds THEN {
    owner: coalesce(n.ownerSourceId, CASE WHEN kind = 'Claim' THEN COLLECT { MATCH (n)-[st:STATED_IN]->(s:Source) RETURN s.id ORDER BY st.statedAt, s.id LIMIT 1 }[0] END),
    props: properties(n),
    links: CASE kind
      WHEN 'Claim' THEN {
        measureId: COLLECT { MATCH (n)-[:ABOUT]->(m:Measure) RETURN m.id LIMIT 1 }[0],
        periodId: COLLECT { MATCH (n)-[:COVERS]->(p:Period) RETURN p.id LIMIT 1 }[0],
        regionIds: COLLECT { MATCH (n)-[:IN_REGION]->(r:Region) RETURN r.id ORDER BY r.id },
        attributedToIds: COLLECT { MATCH (n)-[:ATTRIBUTED_TO]->(a) RETURN a.id ORDER BY a.id },
        supersedesIds: COLLECT { MATCH (n)-[:SUPERSEDES]->(o:Claim) RETURN o.id ORDER BY o.id },
        sourceIds: COLLECT { MATCH (n)-[:STATED_IN]->(s:Source) RETURN s.id ORDER BY s.id }
      }
      WHEN 'Source' THEN {
        publisherId: COLLECT { MATCH (n)-[:PUBLISHED_BY]->(o:Organization) RETURN o.id LIMIT 1 }[0],
        authorIds: COLLECT { MATCH (n)-[:AUTHORED_BY]->(a:Person) RETURN a.id ORDER BY a.id },
        derivedFrom: COLLECT { MATCH (n)-[d:DERIVED_FROM]->(t:Source) RETURN t.id + ' ' + d.kind AS x ORDER BY x }
      }
      WHEN 'Person' THEN {
        roles: COLLECT { MATCH (n)-[r:ROLE]->(o:Organization) RETURN o.id + ' ' + coalesce(r.title, '') AS x ORDER BY x }
      }
      WHEN 'Measure' THEN {}
      ELSE {
        partOf: COLLECT { MATCH (n)-[:PART_OF]->(parent) RETURN parent.id LIMIT 1 }[0]
      }
    END
  } END AS state
