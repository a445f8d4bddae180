using System.Security.Cryptography;
using System.Text;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Transparency.Jws;
using NSec.Cryptography;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// A provider as the load tool plays it: its id, statement key, declared protection level and
/// terms, and statements signed the way its SDK signs them. Signing is the provider's work, so
/// the tool does it before it measures the broker.
/// </summary>
internal sealed class BenchmarkProvider(string id, int level) : IStatementAuthor, IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private long _statements;

    public string Id { get; } = id;

    public string Kid { get; } = id + "-key-1";

    public int Level { get; } = level;

    /// <summary>The SHA-256 of the model-contract terms it declared, once joined.</summary>
    public string TermsSha256 { get; private set; } = "";

    /// <summary>Registers, adds the statement key and declares a protection profile and terms, each checked.</summary>
    public async Task JoinAsync(IGrainFactory grains, DateTimeOffset now)
    {
        var grain = grains.GetGrain<IProviderGrain>(Id);
        await grain.Register(new ProviderRegistration($"{Id} Ltd.", "JP", "retail", $"privacy@{Id}"));
        await grain.AddKey(Kid, _key.PublicKey.Export(KeyBlobFormat.RawPublicKey), now.AddMinutes(-5), null);

        var text = $"Model contract of {Id}: the recipient protects the data at level {Level} or better, passes it on only as the consent allows, and deletes it within 30 days of a request.";
        TermsSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var declarations = await grain.Submit(
        [
            Sign(new ProfileDeclared(NextId(), now, Id, Level, true, true, Level >= 3, true, [], ["JP"], 365, [])),
            Sign(new TermsDeclared(NextId(), now, Id, TermsSha256, "Model contract", text, new TermsSummary(true, 72, 30, "JP"))),
        ]);
        if (declarations.FirstOrDefault(o => o.Result != StatementResult.Recorded) is { } refused)
        {
            throw new InvalidOperationException($"{Id} could not declare its profile and terms: {refused.Field} {refused.Reason}");
        }
    }

    /// <summary>Signs the statement as the provider would and wraps it as the gateway hands it on after verifying it.</summary>
    public SubmittedStatement Sign(ProviderStatement statement)
    {
        var payload = StatementCodec.Serialize(statement);
        return new SubmittedStatement(Kid, CompactJws.Sign(_key, Kid, payload), statement, SHA256.HashData(payload));
    }

    /// <summary>A statement id of its own; safe to call from several threads.</summary>
    public string NextId() => $"{Id}-{Interlocked.Increment(ref _statements)}";

    public void Dispose() => _key.Dispose();
}
