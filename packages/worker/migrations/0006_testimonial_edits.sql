-- PR's studio (issue 5): testimonials made from consented messages, edited, approved and
-- withdrawn, with every step kept so a published quote can be traced to the customer's words.

-- One message makes at most one testimonial: PR edits that one instead of making rivals. NULLs
-- (quotes whose message retention deleted, the demo's seeded quotes) never collide.
CREATE UNIQUE INDEX testimonials_by_feedback ON testimonials(feedback_id);

-- A testimonial's history, oldest first: made, each edit of its quote or author, each approval
-- and withdrawal. The customer's original words are not copied here: they stay in the message
-- (feedback.message), so deleting or expiring the message takes them away.
CREATE TABLE testimonial_edits (
  id INTEGER PRIMARY KEY,             -- grows with each row: the history's order
  -- Goes with its testimonial (a customer's data deleted). Retention deletes these rows itself,
  -- because the approved quote outlives its message but its history may not.
  testimonial_id TEXT NOT NULL REFERENCES testimonials(id) ON DELETE CASCADE,
  action TEXT NOT NULL CHECK (action IN ('create', 'edit', 'approve', 'withdraw')),
  -- Who: the secret key (no foreign key: keys are revoked, never deleted, and the record must
  -- outlive that), its role at the time, and the name the caller gave for the person, if any.
  key_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'support', 'pr')),
  actor TEXT,
  -- The quote and author name before and after. Before is NULL when made; approve and withdraw
  -- keep both the same: the exact words that went on or off the wall.
  old_quote TEXT,
  new_quote TEXT NOT NULL,
  old_author_name TEXT,
  new_author_name TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX testimonial_edits_by_testimonial ON testimonial_edits(testimonial_id, id);

-- The studio lists a site's testimonials newest first, a page at a time.
CREATE INDEX testimonials_by_site_and_age ON testimonials(site_id, created_at, id);
