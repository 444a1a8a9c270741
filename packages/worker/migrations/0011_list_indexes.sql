-- The list route (GET /v1/feedback) reads a page of one site's newest messages with a filter.
-- These let SQLite walk the messages in that order within the filter and stop after a page, on
-- a site with 10,000 messages as on one with ten (see listFeedback):
-- the inbox asks one urgency at a time, most urgent first;
CREATE INDEX feedback_by_site_urgency ON feedback(site_id, urgency, id);
-- PR's studio lists praise (and the inbox filters by label);
CREATE INDEX feedback_by_site_label ON feedback(site_id, label, id);
-- PR-risk alerts are few among many, so only they are indexed.
CREATE INDEX feedback_pr_risks ON feedback(site_id, id) WHERE pr_risk = 1;
