// Watches with webhooks (services/watches): System nodes, as keys are, which counts and reset leave alone; deliveries found by when they are due and by their watch.
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (n:Watch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (n:Delivery) REQUIRE n.id IS UNIQUE;
CREATE INDEX delivery_due IF NOT EXISTS FOR (n:Delivery) ON (n.nextAt);
CREATE INDEX delivery_watch IF NOT EXISTS FOR (n:Delivery) ON (n.watchId);
