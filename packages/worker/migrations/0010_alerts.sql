-- Surge alerts: the scheduled job (packages/worker/src/jobs/surge.ts) records each spike of
-- complaints about a topic once per site, topic and UTC day, so a re-run (the job is hourly) never
-- alerts twice, and the dashboard lists them (GET /v1/alerts). Deliveries to PR's destinations
-- carry them as a new event type, `alert.surge`.

CREATE TABLE alerts (
  id TEXT PRIMARY KEY,                -- al_ + ULID
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('surge')),
  topic TEXT NOT NULL,
  day TEXT NOT NULL,                  -- YYYY-MM-DD, the UTC day counted
  today INTEGER NOT NULL,             -- complaints about the topic that day when the alert was raised
  baseline REAL NOT NULL,             -- the mean daily complaints about it over the 28 days before
  -- JSON array of a few of the day's complaint ids (no customer words: retention deletes those).
  sample_feedback_ids TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (site_id, kind, topic, day)
);
CREATE INDEX alerts_by_site ON alerts(site_id, id);

-- `deliveries.event` is checked against a list, and SQLite cannot change a CHECK: both delivery
-- tables are rebuilt (delivery_attempts too, because dropping deliveries would cascade into its
-- attempts). Columns are named, so the copy does not depend on their order.
CREATE TABLE deliveries_new (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  destination_id TEXT NOT NULL REFERENCES destinations(id) ON DELETE CASCADE,
  -- The message it carries; NULL for a test event or an alert.
  feedback_id TEXT REFERENCES feedback(id) ON DELETE CASCADE,
  event TEXT NOT NULL CHECK (event IN ('feedback.created', 'feedback.pr_risk', 'alert.surge', 'test')),
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  dead_reason TEXT,
  next_attempt_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  enqueued_at TEXT,
  generation INTEGER NOT NULL DEFAULT 0
);
INSERT INTO deliveries_new (id, site_id, destination_id, feedback_id, event, payload, status, dead_reason, next_attempt_at,
                            created_at, enqueued_at, generation)
  SELECT id, site_id, destination_id, feedback_id, event, payload, status, dead_reason, next_attempt_at,
         created_at, enqueued_at, generation
    FROM deliveries;

CREATE TABLE delivery_attempts_new (
  delivery_id TEXT NOT NULL REFERENCES deliveries_new(id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  response_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL,
  at TEXT NOT NULL,
  generation INTEGER NOT NULL DEFAULT 0
);
INSERT INTO delivery_attempts_new (delivery_id, attempt, status, response_code, error, duration_ms, at, generation)
  SELECT delivery_id, attempt, status, response_code, error, duration_ms, at, generation FROM delivery_attempts;

DROP TABLE delivery_attempts;
DROP TABLE deliveries;
-- Renaming rewrites delivery_attempts_new's reference to deliveries_new.
ALTER TABLE deliveries_new RENAME TO deliveries;
ALTER TABLE delivery_attempts_new RENAME TO delivery_attempts;

CREATE INDEX deliveries_by_site ON deliveries(site_id, id);
CREATE INDEX deliveries_by_feedback ON deliveries(feedback_id);
CREATE INDEX deliveries_by_destination ON deliveries(destination_id);
CREATE INDEX deliveries_pending ON deliveries(next_attempt_at) WHERE status = 'pending';
CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts(delivery_id, attempt);
