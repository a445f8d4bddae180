namespace DataCustody.Storage;

/// <summary>The database was migrated by a newer version of the broker than this one.</summary>
public sealed class SchemaTooNewException : Exception
{
    /// <summary>Creates the exception for the versions found and known.</summary>
    public SchemaTooNewException(int databaseVersion, int codeVersion)
        : base($"The database schema is at version {databaseVersion}, newer than the {codeVersion} this build knows. " +
               "Run the newer build, or restore a backup made for this one; refusing to start.")
    {
        DatabaseVersion = databaseVersion;
        CodeVersion = codeVersion;
    }

    /// <summary>The version recorded in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The newest version this build has migrations for.</summary>
    public int CodeVersion { get; }
}
