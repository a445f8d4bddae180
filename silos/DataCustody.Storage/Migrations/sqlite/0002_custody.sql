-- Projections of the custody log: every row here is derived from ledger entries alone and is
-- written in the append transaction of the entry it derives from. `statement` columns hold the
-- JSON payload of the statement that set the row, as logged.
CREATE TABLE providers (
    provider_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    sector TEXT NOT NULL,
    contact TEXT NOT NULL,
    registered_index INTEGER NOT NULL
);

CREATE TABLE provider_keys (
    provider_id TEXT NOT NULL,
    kid TEXT NOT NULL,
    public_key BLOB NOT NULL,
    valid_from_ms INTEGER NOT NULL,
    valid_until_ms INTEGER,
    retired_at_ms INTEGER,
    added_index INTEGER NOT NULL,
    PRIMARY KEY (provider_id, kid)
);

CREATE TABLE provider_profiles (
    provider_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    level INTEGER NOT NULL,
    statement TEXT NOT NULL,
    declared_at_ms INTEGER NOT NULL,
    entry_index INTEGER NOT NULL,
    PRIMARY KEY (provider_id, version)
);

CREATE TABLE provider_terms (
    provider_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    statement TEXT NOT NULL,
    declared_at_ms INTEGER NOT NULL,
    entry_index INTEGER NOT NULL,
    PRIMARY KEY (provider_id, sha256)
);

-- One row per provider statement id: the idempotency record.
CREATE TABLE statements (
    provider_id TEXT NOT NULL,
    statement_id TEXT NOT NULL,
    payload_sha256 BLOB NOT NULL,
    entry_index INTEGER NOT NULL,
    PRIMARY KEY (provider_id, statement_id)
);

CREATE TABLE handles (
    handle TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL,
    entry_index INTEGER NOT NULL
);

CREATE TABLE consent_requests (
    request_id TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    handle TEXT NOT NULL,
    statement TEXT NOT NULL,
    status TEXT NOT NULL,
    requested_index INTEGER NOT NULL,
    decided_index INTEGER
);
CREATE INDEX consent_requests_by_handle ON consent_requests (handle);

CREATE TABLE consents (
    consent_id TEXT PRIMARY KEY,
    request_id TEXT,
    holder TEXT NOT NULL,
    handle TEXT NOT NULL,
    statement TEXT NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    status TEXT NOT NULL,
    granted_index INTEGER NOT NULL,
    ended_index INTEGER
);
CREATE INDEX consents_by_handle ON consents (handle);
CREATE INDEX consents_by_holder ON consents (holder);
CREATE INDEX consents_by_expiry ON consents (status, expires_at_ms);

-- A hop is one provision of data from a sender to a recipient; either side's statement may come first.
CREATE TABLE hops (
    hop_id INTEGER PRIMARY KEY,
    sender TEXT NOT NULL,
    sender_handle TEXT,
    recipient TEXT NOT NULL,
    recipient_handle TEXT,
    transfer_id TEXT NOT NULL,
    categories TEXT NOT NULL,
    purposes TEXT,
    legal_basis TEXT,
    consent_id TEXT,
    terms_sha256 TEXT,
    sender_profile_version INTEGER,
    recipient_profile_version INTEGER,
    transferred_at_ms INTEGER,
    transfer_index INTEGER,
    received_at_ms INTEGER,
    received_index INTEGER,
    obtained_via TEXT
);
-- One hop per transfer and recipient handle: a receipt that names a transfer of another person
-- or another recipient opens a hop of its own, visible as unconfirmed.
CREATE UNIQUE INDEX hops_by_transfer ON hops (sender, transfer_id, recipient_handle);
CREATE INDEX hops_by_sender_handle ON hops (sender_handle);
CREATE INDEX hops_by_recipient_handle ON hops (recipient_handle);

-- Who holds which category of whose data (by the holder's handle), since when, how it got there.
CREATE TABLE holdings (
    holder TEXT NOT NULL,
    handle TEXT NOT NULL,
    category TEXT NOT NULL,
    acquired_index INTEGER NOT NULL,
    acquired_at_ms INTEGER NOT NULL,
    via_hop INTEGER,
    source_holder TEXT,
    root_consent_id TEXT,
    profile_version INTEGER,
    terms_sha256 TEXT,
    released_index INTEGER,
    released_at_ms INTEGER,
    PRIMARY KEY (holder, handle, category, acquired_index)
);
CREATE INDEX holdings_by_handle ON holdings (handle);
CREATE INDEX holdings_by_root_consent ON holdings (root_consent_id);
CREATE INDEX holdings_by_via_hop ON holdings (via_hop);

CREATE TABLE obligations (
    obligation_id TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    handle TEXT NOT NULL,
    categories TEXT NOT NULL,
    consent_id TEXT NOT NULL,
    due_at_ms INTEGER NOT NULL,
    status TEXT NOT NULL,
    due_index INTEGER NOT NULL,
    answered_index INTEGER,
    overdue_index INTEGER
);
CREATE INDEX obligations_by_handle ON obligations (handle);
CREATE INDEX obligations_by_holder ON obligations (holder, status);
CREATE INDEX obligations_by_deadline ON obligations (status, due_at_ms);

CREATE TABLE violations (
    entry_index INTEGER NOT NULL,
    code TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    handle TEXT,
    detail TEXT NOT NULL,
    PRIMARY KEY (entry_index, code)
);
CREATE INDEX violations_by_provider ON violations (provider_id);

-- The broker's private registry, not derived from the log: which person each handle belongs to
-- and the secret their handles come from. Forgetting a person deletes both; the log stays intact
-- and can no longer be tied to them.
CREATE TABLE people (
    person_id TEXT PRIMARY KEY,
    secret BLOB,
    created_at_ms INTEGER NOT NULL,
    forgotten_at_ms INTEGER
);

CREATE TABLE person_handles (
    handle TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    UNIQUE (person_id, provider_id)
);

CREATE TABLE inbox (
    message_id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    entry_index INTEGER,
    read_at_ms INTEGER
);
CREATE INDEX inbox_by_person ON inbox (person_id, created_at_ms);
