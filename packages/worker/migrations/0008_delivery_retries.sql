-- Retry bookkeeping for deliveries: the retry schedule follows the attempts D1 records, not the
-- queue message's own count, so a second copy of a message never starts the schedule over; the
-- sweep leaves alone what was handed to the queue lately; and a replay starts a new generation,
-- so the queue messages of the chain it replaced are recognised and dropped.

-- When the delivery was last handed to the queue: written (feedback, a test event), replayed,
-- swept, or retried by the consumer. The sweep enqueues a copy only of a delivery nobody has
-- enqueued for an hour, so a queue that is merely slow does not get a pile of copies. NULL: the
-- enqueue after the response failed (the sweep takes it at once), or a row older than this column.
ALTER TABLE deliveries ADD COLUMN enqueued_at TEXT;

-- Bumped by each replay. Every queue message carries the generation it was sent for; a message of
-- an earlier one (a retry chain the replay replaced, its dead letter) changes nothing.
ALTER TABLE deliveries ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;

-- The generation each attempt belonged to: the schedule counts the current generation's attempts
-- only, so a replay gets the whole schedule again while attempt numbers keep counting up.
ALTER TABLE delivery_attempts ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
