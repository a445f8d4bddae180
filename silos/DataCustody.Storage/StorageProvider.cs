namespace DataCustody.Storage;

/// <summary>The database that holds the ledger and its projections.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file: the single-machine default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by the silos of a cluster.</summary>
    Postgres,
}
