using DataCustody.Transparency.Notes;

namespace DataCustody.Silo;

/// <summary>
/// Finds the log's signing key: configured text, else the key file, else (single machine only) a
/// new key written to the key file readable by the owner alone.
/// </summary>
public static class LogKeyLoader
{
    /// <summary>The key and whether it was generated just now.</summary>
    public sealed record LoadedKey(NoteSignerKey Key, bool Generated, string? File);

    /// <summary>Loads or creates the key; <paramref name="mayGenerate"/> is false where several silos must share one key.</summary>
    /// <exception cref="InvalidOperationException">There is no key where one must be, it is not a signer key, or it is not named after <c>Log:Origin</c>.</exception>
    public static LoadedKey Load(SiloSettings settings, bool mayGenerate)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.IsNullOrWhiteSpace(settings.Log.SigningKey))
        {
            return new LoadedKey(Parse(settings.Log.SigningKey.Trim(), "Log:SigningKey", settings.Log.Origin), false, null);
        }

        var file = settings.Log.SigningKeyFile ?? Path.Combine(settings.DataFolder, "log-signing.key");
        if (!mayGenerate && !File.Exists(file))
        {
            throw new InvalidOperationException(
                $"No log signing key: set Log:SigningKey or create {file}. Every silo of a cluster must sign with the same key, so none is generated.");
        }
        var (text, generated) = KeyFile.ReadOrCreate(file, () =>
        {
            using var key = NoteSignerKey.Generate(settings.Log.Origin);
            return key.ToSecretString();
        });
        return new LoadedKey(Parse(text, file, settings.Log.Origin), generated, file);
    }

    private static NoteSignerKey Parse(string text, string source, string origin)
    {
        NoteSignerKey key;
        try
        {
            key = NoteSignerKey.Parse(text);
        }
        catch (NoteException e)
        {
            throw new InvalidOperationException($"The log signing key from {source} is not a valid signer key: {e.Message}", e);
        }
        // Verifiers take a checkpoint only from a key named after its origin (C2SP signed notes): a key of
        // another name would sign checkpoints that every monitor and SDK refuses.
        var name = key.Name;
        if (name != origin)
        {
            key.Dispose();
            throw new InvalidOperationException(
                $"The log signing key from {source} is named {name}, but Log:Origin is {origin}: they must be the same. Set Log:Origin to {name}, or sign with a key named {origin}.");
        }
        return key;
    }
}
