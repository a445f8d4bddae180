using System.Security.Cryptography;
using System.Text;
using DataCustody.Benchmarks.Custody;
using DataCustody.Benchmarks.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Sdk;
using DataCustody.Sdk.Keys;
using DataCustody.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// One demo provider client (shop, delivery, cloud, backup) as a provider's own system runs it:
/// its own service container with <c>AddDataCustody</c> (client-credential token, statement key,
/// default batching and retries), so the four providers share nothing but the gateway.
/// </summary>
internal sealed class ProviderSystem : IStatementAuthor, IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ProviderKey _key;
    private long _statements;

    private ProviderSystem(string id, ProviderKey key, ServiceProvider services)
    {
        Id = id;
        _key = key;
        _services = services;
        Client = services.GetRequiredService<DataCustodyProviderClient>();
        People = services.GetRequiredService<DataCustodyClientFactory>();
    }

    /// <summary>The provider id, which is also its client id.</summary>
    public string Id { get; }

    public DataCustodyProviderClient Client { get; }

    /// <summary>Person clients share the container's HTTP setup.</summary>
    public DataCustodyClientFactory People { get; }

    /// <summary>The SHA-256 of the model-contract terms it declared, once joined.</summary>
    public string TermsSha256 { get; private set; } = "";

    /// <summary>The raw public key, for the verification baseline.</summary>
    public byte[] PublicKey => _key.Key.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey);

    public static ProviderSystem Create(Uri gateway, string clientId, string secret, LatencyHistogram batchLatency, StatementRequestTiming.Counter requests)
    {
        var key = ProviderKey.Generate(clientId + "-ingest-1");
        var services = new ServiceCollection();
        services.AddDataCustody(o =>
        {
            o.BaseAddress = gateway;
            o.ClientId = clientId;
            o.ClientSecret = secret;
            o.ProviderId = clientId;
            o.SigningKey = key;
        }).AddHttpMessageHandler(() => new StatementRequestTiming(batchLatency, requests));
        return new ProviderSystem(clientId, key, services.BuildServiceProvider());
    }

    /// <summary>Registers, adds its statement key and declares a protection profile and terms, each through the API.</summary>
    public async Task JoinAsync(int level, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Client.RegisterAsync(new ProviderRegistration($"{Id} Ltd.", "JP", "retail", $"privacy@{Id}.example"), cancellationToken);
        await Client.AddKeyAsync(ProviderKeyRegistration.For(_key, now.AddMinutes(-5)), cancellationToken);
        var text = $"Model contract of {Id}: the recipient protects the data at level {level} or better, passes it on only as the consent allows, and deletes it within 30 days of a request.";
        TermsSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var results = await Client.SubmitBatchAsync(
        [
            new ProfileDeclared(NextId(), now, Id, level, true, true, level >= 3, true, [], ["JP"], 365, []),
            new TermsDeclared(NextId(), now, Id, TermsSha256, "Model contract", text, new TermsSummary(true, 72, 30, "JP")),
        ], cancellationToken);
        if (results.FirstOrDefault(r => r.Status != StatementStatus.Recorded) is { } refused)
        {
            throw new InvalidOperationException($"{Id} could not declare its profile and terms: {refused.Problem?.Field} {refused.Problem?.Detail}");
        }
    }

    /// <summary>Signs a statement as the SDK does (canonical form, compact JWS with the kid).</summary>
    public SignedStatement Sign(ProviderStatement statement) => SignedStatement.Sign(statement, _key);

    /// <summary>A statement id of its own; safe to call from several threads.</summary>
    public string NextId() => $"{Id}-{Interlocked.Increment(ref _statements)}";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _key.Dispose();
    }
}
