-- The ledger: entries by index, the Merkle nodes above them, and signed checkpoints.
-- ledger_head holds the tree size; every append moves it conditionally, so a second writer
-- that expects an older size fails instead of forking the log.
CREATE TABLE ledger_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    size INTEGER NOT NULL
);
INSERT INTO ledger_head (id, size) VALUES (1, 0);

CREATE TABLE ledger_entries (
    idx INTEGER PRIMARY KEY,
    leaf_hash BLOB NOT NULL,
    leaf BLOB NOT NULL
);

-- Interior nodes (level >= 1) of complete subtrees; level-0 hashes are ledger_entries.leaf_hash.
CREATE TABLE ledger_nodes (
    level INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (level, idx)
) WITHOUT ROWID;

CREATE TABLE ledger_checkpoints (
    size INTEGER PRIMARY KEY,
    root_hash BLOB NOT NULL,
    note TEXT NOT NULL,
    signed_at_ms INTEGER NOT NULL
);
