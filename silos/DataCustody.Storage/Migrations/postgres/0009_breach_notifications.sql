-- What an assessment told, beside the log like the inbox: the log carries the report's figures, the broker
-- keeps who was told. One row per breach: the latest assessment whose messages are stored, written in the
-- same transaction as they are, with its affected handles per holder (for each holder's own duty to tell
-- its customers) as one JSON array of [holder, role, handle, categories]: a large holder's list has a
-- hundred thousand rows and more, and it is only ever read whole.
CREATE TABLE breach_notifications (
    breach_id TEXT PRIMARY KEY,
    assessment_index BIGINT NOT NULL,
    stored_at_ms BIGINT NOT NULL,
    affected_handles TEXT NOT NULL
);
