-- The ledger: entries by index, the Merkle nodes above them, and signed checkpoints.
-- ledger_head holds the tree size; every append moves it conditionally, so a second writer
-- that expects an older size fails instead of forking the log.
CREATE TABLE ledger_head (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    size BIGINT NOT NULL
);
INSERT INTO ledger_head (id, size) VALUES (1, 0);

CREATE TABLE ledger_entries (
    idx BIGINT PRIMARY KEY,
    leaf_hash BYTEA NOT NULL,
    leaf BYTEA NOT NULL
);

-- Interior nodes (level >= 1) of complete subtrees; level-0 hashes are ledger_entries.leaf_hash.
CREATE TABLE ledger_nodes (
    level SMALLINT NOT NULL,
    idx BIGINT NOT NULL,
    hash BYTEA NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE ledger_checkpoints (
    size BIGINT PRIMARY KEY,
    root_hash BYTEA NOT NULL,
    note TEXT NOT NULL,
    signed_at_ms BIGINT NOT NULL
);
