using System.Globalization;
using System.Text.Json;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;

namespace DataCustody.Sdk.Log;

/// <summary>
/// Reads the broker's public, sign-in free log endpoints under <c>log/v1/</c>. It only fetches;
/// verifying what it fetched is the caller's work (see <see cref="CheckpointFollower"/>).
/// </summary>
public sealed class LogClient
{
    // A checkpoint is a few hundred bytes and a proof at most 64 hashes; anything far larger is not one.
    private const int MaxResponseBytes = 64 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _log;

    /// <summary>Creates a client for the broker at <paramref name="brokerUrl"/>, such as <c>https://broker.example/</c>.</summary>
    public LogClient(HttpClient http, Uri brokerUrl)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(brokerUrl);
        if (!brokerUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The broker URL must be absolute.", nameof(brokerUrl));
        }
        _http = http;
        // Without the trailing slash, a relative URL would replace the last path segment instead of extending it.
        var text = brokerUrl.AbsoluteUri;
        _log = new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), "log/v1/");
    }

    /// <summary>The signed note of the log's latest checkpoint, unverified.</summary>
    /// <exception cref="HttpRequestException">The log could not be reached or answered with an error status.</exception>
    /// <exception cref="LogResponseException">The answer was not a checkpoint note.</exception>
    public async Task<string> GetCheckpointAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await GetAsync("checkpoint", cancellationToken);
        try
        {
            return StrictUtf8.Encoding.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new LogResponseException("The checkpoint is not UTF-8 text.");
        }
    }

    /// <summary>The consistency proof from the tree of <paramref name="from"/> leaves to the tree of <paramref name="to"/> leaves, unverified.</summary>
    /// <exception cref="HttpRequestException">The log could not be reached or answered with an error status.</exception>
    /// <exception cref="LogResponseException">The answer was not a proof.</exception>
    public async Task<IReadOnlyList<byte[]>> GetConsistencyProofAsync(ulong from, ulong to, CancellationToken cancellationToken = default)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"proof/consistency?from={from}&to={to}");
        return ParseProof(await GetAsync(query, cancellationToken));
    }

    /// <summary>The inclusion proof of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves, unverified.</summary>
    /// <exception cref="HttpRequestException">The log could not be reached or answered with an error status.</exception>
    /// <exception cref="LogResponseException">The answer was not a proof.</exception>
    public async Task<IReadOnlyList<byte[]>> GetInclusionProofAsync(ulong index, ulong size, CancellationToken cancellationToken = default)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"proof/inclusion?index={index}&size={size}");
        return ParseProof(await GetAsync(query, cancellationToken));
    }

    /// <summary>
    /// The verifier key the log publishes, unverified: fetching it is trust on first use. Compare it
    /// with a key obtained out of band before pinning it.
    /// </summary>
    /// <exception cref="HttpRequestException">The log could not be reached or answered with an error status.</exception>
    /// <exception cref="LogResponseException">The answer was not a verifier key.</exception>
    public async Task<NoteVerifierKey> GetVerifierKeyAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await GetAsync("key", cancellationToken);
        try
        {
            return NoteVerifierKey.Parse(StrictUtf8.Encoding.GetString(bytes).Trim());
        }
        catch (Exception e) when (e is System.Text.DecoderFallbackException or NoteException)
        {
            throw new LogResponseException($"The log's key is not a note verifier key: {e.Message}");
        }
    }

    private async Task<byte[]> GetAsync(string relative, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(_log, relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new LogResponseException($"The answer to {relative} is larger than {MaxResponseBytes} bytes.");
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        try
        {
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw new LogResponseException($"The answer to {relative} is larger than {MaxResponseBytes} bytes.");
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException e)
        {
            // A connection lost in the middle of the body is as unreachable as one lost before the headers:
            // callers retry HttpRequestException, whichever part of the answer the network cut off.
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The answer to {relative} was cut off: {e.Message}", e);
        }
        return buffer.ToArray();
    }

    // The gateway answers {"proof":["<base64>", ...]}.
    private static byte[][] ParseProof(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("proof", out var proof)
                || proof.ValueKind != JsonValueKind.Array)
            {
                throw new LogResponseException("The proof is not a JSON object with a 'proof' array.");
            }
            var hashes = new byte[proof.GetArrayLength()][];
            var i = 0;
            foreach (var element in proof.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String
                    || !StrictBase64.TryDecode(element.GetString()!, out var hash)
                    || hash.Length != MerkleHash.Size)
                {
                    throw new LogResponseException($"Proof element {i} is not the base64 of a {MerkleHash.Size}-byte hash.");
                }
                hashes[i++] = hash;
            }
            return hashes;
        }
        catch (JsonException e)
        {
            throw new LogResponseException($"The proof is not JSON: {e.Message}");
        }
    }
}
