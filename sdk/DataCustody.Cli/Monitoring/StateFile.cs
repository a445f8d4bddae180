using DataCustody.Transparency.Codecs;

namespace DataCustody.Cli.Monitoring;

/// <summary>
/// The monitor's memory: the signed note of the last verified checkpoint, exactly as the log
/// served it, so that the file is also evidence of what the log committed to.
/// </summary>
internal sealed class StateFile(string path)
{
    public string Path { get; } = path;

    /// <summary>The stored note, or null when there is no state yet.</summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken) =>
        File.Exists(Path) ? StrictUtf8.Encoding.GetString(await File.ReadAllBytesAsync(Path, cancellationToken)) : null;

    /// <summary>
    /// Replaces the stored note atomically: a crash leaves either the old note or the new one,
    /// never a torn file that would make the next run distrust an honest log.
    /// </summary>
    public void Write(string note)
    {
        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(StrictUtf8.Encoding.GetBytes(note));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: true);
    }
}
