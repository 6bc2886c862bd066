// Who wrote what: ingestions (one per ingested document) and revisions (what a correction replaced).
CREATE CONSTRAINT ingestion_id IF NOT EXISTS FOR (n:Ingestion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (n:Revision) REQUIRE n.id IS UNIQUE;
CREATE INDEX ingestion_at IF NOT EXISTS FOR (n:Ingestion) ON (n.at);
