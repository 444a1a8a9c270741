-- PR's studio lists the messages it may quote (GET /v1/studio/candidates): those whose customer
-- agreed to be quoted, newest first. They are few among a site's messages; without this index a
-- page of them read every message of the site (see listCandidates).
CREATE INDEX feedback_quotable ON feedback(site_id, id) WHERE consent_publish = 1;
