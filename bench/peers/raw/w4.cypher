// W4 for the raw-driver peer: the first 20 claims by id in a region or any region within it.
MATCH (:Region {id: $id})<-[:PART_OF*0..8]-(:Region)<-[:IN_REGION]-(c:Claim)
WITH DISTINCT c ORDER BY c.id LIMIT 20
RETURN c.id AS id, c.text AS text
