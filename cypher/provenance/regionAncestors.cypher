// Each region with every region it lies in (itself included), to tell nested regions apart from unrelated ones.
UNWIND $p.regionIds AS regionId
MATCH (r:Region {id: regionId})
RETURN r.id AS regionId, COLLECT { MATCH (r)-[:PART_OF*0..8]->(up:Region) RETURN DISTINCT up.id } AS ancestors
