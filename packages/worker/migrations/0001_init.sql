-- Sites, their API keys, the feedback they collect and the testimonials PR publishes.
-- Times are ISO 8601 strings in UTC with milliseconds; JSON columns hold arrays or objects.

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Browsers may send feedback for a site only from these origins ("https://shop.example").
CREATE TABLE site_origins (
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  origin TEXT NOT NULL,
  PRIMARY KEY (site_id, origin)
);
-- A CORS preflight carries no key, so it is answered by origin alone.
CREATE INDEX site_origins_by_origin ON site_origins(origin);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('publishable', 'secret')),
  -- What a secret key may do; publishable keys only send feedback and read testimonials.
  role TEXT CHECK (role IN ('admin', 'support', 'pr')),
  -- SHA-256 of the whole key. Keys are long random strings, so a fast hash is enough; the
  -- secret itself is shown once and never stored.
  key_hash TEXT NOT NULL UNIQUE,
  -- For people to tell keys apart: the whole key when publishable (it is public anyway),
  -- its first and last characters when secret.
  key_hint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK ((kind = 'secret') = (role IS NOT NULL))
);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY,                -- fb_ + ULID, so ids sort by arrival time
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  message TEXT NOT NULL,
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  category TEXT CHECK (category IN ('problem', 'question', 'idea', 'praise')),
  email TEXT,
  name TEXT,
  consent_publish INTEGER NOT NULL CHECK (consent_publish IN (0, 1)),
  consent_at TEXT,                    -- when "you may quote me publicly" was given
  page_url TEXT,
  metadata TEXT,                      -- JSON object from the site
  -- The triage decision, stored with the message before it is acknowledged.
  label TEXT NOT NULL CHECK (label IN ('complaint', 'question', 'idea', 'praise', 'neutral', 'spam')),
  routes TEXT NOT NULL,               -- JSON array of 'support' | 'product' | 'pr'
  sentiment REAL NOT NULL,
  confidence REAL NOT NULL,
  reasons TEXT NOT NULL,              -- JSON array of strings
  status TEXT NOT NULL DEFAULT 'new',
  idempotency_key TEXT,
  request_hash TEXT,                  -- SHA-256 of the request, to refuse a key reused for other content
  created_at TEXT NOT NULL
);
CREATE INDEX feedback_by_site ON feedback(site_id, id);
-- NULL keys never collide, so feedback sent without a key is always stored.
CREATE UNIQUE INDEX feedback_by_idempotency_key ON feedback(site_id, idempotency_key);

CREATE TABLE testimonials (
  id TEXT PRIMARY KEY,                -- tm_ + ULID
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  feedback_id TEXT REFERENCES feedback(id) ON DELETE SET NULL,
  quote TEXT NOT NULL,
  author_name TEXT,
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'withdrawn')),
  approved_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX testimonials_by_site ON testimonials(site_id, status, approved_at);
