namespace DataCustody.Benchmarks.Generation;

/// <summary>Where <c>generate</c> writes and the breach benchmark reads: the gateway's own configuration keys, so a gateway opens it too.</summary>
internal static class GeneratedDatabase
{
    /// <summary>The silo settings for the data folder and, when given, the PostgreSQL database.</summary>
    public static Dictionary<string, string?> Settings(string dataFolder, string? postgresConnection)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataFolder"] = dataFolder,
            ["Storage:Provider"] = postgresConnection is null ? "Sqlite" : "Postgres",
            // The generator logs passed deadlines itself each simulated morning; the sweeper's own
            // timer runs on real time and would log them whenever it happened to fire.
            ["Custody:SweepInterval"] = "1.00:00:00",
        };
        if (postgresConnection is not null)
        {
            settings["Storage:ConnectionString"] = postgresConnection;
        }
        return settings;
    }
}
