using DataCustody.Silo;
using DataCustody.Transparency.Notes;

namespace DataCustody.Grains.Tests;

/// <summary>
/// The log's signing key must be named after the log's origin: verifiers refuse a checkpoint whose origin
/// is not its key's name, so a silo with another key would sign checkpoints nobody accepts.
/// </summary>
public sealed class LogKeyLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("datacustody-log-key-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_configured_key_of_another_name_is_refused_naming_both()
    {
        using var other = NoteSignerKey.Generate("other.example/log");
        var settings = Settings("custody.example/log");
        settings.Log.SigningKey = other.ToSecretString();

        var refusal = Assert.Throws<InvalidOperationException>(() => LogKeyLoader.Load(settings, mayGenerate: true));

        Assert.Contains("Log:SigningKey is named other.example/log, but Log:Origin is custody.example/log", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_made_for_another_origin_is_refused_and_one_made_for_this_origin_is_used()
    {
        using (LogKeyLoader.Load(Settings("first.example/log"), mayGenerate: true).Key)
        {
        }

        var refusal = Assert.Throws<InvalidOperationException>(() => LogKeyLoader.Load(Settings("second.example/log"), mayGenerate: true));
        using var again = LogKeyLoader.Load(Settings("first.example/log"), mayGenerate: true).Key;

        Assert.Contains("named first.example/log, but Log:Origin is second.example/log", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("first.example/log", again.Name);
    }

    private SiloSettings Settings(string origin)
    {
        var settings = new SiloSettings { DataFolder = _folder };
        settings.Log.Origin = origin;
        return settings;
    }
}
