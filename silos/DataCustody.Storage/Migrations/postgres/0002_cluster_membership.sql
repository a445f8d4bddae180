-- Orleans cluster membership (Clustering/PostgresMembershipTable.cs).
-- Every membership write moves its cluster's version row, conditionally on the etag the writer
-- read, in the same transaction as the member row: of two silos that read the same version,
-- the second waits on the version row's lock and then finds its etag gone.

-- One sequence for all etags, so an etag is never reused, not even after a cluster is deleted
-- and created again.
CREATE SEQUENCE cluster_etags;

CREATE TABLE cluster_versions (
    cluster_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    etag BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A silo is identified by address, port and generation (its start epoch): a restarted silo is
-- a new row. suspect_times is a JSON array of {"silo": "ip:port@generation", "time": ...};
-- last_suspect_time is its latest time, so that cleanup can compare it in SQL.
CREATE TABLE cluster_members (
    cluster_id TEXT NOT NULL REFERENCES cluster_versions (cluster_id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    port INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    silo_name TEXT NOT NULL,
    host_name TEXT NOT NULL,
    status SMALLINT NOT NULL,
    proxy_port INTEGER NOT NULL,
    start_time TIMESTAMPTZ NOT NULL,
    i_am_alive_time TIMESTAMPTZ NOT NULL,
    suspect_times TEXT NULL,
    last_suspect_time TIMESTAMPTZ NULL,
    etag BIGINT NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);
