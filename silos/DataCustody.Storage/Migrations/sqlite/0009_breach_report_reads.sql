-- A breach's full report names, for every copy that reached the breached holder by a hop, the handle the
-- sender knows the person by. Carried in the recipient's index, those tens of thousands of handles are read
-- from the index alone instead of row by row from the table.
DROP INDEX hops_by_recipient_time;
CREATE INDEX hops_by_recipient_time ON hops (recipient, received_at_ms, hop_id, sender_handle);
