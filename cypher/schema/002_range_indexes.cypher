// Range indexes for lookups by time and name. Claims carry none beyond their id: every claim
// query starts from an id, a measure, a region or an agent, and each index would tax every import.
CREATE INDEX period_start IF NOT EXISTS FOR (n:Period) ON (n.start);
CREATE INDEX period_end IF NOT EXISTS FOR (n:Period) ON (n.end);
CREATE INDEX source_published_at IF NOT EXISTS FOR (n:Source) ON (n.publishedAt);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
CREATE INDEX measure_name IF NOT EXISTS FOR (n:Measure) ON (n.name);
