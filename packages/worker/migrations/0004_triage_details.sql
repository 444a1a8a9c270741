-- The rest of the triage decision, for support's inbox: how urgent, what about, and whether the
-- customer threatens to go public. Older rows get the neutral values.
ALTER TABLE feedback ADD COLUMN urgency TEXT NOT NULL DEFAULT 'normal'
  CHECK (urgency IN ('low', 'normal', 'high', 'critical'));
ALTER TABLE feedback ADD COLUMN topics TEXT NOT NULL DEFAULT '[]';  -- JSON array of topic names
ALTER TABLE feedback ADD COLUMN pr_risk INTEGER NOT NULL DEFAULT 0 CHECK (pr_risk IN (0, 1));
