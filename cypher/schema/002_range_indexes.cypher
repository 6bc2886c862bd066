// Range indexes for the filters and orderings the queries use (status, time, names).
CREATE INDEX claim_stated_at IF NOT EXISTS FOR (n:Claim) ON (n.statedAt);
CREATE INDEX claim_recorded_at IF NOT EXISTS FOR (n:Claim) ON (n.recordedAt);
CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status);
CREATE INDEX period_start IF NOT EXISTS FOR (n:Period) ON (n.start);
CREATE INDEX period_end IF NOT EXISTS FOR (n:Period) ON (n.end);
CREATE INDEX source_published_at IF NOT EXISTS FOR (n:Source) ON (n.publishedAt);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
CREATE INDEX measure_name IF NOT EXISTS FOR (n:Measure) ON (n.name);
