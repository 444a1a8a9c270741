-- What the widget sends beyond the message (a 0-10 score, the consent text's version, the page's
-- context, who the site says the customer is, spam signals) and the token that lets the customer
-- add an email, a name or consent for 24 hours after sending.
-- Every new column may be NULL, so rows stored before this migration stay valid.

-- "How likely are you to recommend us", 0-10: sent instead of a 1-5 rating, never with one.
ALTER TABLE feedback ADD COLUMN score INTEGER CHECK (score IS NULL OR (score BETWEEN 0 AND 10 AND rating IS NULL));
-- The version of the consent text the customer saw, e.g. "2026-11".
ALTER TABLE feedback ADD COLUMN consent_version TEXT;
-- JSON object: locale, viewport, userAgent, timezone.
ALTER TABLE feedback ADD COLUMN context TEXT;
-- Who the site says the customer is (identify() in the SDK and the widget).
ALTER TABLE feedback ADD COLUMN user_id TEXT;
ALTER TABLE feedback ADD COLUMN user_email TEXT;
ALTER TABLE feedback ADD COLUMN user_name TEXT;
-- JSON object: honeypot, elapsedMs; kept to show why a message was judged spam.
ALTER TABLE feedback ADD COLUMN signals TEXT;
-- fbt_ + 32 hex characters. Kept as given, not hashed: a retried POST must answer the same token.
ALTER TABLE feedback ADD COLUMN follow_up_token TEXT;

-- Earlier rows get a token too, so a retried POST of one of them still answers with a token.
UPDATE feedback SET follow_up_token = 'fbt_' || lower(hex(randomblob(16))) WHERE follow_up_token IS NULL;
