using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DataCustody.Grains.Ledger;
using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Jws;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataCustody.Sdk.Tests;

/// <summary>
/// A gateway on a loopback port with just enough of the real one for the SDK: discovery and a
/// client-credentials token endpoint, the statements endpoint (idempotent by statement id, logging each
/// JWS in a log entry of an in-memory Merkle tree) and its entry read, a few provider reads, and the
/// public log endpoints. Tests script failures (503 before or after logging, 429 with Retry-After, no answer at all), the
/// checkpoint's lag and a log that lies about an entry.
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    public const string Origin = "gateway.fake.example";

    private readonly WebApplication _app;
    private readonly object _logLock = new();
    private readonly InMemoryNodeSource _tree = new();
    private readonly Dictionary<string, (long Index, byte[] LeafHash, byte[] Leaf)> _logged = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<Failure> _failures = new();
    private readonly ConcurrentDictionary<string, bool> _revokedTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _holds = new(StringComparer.Ordinal);
    private int _tokens;
    private ulong _published;

    private FakeGateway(WebApplication app) => _app = app;

    /// <summary>The log's key; its Verifier is what clients pin.</summary>
    public NoteSignerKey LogKey { get; } = NoteSignerKey.Generate(Origin);

    public Uri Url => new(_app.Urls.Single() + "/");

    /// <summary>Every API request after authentication (tokens and discovery excluded), in arrival order.</summary>
    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    /// <summary>How many tokens the token endpoint issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokens);

    /// <summary>The lifetime of the tokens issued, in seconds.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>When set, the token endpoint answers 503, as an identity provider that is down.</summary>
    public bool TokenEndpointDown { get; set; }

    /// <summary>How long the token endpoint takes to answer: wide enough for concurrent callers to overlap.</summary>
    public TimeSpan TokenLatency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>When set, the checkpoint endpoint publishes the whole tree only from the given poll on (1-based); before it, the last published size.</summary>
    public int PublishOnPoll { get; set; } = 1;

    /// <summary>When set, inclusion proofs are computed for this leaf hash instead: a log that lies about an entry.</summary>
    public bool CorruptProofs { get; set; }

    /// <summary>When set, the entry of every statement is answered with the entry of this statement instead: a broker that lies about an entry.</summary>
    public string? ServeEntryOf { get; set; }

    private int _checkpointPolls;

    public int CheckpointPolls => Volatile.Read(ref _checkpointPolls);

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var gateway = new FakeGateway(app);
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) =>
            Results.Json(new { issuer = gateway.Url.ToString(), token_endpoint = new Uri(gateway.Url, "connect/token").ToString() }));
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)gateway.TokenAsync);
        app.Use(gateway.AuthenticateAndMaybeFailAsync);
        app.MapPost("/api/v1/statements", (Func<HttpContext, Task<IResult>>)gateway.StatementsAsync);
        app.MapGet("/api/v1/statements/{id}/entry", gateway.Entry);
        app.MapPost("/api/v1/providers", (HttpContext http) => Results.Json(
            new { providerId = "shop", name = "Shop", jurisdiction = "JP", sector = "Retail", contact = "privacy@shop.example", registeredIndex = 3 },
            statusCode: StatusCodes.Status201Created));
        app.MapGet("/api/v1/providers/{id}/obligations", (string id) => Results.Json(new { obligations = Array.Empty<object>() }));
        app.MapPost("/api/v1/transfers/check", () => Results.Problem(
            title: "Invalid request", detail: "categories[0] must be a fideslang data category key", statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["field"] = "categories[0]" }));
        app.MapGet("/log/v1/checkpoint", gateway.Checkpoint);
        app.MapGet("/log/v1/key", () => Results.Text(gateway.LogKey.Verifier + "\n"));
        app.MapGet("/log/v1/proof/inclusion", gateway.InclusionProof);
        await app.StartAsync();
        return gateway;
    }

    /// <summary>Answers the next API request with <paramref name="status"/>, after logging its statements if <paramref name="afterLogging"/>.</summary>
    public void FailNext(int status, bool afterLogging = false, string? retryAfter = null) => _failures.Enqueue(new Failure(status, afterLogging, retryAfter));

    /// <summary>The next request to <paramref name="path"/> gets no answer until <paramref name="release"/> completes: a log slower than the client's timeout.</summary>
    public void HoldNext(string path, Task release) => _holds[path] = release;

    /// <summary>From now on the API refuses <paramref name="token"/> with 401, as it would a revoked token.</summary>
    public void Revoke(string token) => _revokedTokens[token] = true;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        LogKey.Dispose();
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        if (TokenEndpointDown)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        var form = await http.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != "shop" || form["client_secret"] != "shop-demo-secret")
        {
            return Results.Json(new { error = "invalid_client", error_description = "The client is not known." }, statusCode: 400);
        }
        await Task.Delay(TokenLatency);
        var number = Interlocked.Increment(ref _tokens);
        return Results.Json(new { access_token = $"token-{number}", token_type = "Bearer", expires_in = TokenLifetimeSeconds });
    }

    private async Task AuthenticateAndMaybeFailAsync(HttpContext http, RequestDelegate next)
    {
        // Middleware runs before every endpoint, whatever the order of mapping: the identity endpoints pass through.
        if (http.Request.Path.StartsWithSegments("/connect") || http.Request.Path.StartsWithSegments("/.well-known"))
        {
            await next(http);
            return;
        }
        http.Request.EnableBuffering();
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        http.Request.Body.Position = 0;
        var authorization = http.Request.Headers.Authorization.ToString();
        _requests.Enqueue(new RecordedRequest(http.Request.Method, http.Request.Path + http.Request.QueryString, authorization, body));
        if (_holds.TryRemove(http.Request.Path, out var hold))
        {
            await hold;
        }
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
            if (token is null || !token.StartsWith("token-", StringComparison.Ordinal) || _revokedTokens.ContainsKey(token))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }
        if (_failures.TryDequeue(out var failure))
        {
            if (failure.AfterLogging)
            {
                // The answer is lost on the way back: the client sees only the failure.
                var original = http.Response.Body;
                http.Response.Body = new MemoryStream();
                await next(http);
                http.Response.Body = original;
                http.Response.Headers.Clear();
                http.Response.ContentLength = null;
            }
            http.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = failure.RetryAfter;
            }
            return;
        }
        await next(http);
    }

    private async Task<IResult> StatementsAsync(HttpContext http)
    {
        using var document = await JsonDocument.ParseAsync(http.Request.Body);
        var statements = document.RootElement.GetProperty("statements").EnumerateArray().Select(e => e.GetString()!).ToList();
        var results = new List<object>();
        lock (_logLock)
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var jws = CompactJws.Parse(statements[i]);
                using var payload = JsonDocument.Parse(jws.Payload);
                var id = payload.RootElement.GetProperty("id").GetString()!;
                if (_logged.TryGetValue(id, out var entry))
                {
                    results.Add(new { index = i, statementId = id, status = "duplicate", entryIndex = entry.Index, leafHash = StrictBase64.EncodeUrl(entry.LeafHash), violations = Array.Empty<object>() });
                    continue;
                }
                var leaf = new LogEntry(
                    payload.RootElement.GetProperty("type").GetString()!, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                    payload.RootElement.GetProperty("provider").GetString()!, statements[i], null).ToLeaf();
                var leafHash = MerkleHash.Leaf(leaf);
                var index = (long)_tree.Size;
                _tree.Append(leafHash);
                _logged[id] = (index, leafHash, leaf);
                results.Add(new { index = i, statementId = id, status = "recorded", entryIndex = index, leafHash = StrictBase64.EncodeUrl(leafHash), violations = Array.Empty<object>() });
            }
        }
        return Results.Json(new { results });
    }

    private IResult Entry(string id)
    {
        lock (_logLock)
        {
            if (!_logged.TryGetValue(ServeEntryOf ?? id, out var entry))
            {
                return Results.Problem($"Provider shop has no statement {id} in the log.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
            }
            return Results.Json(new { statementId = id, entryIndex = entry.Index, leaf = StrictBase64.EncodeUrl(entry.Leaf) });
        }
    }

    private IResult Checkpoint()
    {
        var poll = Interlocked.Increment(ref _checkpointPolls);
        lock (_logLock)
        {
            if (poll >= PublishOnPoll)
            {
                _published = _tree.Size;
            }
            if (_published == 0)
            {
                return Results.Problem("The log has not signed its first checkpoint yet.", statusCode: 503);
            }
            var root = _published == _tree.Size ? _tree.Root() : RootAt(_published);
            return Results.Text(new Checkpoint(Origin, _published, root).Sign(LogKey), "text/plain; charset=utf-8", Encoding.UTF8);
        }
    }

    private byte[] RootAt(ulong size)
    {
        var leaves = new List<byte[]>();
        for (ulong i = 0; i < size; i++)
        {
            leaves.Add(_tree.Get(new NodeId(0, i)));
        }
        return MerkleHash.Root(leaves);
    }

    private IResult InclusionProof(string index, string size)
    {
        var i = ulong.Parse(index, CultureInfo.InvariantCulture);
        var s = ulong.Parse(size, CultureInfo.InvariantCulture);
        byte[][] proof;
        lock (_logLock)
        {
            if (i >= s || s > _published)
            {
                return Results.BadRequest();
            }
            // The in-memory tree answers synchronously; reading under the lock keeps appends out.
            proof = ProofPlan.Inclusion(i, s).ReadAsync(_tree).AsTask().GetAwaiter().GetResult();
        }
        if (CorruptProofs && proof.Length > 0)
        {
            proof[0][0] ^= 1;
        }
        return Results.Json(new { proof = proof.Select(Convert.ToBase64String).ToArray() });
    }

    public sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string Body);

    private sealed record Failure(int Status, bool AfterLogging, string? RetryAfter);
}
