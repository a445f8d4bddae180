using System.Security.Cryptography;
using System.Text;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Transparency.Jws;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace DataCustody.Grains.Tests.Custody;

/// <summary>A provider as a test plays it: its key, and signed statements submitted through its grain.</summary>
public sealed class ProviderActor(CustodyCluster cluster, string providerId) : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private int _statements;

    public string Id { get; } = providerId;

    public string Kid { get; } = providerId + "-key-1";

    public IProviderGrain Grain => cluster.Grains.GetGrain<IProviderGrain>(Id);

    public void Dispose() => _key.Dispose();

    /// <summary>Asks "may I make this transfer" as the gateway does.</summary>
    public Task<TransferDecision> CheckTransferAsync(TransferQuestion question) =>
        cluster.Services.GetRequiredService<TransferChecks>().CheckAsync(question);

    /// <summary>Registers the provider, adds its key and declares a profile of <paramref name="level"/>.</summary>
    public async Task<ProviderActor> JoinAsync(string jurisdiction, int level)
    {
        await Grain.Register(new ProviderRegistration($"{Id} Ltd.", jurisdiction, "retail", $"privacy@{Id}"));
        await Grain.AddKey(Kid, _key.PublicKey.Export(KeyBlobFormat.RawPublicKey), Now.AddMinutes(-5), null);
        await DeclareProfileAsync(level, [jurisdiction]);
        return this;
    }

    public DateTimeOffset Now => cluster.Clock.GetUtcNow();

    public Task<StatementOutcome> DeclareProfileAsync(int level, string[] jurisdictions) =>
        SubmitAsync(new ProfileDeclared(NextId(), Now, Id, level, true, true, level >= 3, true, [], [.. jurisdictions], 365, []));

    /// <summary>Declares model-contract terms and returns their SHA-256.</summary>
    public async Task<string> DeclareTermsAsync(string title, int deletionDays)
    {
        var text = TermsText(title, deletionDays);
        var sha = TermsSha256(title, deletionDays);
        var outcome = await SubmitAsync(new TermsDeclared(NextId(), Now, Id, sha, title, text, new TermsSummary(true, 72, deletionDays, "JP")));
        Assert.Equal(StatementResult.Recorded, outcome.Result);
        return sha;
    }

    /// <summary>The SHA-256 of the terms <see cref="DeclareTermsAsync"/> declares, before they are declared.</summary>
    public static string TermsSha256(string title, int deletionDays) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TermsText(title, deletionDays))));

    private static string TermsText(string title, int deletionDays) =>
        $"{title}: the recipient protects the data, passes it on only as the consent allows, and deletes it within {deletionDays} days of a request.";

    public Task<StatementOutcome> CollectAsync(string handle, string[] categories, string[] purposes, LegalBasis basis = LegalBasis.Consent, string? consentId = null) =>
        SubmitAsync(new DataCollected(NextId(), Now, Id, handle, [.. categories], [.. purposes], basis, consentId));

    public Task<StatementOutcome> TransferAsync(string handle, string recipient, string[] categories, string[] purposes, string termsSha256, LegalBasis basis = LegalBasis.Consent, string? consentId = null, string? id = null) =>
        SubmitAsync(new DataTransferred(id ?? NextId(), Now, Id, handle, recipient, [.. categories], [.. purposes], basis, consentId, termsSha256));

    public Task<StatementOutcome> ReceiveAsync(string handle, string sender, string transferId, string[] categories) =>
        SubmitAsync(new DataReceived(NextId(), Now, Id, handle, sender, transferId, [.. categories], $"from {sender}, which collected it from the person with consent"));

    public Task<StatementOutcome> DeleteAsync(string handle, string[] categories, string? obligationId = null) =>
        SubmitAsync(new DataDeleted(NextId(), Now, Id, handle, [.. categories], obligationId));

    /// <summary>Answers the review of <paramref name="breachId"/> that <paramref name="obligationId"/> asked for.</summary>
    public Task<StatementOutcome> ReviewBreachAsync(string breachId, string obligationId) =>
        SubmitAsync(new BreachReviewed(NextId(), Now, Id, breachId, obligationId,
            "We had passed customer names to the breached holder under our hosting contract.", "We stopped passing data to the holder and told our customers."));

    /// <summary>Signs the statement as this provider would and submits it alone.</summary>
    public async Task<StatementOutcome> SubmitAsync(ProviderStatement statement, string? kid = null) =>
        (await Grain.Submit([Sign(statement, kid)]))[0];

    public SubmittedStatement Sign(ProviderStatement statement, string? kid = null)
    {
        var payload = StatementCodec.Serialize(statement);
        var jws = CompactJws.Sign(_key, kid ?? Kid, payload);
        return SubmittedStatement.Verified(kid ?? Kid, jws, statement, payload);
    }

    public string NextId() => $"{Id}-{++_statements}";
}
