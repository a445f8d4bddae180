using DataCustody.Grains.Custody;
using DataCustody.Transparency.Codecs;
using NSec.Cryptography;

namespace DataCustody.Silo;

/// <summary>
/// Finds the broker's statement key: configured text, else the key file, else (single machine
/// only) a new key written to the key file readable by the owner alone.
/// </summary>
public static class StatementKeyLoader
{
    /// <summary>Loads or creates the key; <paramref name="mayGenerate"/> is false where several silos must share one key.</summary>
    public static BrokerSigner Load(SiloSettings settings, bool mayGenerate)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string text;
        if (!string.IsNullOrWhiteSpace(settings.Log.StatementKey))
        {
            text = settings.Log.StatementKey.Trim();
        }
        else
        {
            var file = settings.Log.StatementKeyFile ?? Path.Combine(settings.DataFolder, "statement-signing.key");
            if (!mayGenerate && !File.Exists(file))
            {
                throw new InvalidOperationException(
                    $"No statement signing key: set Log:StatementKey or create {file}. Every silo of a cluster must sign with the same key, so none is generated.");
            }
            (text, _) = KeyFile.ReadOrCreate(file, () => StrictBase64.EncodeUrl(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }
        if (!StrictBase64.TryDecodeUrl(System.Text.Encoding.ASCII.GetBytes(text), out var seed) || seed.Length != 32)
        {
            throw new InvalidOperationException("The statement signing key is not base64url of a 32-byte Ed25519 seed.");
        }
        return new BrokerSigner(Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey));
    }
}
