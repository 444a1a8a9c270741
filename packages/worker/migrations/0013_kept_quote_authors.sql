-- An approved quote outlives its message (retention), and with the message goes the only link to
-- the customer who wrote it, so their later request to be deleted could not find it. Retention
-- now writes that link first, without keeping the email: a JSON array of hex SHA-256 digests of
-- the site id and each email that finds the message (see authorKey in src/lib/author-key.ts).
-- NULL while the message is still there, and for quotes kept before this migration (their
-- emails are gone).
ALTER TABLE testimonials ADD COLUMN author_keys TEXT;
