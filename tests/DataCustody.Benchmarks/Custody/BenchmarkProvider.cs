using System.Security.Cryptography;
using System.Text;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Transparency.Jws;
using NSec.Cryptography;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// A provider as the load tools play it: its id, statement key, declared protection level and
/// terms, and statements signed the way its SDK signs them. Signing is the provider's work, so
/// the tools do it before they measure the broker.
/// </summary>
/// <param name="id">The provider id.</param>
/// <param name="level">The protection level it declares on joining.</param>
/// <param name="jurisdiction">Where it is registered.</param>
/// <param name="sector">What it does.</param>
/// <param name="key">Its statement key; a new random one when null. The provider disposes it.</param>
internal sealed class BenchmarkProvider(string id, int level, string jurisdiction = "JP", string sector = "retail", Key? key = null) : IStatementAuthor, IDisposable
{
    private readonly Key _key = key ?? Key.Create(SignatureAlgorithm.Ed25519);
    private long _statements;

    public string Id { get; } = id;

    public string Kid { get; } = id + "-key-1";

    public string Jurisdiction { get; } = jurisdiction;

    public string Sector { get; } = sector;

    /// <summary>The protection level of its latest profile.</summary>
    public int Level { get; private set; } = level;

    /// <summary>The SHA-256 of the model-contract terms it declared last, once joined.</summary>
    public string TermsSha256 { get; private set; } = "";

    /// <summary>Registers, adds the statement key and declares a protection profile and terms, each checked.</summary>
    public async Task JoinAsync(IGrainFactory grains, DateTimeOffset now)
    {
        await RegisterAsync(grains, now);
        var text = $"Model contract of {Id}: the recipient protects the data at level {Level} or better, passes it on only as the consent allows, and deletes it within 30 days of a request.";
        await DeclareAsync(grains,
        [
            new ProfileDeclared(NextId(), now, Id, Level, true, true, Level >= 3, true, [], [Jurisdiction], 365, []),
            Terms(now, "Model contract", text, new TermsSummary(true, 72, 30, Jurisdiction)),
        ]);
    }

    /// <summary>Registers and adds the statement key, valid from a few minutes before <paramref name="now"/>.</summary>
    public async Task RegisterAsync(IGrainFactory grains, DateTimeOffset now)
    {
        var grain = grains.GetGrain<IProviderGrain>(Id);
        await grain.Register(new ProviderRegistration($"{Id} Ltd.", Jurisdiction, Sector, $"privacy@{Id}"));
        await grain.AddKey(Kid, _key.PublicKey.Export(KeyBlobFormat.RawPublicKey), now.AddMinutes(-5), null);
    }

    /// <summary>Model-contract terms of this provider, identified by the SHA-256 of <paramref name="text"/>.</summary>
    public TermsDeclared Terms(DateTimeOffset now, string title, string text, TermsSummary summary) =>
        new(NextId(), now, Id, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), title, text, summary);

    /// <summary>
    /// Submits profile and terms declarations, each checked to be recorded; later transfers name
    /// the terms declared last, and <see cref="Level"/> follows the profile declared last.
    /// </summary>
    public async Task DeclareAsync(IGrainFactory grains, IReadOnlyList<ProviderStatement> declarations)
    {
        var outcomes = await grains.GetGrain<IProviderGrain>(Id).Submit([.. declarations.Select(Sign)]);
        if (outcomes.FirstOrDefault(o => o.Result != StatementResult.Recorded) is { } refused)
        {
            throw new InvalidOperationException($"{Id} could not declare its profile or terms: {refused.Field} {refused.Reason}");
        }
        foreach (var declaration in declarations)
        {
            switch (declaration)
            {
                case ProfileDeclared profile:
                    Level = profile.Level;
                    break;
                case TermsDeclared terms:
                    TermsSha256 = terms.Sha256;
                    break;
            }
        }
    }

    /// <summary>Signs the statement as the provider would and wraps it as the gateway hands it on after verifying it.</summary>
    public SubmittedStatement Sign(ProviderStatement statement)
    {
        var payload = StatementCodec.Serialize(statement);
        return SubmittedStatement.Verified(Kid, CompactJws.Sign(_key, Kid, payload), statement, payload);
    }

    /// <summary>A statement id of its own; safe to call from several threads.</summary>
    public string NextId() => $"{Id}-{Interlocked.Increment(ref _statements)}";

    public void Dispose() => _key.Dispose();
}
