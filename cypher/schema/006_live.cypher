// Live answers and replicas: ingestions numbered in commit order (events), API keys, watches and their deliveries; the last four are System nodes, which counts, reset and exports leave alone.
CREATE INDEX ingestion_seq IF NOT EXISTS FOR (n:Ingestion) ON (n.seq);
CREATE CONSTRAINT event_counter_name IF NOT EXISTS FOR (n:EventCounter) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT api_key_name IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (n:Watch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (n:Delivery) REQUIRE n.id IS UNIQUE;
CREATE INDEX delivery_due IF NOT EXISTS FOR (n:Delivery) ON (n.nextAt);
MERGE (c:System:EventCounter {name: 'ingestions'}) ON CREATE SET c.value = 0;
