-- A breach's full report names, for every copy that reached the breached holder by a hop, the handle the
-- sender knows the person by. Carried in the recipient's index, those tens of thousands of handles are read
-- from the index alone instead of from every hop in the table.
DROP INDEX hops_by_recipient_time;
CREATE INDEX hops_by_recipient_time ON hops (recipient, received_at_ms, hop_id) INCLUDE (sender_handle);

-- An affected list is megabytes of JSON, written and read whole: the store keeps it deflated, as bytes the
-- database neither validates as text nor tries to compress again.
ALTER TABLE breach_notifications ALTER COLUMN affected_handles TYPE BYTEA USING convert_to(affected_handles, 'UTF8');
ALTER TABLE breach_notifications ALTER COLUMN affected_handles SET STORAGE EXTERNAL;
