-- Support's inbox: who works a message, where a person sent it instead of the triage, and a log of
-- every change with who made it. `status` (0001) has no CHECK and SQLite cannot add one to an
-- existing column without rebuilding the table; the API accepts only new, in_progress, resolved
-- and archived, and every row written so far says 'new'.

-- The agent working on the message: a name or an email as the dashboard shows it (agents are not
-- accounts of their own yet). NULL while nobody has taken it.
ALTER TABLE feedback ADD COLUMN assignee TEXT;
-- The routes a person chose instead of the triage's (JSON array, like `routes`). `routes` keeps
-- the triage's decision, so both can be shown; NULL while the triage's routes stand.
ALTER TABLE feedback ADD COLUMN routes_override TEXT;

-- One row per change to a message (status, assignee, routes) and per internal note. Never shown
-- to the customer. Deleted with the message: D1 enforces foreign keys, so the cascade runs for
-- customer-data deletion and retention alike.
CREATE TABLE feedback_events (
  id TEXT PRIMARY KEY,                -- ev_ + ULID, so events sort by time
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('status', 'assignee', 'note', 'routes')),
  -- JSON values before and after: "new" -> "resolved", null -> "Ana", ["support"] -> ["support","pr"];
  -- a note is null -> its text.
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL,
  reason TEXT,                        -- why routes were overridden, when the caller said
  -- The secret key that made the change and its role at the time. No foreign key: keys are
  -- revoked, never deleted, and the log must outlive a key anyway.
  key_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'support', 'pr')),
  actor TEXT,                         -- the person's name as the caller gave it (the dashboard does)
  created_at TEXT NOT NULL
);
CREATE INDEX feedback_events_by_feedback ON feedback_events(feedback_id, id);

-- Stats and date filters read one site's messages by time; feedback_by_age (0003) has no site.
CREATE INDEX feedback_by_site_time ON feedback(site_id, created_at);
