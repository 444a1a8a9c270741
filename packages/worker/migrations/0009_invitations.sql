-- Closing the loop: once support resolves a complaint from a customer who left an email, an agent
-- may invite them to say how it went. The invitation is a link to a page the worker serves
-- (/how-did-it-go/{token}) with the widget on it; the answer is an ordinary message, linked back.

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,                -- inv_ + ULID
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  -- The resolved complaint the customer is asked about. Goes with it (retention, deletion).
  feedback_id TEXT NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
  -- SHA-256 of the link's token: the token is the only proof that an answer comes from the link,
  -- so, like a secret key, it is shown once and never stored.
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  -- The message that answered it; an invitation is answered once.
  answered_feedback_id TEXT REFERENCES feedback(id) ON DELETE SET NULL,
  answered_at TEXT,
  -- Who sent it, as the inbox's log records changes (0005).
  key_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'support', 'pr')),
  actor TEXT
);
CREATE INDEX invitations_by_feedback ON invitations(feedback_id, id);

-- On the answer: the complaint whose invitation it answers (what marks a recovered customer's
-- praise in the PR studio). No foreign key: when retention removes the older complaint first, the
-- answer is still a recovered customer's; the link then leads to a message that is gone.
ALTER TABLE feedback ADD COLUMN invited_after TEXT;

-- An invitation is answered once. The answer and this mark are written in one batch; when two
-- answers race, the second's batch fails here and nothing of it is stored. (Clearing the answer's
-- id when that message is deleted leaves answered_at, so this lets it through.)
CREATE TRIGGER invitations_answered_once BEFORE UPDATE OF answered_at ON invitations
  WHEN OLD.answered_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'invitation already answered');
END;
