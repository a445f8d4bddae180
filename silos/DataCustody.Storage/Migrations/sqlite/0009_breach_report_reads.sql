-- A breach's full report names, for every copy that reached the breached holder by a hop, the handle the
-- sender knows the person by. Carried in the recipient's index, those tens of thousands of handles are read
-- from the index alone instead of row by row from the table.
DROP INDEX hops_by_recipient_time;
CREATE INDEX hops_by_recipient_time ON hops (recipient, received_at_ms, hop_id, sender_handle);

-- An affected list is megabytes of JSON, written and read whole: the store keeps it deflated, as bytes.
CREATE TABLE breach_notifications_deflated (
    breach_id TEXT PRIMARY KEY,
    assessment_index INTEGER NOT NULL,
    stored_at_ms INTEGER NOT NULL,
    affected_handles BLOB NOT NULL
);
INSERT INTO breach_notifications_deflated (breach_id, assessment_index, stored_at_ms, affected_handles)
SELECT breach_id, assessment_index, stored_at_ms, CAST(affected_handles AS BLOB) FROM breach_notifications;
DROP TABLE breach_notifications;
ALTER TABLE breach_notifications_deflated RENAME TO breach_notifications;
