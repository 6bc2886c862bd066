// API keys live in the graph (services/access/keyStore.ts) as System nodes, which counts, reset and exports leave alone.
CREATE CONSTRAINT api_key_name IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.name IS UNIQUE;
