namespace DataCustody.Cli.Keys;

/// <summary>Writes private key files readable by their owner only.</summary>
internal static class PrivateKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes <paramref name="text"/> to a new file <paramref name="path"/> created with mode 0600.
    /// Throws <see cref="IOException"/> if the file exists and <paramref name="overwrite"/> is false.
    /// </summary>
    public static void Write(string path, string text, bool overwrite)
    {
        if (!overwrite)
        {
            WriteNew(path, text);
            return;
        }
        // Replacing through a fresh file keeps the old file's looser mode, if any, from carrying over.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            WriteNew(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void WriteNew(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation, so the secret is never readable by others, not even for a moment.
            options.UnixCreateMode = OwnerOnly;
        }
        using var stream = new FileStream(path, options);
        stream.Write(System.Text.Encoding.ASCII.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }
}
