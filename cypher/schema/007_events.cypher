// Live answers (services/events): ingestions numbered in commit order, followed by every replica through this index; one counter hands out the numbers.
CREATE INDEX ingestion_seq IF NOT EXISTS FOR (n:Ingestion) ON (n.seq);
CREATE CONSTRAINT event_counter_name IF NOT EXISTS FOR (n:EventCounter) REQUIRE n.name IS UNIQUE;
