// Ingestions by id (for revisions and PROV exports that name them).
UNWIND $p.ids AS wanted
MATCH (i:Ingestion {id: wanted})
RETURN i {.*, at: toString(i.at)} AS ingestion
