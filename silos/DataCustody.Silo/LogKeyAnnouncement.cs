namespace DataCustody.Silo;

/// <summary>Tells the operator which key verifies the log, and where a new one was written.</summary>
public static class LogKeyAnnouncement
{
    /// <summary>Writes the verifier key line (and a note when the key was just generated).</summary>
    public static void Print(LogKeyLoader.LoadedKey key, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(output);
        if (key.Generated)
        {
            output.WriteLine($"Generated a new log signing key in {key.File} (readable only by its owner).");
        }
        output.WriteLine($"Log verifier key: {key.Key.Verifier}");
    }
}
