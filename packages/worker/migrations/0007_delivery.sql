-- Delivery: where each site's messages go (signed webhooks, Slack), one delivery per message and
-- destination, and every attempt to send it. The queue carries only delivery ids: D1 is the record
-- of what is owed, so a failed enqueue or a lost queue message is found again by the sweep.

CREATE TABLE destinations (
  id TEXT PRIMARY KEY,                -- dst_ + ULID
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('webhook', 'slack')),
  name TEXT NOT NULL,                 -- for people: "Support desk", "#pr-alerts"
  url TEXT NOT NULL,                  -- https (http only for 127.0.0.1 and localhost)
  routes TEXT NOT NULL,               -- JSON array of the teams it receives: 'support' | 'product' | 'pr'
  -- whsec_ + base64 of 32 random bytes, to sign webhooks (Standard Webhooks). Shown once when the
  -- destination is created; kept as is because every delivery is signed with it. Slack's
  -- incoming-webhook URL is its own secret, so a Slack destination has none.
  secret TEXT,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  -- Why it stopped receiving when Tandem turned it off (the receiver answered 410 Gone); NULL
  -- when an admin did, or while enabled.
  disabled_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((kind = 'webhook') = (secret IS NOT NULL))
);
-- Storing feedback looks up the site's destinations on every POST.
CREATE INDEX destinations_by_site ON destinations(site_id, id);

CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,                -- dlv_ + ULID; also the webhook-id, the same on every attempt
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  destination_id TEXT NOT NULL REFERENCES destinations(id) ON DELETE CASCADE,
  -- The message it carries; NULL for a test event. Deleting the message (retention, a customer's
  -- request) deletes its deliveries, whose payload holds the message too.
  feedback_id TEXT REFERENCES feedback(id) ON DELETE CASCADE,
  event TEXT NOT NULL CHECK (event IN ('feedback.created', 'feedback.pr_risk', 'test')),
  payload TEXT NOT NULL,              -- the event's JSON exactly as signed and sent, on every attempt
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  -- Why it is dead: the attempts ran out, the receiver answered 410 Gone, the destination was off.
  dead_reason TEXT,
  -- When the queue should bring it next (now, or after a retry's delay). A pending delivery long
  -- past it was never enqueued, or its message was lost: the sweep enqueues it again.
  next_attempt_at TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX deliveries_by_site ON deliveries(site_id, id);
CREATE INDEX deliveries_by_feedback ON deliveries(feedback_id);
CREATE INDEX deliveries_by_destination ON deliveries(destination_id);
-- The sweep reads only what is still owed.
CREATE INDEX deliveries_pending ON deliveries(next_attempt_at) WHERE status = 'pending';

-- Every request sent for a delivery, for the admin who asks "did it arrive, and if not why".
CREATE TABLE delivery_attempts (
  delivery_id TEXT NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,           -- 1, 2, …; a replay continues the count
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  response_code INTEGER,              -- NULL when no answer came (timeout, network error)
  error TEXT,                         -- short: "HTTP 500: …", "timed out after 10 s"
  duration_ms INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts(delivery_id, attempt);
