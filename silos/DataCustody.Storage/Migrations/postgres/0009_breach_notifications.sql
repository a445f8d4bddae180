-- What an assessment told, beside the log like the inbox: the log carries the report's figures, the broker
-- keeps who was told. One row per breach names the assessment whose messages and affected handles are
-- stored; it is written in the same transaction as they are.
CREATE TABLE breach_notifications (
    breach_id TEXT PRIMARY KEY,
    assessment_index BIGINT NOT NULL,
    stored_at_ms BIGINT NOT NULL
);

-- The affected handles per holder of that assessment, for each holder's own duty to tell its customers.
-- Ordered by code point ("C"), as the export lists them on either database.
CREATE TABLE breach_affected_handles (
    breach_id TEXT NOT NULL,
    holder TEXT COLLATE "C" NOT NULL,
    role TEXT COLLATE "C" NOT NULL,
    handle TEXT COLLATE "C" NOT NULL,
    categories TEXT NOT NULL,
    PRIMARY KEY (breach_id, holder, role, handle)
);
