-- How long a site keeps customer messages; a scheduled job deletes older ones every night.
ALTER TABLE sites ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 365
  CHECK (retention_days BETWEEN 1 AND 3650);
-- The job looks for old messages by age.
CREATE INDEX feedback_by_age ON feedback(created_at);
