-- A breach's messages are stored batch by batch, a transaction each, so that the log's appends need not wait for
-- all of them (SQLite has one write lock); a failure between two batches leaves the earlier ones stored. A breach
-- is listed here by the transaction that stores its first message: without it no message about the breach was
-- ever stored, and an assessment's messages can all be inserted as new.
CREATE TABLE breach_messages_begun (
    breach_id TEXT PRIMARY KEY
);

-- Breaches told before: their messages were stored together with their row of breach_notifications.
INSERT INTO breach_messages_begun (breach_id) SELECT breach_id FROM breach_notifications;
