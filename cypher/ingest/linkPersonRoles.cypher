// Replaces the ROLE relationships of the people whose roles the document lists.
UNWIND $p.rows AS row
MATCH (p:Person {id: row.id})
CALL (p, row) {
  MATCH (p)-[old:ROLE]->(o:Organization)
  WHERE NOT (o.id + '|' + coalesce(old.title, '')) IN [r IN row.roles | r.organizationId + '|' + coalesce(r.title, '')]
  DELETE old
}
CALL (p, row) {
  UNWIND row.roles AS role
  MATCH (o:Organization {id: role.organizationId})
  MERGE (p)-[r:ROLE {title: coalesce(role.title, '')}]->(o)
  SET r.from = CASE WHEN role.from IS NULL THEN null ELSE date(role.from) END,
      r.to = CASE WHEN role.to IS NULL THEN null ELSE date(role.to) END
}
