-- What an assessment told, beside the log like the inbox: the log carries the report's figures, the broker
-- keeps who was told. One row per breach names the assessment whose messages and affected handles are
-- stored; it is written in the same transaction as they are.
CREATE TABLE breach_notifications (
    breach_id TEXT PRIMARY KEY,
    assessment_index INTEGER NOT NULL,
    stored_at_ms INTEGER NOT NULL
);

-- The affected handles per holder of that assessment, for each holder's own duty to tell its customers.
CREATE TABLE breach_affected_handles (
    breach_id TEXT NOT NULL,
    holder TEXT NOT NULL,
    role TEXT NOT NULL,
    handle TEXT NOT NULL,
    categories TEXT NOT NULL,
    PRIMARY KEY (breach_id, holder, role, handle)
) WITHOUT ROWID;
