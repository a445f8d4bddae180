-- The regulator's compliance views (ComplianceQueries) page through these in key order.
-- APPI article 29 and 30 records: one provider's hops sent or received in a period, by time.
CREATE INDEX hops_by_sender_time ON hops (sender, transferred_at_ms, hop_id);
CREATE INDEX hops_by_recipient_time ON hops (recipient, received_at_ms, hop_id);
-- Hops only one side reported; a hop leaves this index when the other side confirms it.
CREATE INDEX hops_unconfirmed ON hops (hop_id) WHERE received_index IS NULL OR transfer_index IS NULL;
CREATE INDEX violations_by_code ON violations (code, entry_index);
