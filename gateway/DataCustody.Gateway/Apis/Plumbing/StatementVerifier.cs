using DataCustody.Gateway.Apis.Contracts;
using DataCustody.Transparency.Jws;
using NSec.Cryptography;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// The gateway's half of statement ingestion (stateless, parallel): reads each compact JWS
/// strictly, parses its payload with the statement codec, checks that it is the token provider's
/// statement, finds the key its <c>kid</c> names among that provider's keys, verifies the Ed25519
/// signature over the exact signing input and hashes the payload. Items that fail get a rejected
/// result naming the field (<c>statements[i].header.alg</c>, <c>statements[i].payload.categories[0]</c>, ...).
/// </summary>
public static class StatementVerifier
{
    /// <summary>The most statements in one batch.</summary>
    public const int MaxBatch = 1000;

    // Below this, the batch is checked on the request's thread.
    private const int ParallelFrom = 32;

    /// <summary>One item after checking: a statement ready to submit, or why not.</summary>
    public sealed class Item
    {
        /// <summary>Position in the batch.</summary>
        public required int Index { get; init; }

        /// <summary>The JWS as received.</summary>
        public required string? Jws { get; init; }

        internal CompactJws? Parsed { get; set; }

        /// <summary>The parsed statement, once its payload was read.</summary>
        public ProviderStatement? Statement { get; internal set; }

        /// <summary>The verified statement to submit, when every check passed.</summary>
        public SubmittedStatement? Submitted { get; internal set; }

        /// <summary>Why the item is rejected, when it is.</summary>
        public StatementProblem? Problem { get; internal set; }

        internal void Reject(string field, string detail) => Problem ??= StatementProblem.Of(field.Length == 0 ? $"statements[{Index}]" : $"statements[{Index}].{field}", detail);
    }

    /// <summary>Checks every item of a batch of <paramref name="providerId"/>; the keys come from its grain.</summary>
    public static async Task<Item[]> CheckAsync(IReadOnlyList<string?> statements, string providerId, IProviderGrain provider)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(provider);
        var items = new Item[statements.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new Item { Index = i, Jws = statements[i] };
        }

        ForEach(items, item => Read(item, providerId));
        var keys = await FindKeysAsync(items, provider);
        ForEach(items, item => Verify(item, keys));
        return items;
    }

    private static void ForEach(Item[] items, Action<Item> check)
    {
        if (items.Length < ParallelFrom)
        {
            foreach (var item in items)
            {
                check(item);
            }
        }
        else
        {
            Parallel.ForEach(items, check);
        }
    }

    private static void Read(Item item, string providerId)
    {
        if (item.Jws is null)
        {
            item.Reject("", "must be a compact JWS string, not null.");
            return;
        }
        CompactJws jws;
        try
        {
            jws = CompactJws.Parse(item.Jws);
        }
        catch (JwsException e)
        {
            var field = e.Part switch
            {
                JwsPart.Header when e.Message.Contains("'alg'", StringComparison.Ordinal) || e.Message.StartsWith("The algorithm", StringComparison.Ordinal) => "header.alg",
                JwsPart.Header => "header",
                JwsPart.Payload => "payload",
                JwsPart.Signature => "signature",
                _ => "",
            };
            item.Reject(field, e.Message);
            return;
        }
        if (string.IsNullOrEmpty(jws.KeyId))
        {
            item.Reject("header.kid", "The header must name the signing key in 'kid'.");
            return;
        }
        var parsed = StatementCodec.Parse(jws.Payload.Span);
        if (!parsed.IsValid)
        {
            var error = parsed.Errors[0];
            var field = error.Field == StatementError.Payload ? "payload" : "payload." + error.Field;
            item.Reject(field, $"{error.Field} {error.Reason}");
            return;
        }
        if (parsed.Statement is not ProviderStatement statement)
        {
            item.Reject("payload.type", $"{parsed.Statement.Type} is not a type that providers sign.");
            return;
        }
        item.Statement = statement;
        if (!string.Equals(statement.Provider, providerId, StringComparison.Ordinal))
        {
            item.Reject("payload.provider", $"The statement names provider {statement.Provider}, but the access token speaks for {providerId}.");
            return;
        }
        item.Parsed = jws;
    }

    // One FindKey per kid; the key's validity period then answers for the other items locally.
    private static async Task<Dictionary<(string Kid, DateTimeOffset IssuedAt), (PublicKey? Key, string? Refusal)>> FindKeysAsync(Item[] items, IProviderGrain provider)
    {
        var lookups = new Dictionary<(string, DateTimeOffset), (PublicKey?, string?)>();
        var pending = items.Where(i => i.Parsed is not null).GroupBy(i => i.Parsed!.KeyId!, StringComparer.Ordinal);
        foreach (var group in pending)
        {
            var kid = group.Key;
            var first = await provider.FindKey(kid, group.First().Statement!.IssuedAt);
            PublicKey? publicKey = null;
            if (first.Key is { } key && !PublicKey.TryImport(SignatureAlgorithm.Ed25519, key.PublicKey, KeyBlobFormat.RawPublicKey, out publicKey))
            {
                publicKey = null;
            }
            foreach (var issuedAt in group.Select(i => i.Statement!.IssuedAt).Distinct())
            {
                if (first.Key is { } found)
                {
                    lookups[(kid, issuedAt)] = found.IsValidAt(issuedAt) && publicKey is not null
                        ? (publicKey, null)
                        : (null, $"Key {kid} was not valid at the statement's issuedAt {issuedAt:O}.");
                }
                else
                {
                    var lookup = issuedAt == group.First().Statement!.IssuedAt ? first : await provider.FindKey(kid, issuedAt);
                    lookups[(kid, issuedAt)] = lookup.Key is { } other && PublicKey.TryImport(SignatureAlgorithm.Ed25519, other.PublicKey, KeyBlobFormat.RawPublicKey, out var otherKey)
                        ? (otherKey, null)
                        : (null, lookup.Refusal ?? $"No key {kid}.");
                }
            }
        }
        return lookups;
    }

    private static void Verify(Item item, Dictionary<(string Kid, DateTimeOffset IssuedAt), (PublicKey? Key, string? Refusal)> keys)
    {
        if (item.Parsed is not { } jws || item.Problem is not null)
        {
            return;
        }
        var (key, refusal) = keys[(jws.KeyId!, item.Statement!.IssuedAt)];
        if (key is null)
        {
            item.Reject("header.kid", refusal ?? "The key is unknown.");
            return;
        }
        if (!jws.Verify(key))
        {
            item.Reject("signature", "The signature does not verify with the key the header names.");
            return;
        }
        item.Submitted = SubmittedStatement.Verified(jws.KeyId!, item.Jws!, item.Statement, jws.Payload);
    }
}
