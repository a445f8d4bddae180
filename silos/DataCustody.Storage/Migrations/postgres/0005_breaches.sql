-- Projections of the breach entries (breach.*): derived from the log alone and written in the
-- append transaction of the entry they derive from, like the custody projections.
CREATE TABLE breaches (
    breach_id TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    filed_by TEXT NOT NULL,
    status TEXT NOT NULL,
    filed_index BIGINT NOT NULL,
    filed_at_ms BIGINT NOT NULL,
    updated_index BIGINT NOT NULL,
    assessed_index BIGINT
);
CREATE INDEX breaches_by_holder ON breaches (holder);

-- Every entry about a breach, in log order: its filing, updates and assessments, as logged.
CREATE TABLE breach_entries (
    breach_id TEXT NOT NULL,
    entry_index BIGINT NOT NULL,
    type TEXT NOT NULL,
    statement TEXT NOT NULL,
    recorded_at_ms BIGINT NOT NULL,
    PRIMARY KEY (breach_id, entry_index)
);

-- Upstream providers' duty to review what they passed to a breached holder.
CREATE TABLE breach_reviews (
    obligation_id TEXT PRIMARY KEY,
    breach_id TEXT NOT NULL,
    holder TEXT NOT NULL,
    breached_holder TEXT NOT NULL,
    people BIGINT NOT NULL,
    due_at_ms BIGINT NOT NULL,
    due_index BIGINT NOT NULL
);
CREATE INDEX breach_reviews_by_holder ON breach_reviews (holder);
CREATE UNIQUE INDEX breach_reviews_by_breach ON breach_reviews (breach_id, holder);
