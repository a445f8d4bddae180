using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataCustody.Cli.Tests;

/// <summary>
/// A log server on a loopback port that serves the gateway's checkpoint and consistency-proof
/// endpoints from whichever in-memory tree a test chooses: the honest log as it grows, a fork, a
/// shrunk log, a checkpoint signed by the wrong key, or an answer that is no note at all. It serves
/// the entry of statement <see cref="StatementId"/> (entry 3, a leaf of no statement) to the bearer of <see cref="ProviderToken"/>.
/// </summary>
internal sealed class FakeLog : IAsyncDisposable
{
    public const string Origin = "log.fake.example";

    /// <summary>The one statement whose entry the log serves.</summary>
    public const string StatementId = "st-1";

    /// <summary>The access token the log serves entries to.</summary>
    public const string ProviderToken = "provider-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();
    private volatile Served _served;
    private int _failuresLeft;
    private int _cutsLeft;
    private string _cutPath = "";

    private FakeLog(WebApplication app)
    {
        _app = app;
        _served = new Served(Tree("honest", 0), Key);
    }

    /// <summary>The log's key; <see cref="Key"/>.Verifier is what monitors pin.</summary>
    public NoteSignerKey Key { get; } = NoteSignerKey.Generate(Origin);

    /// <summary>The broker URL to give the monitor.</summary>
    public Uri Url => new(_app.Urls.Single());

    /// <summary>The paths and queries requested so far, in order.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    public static async Task<FakeLog> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Port 0: the system picks a free port, so parallel tests never collide.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var log = new FakeLog(app);
        app.Use(log.RecordAndMaybeFail);
        app.MapGet("/log/v1/checkpoint", log.Checkpoint);
        app.MapGet("/log/v1/proof/consistency", log.ConsistencyProofAsync);
        app.MapGet("/api/v1/statements/{id}/entry", Entry);
        await app.StartAsync();
        return log;
    }

    /// <summary>The honest tree of <paramref name="size"/> leaves: every honest tree is a prefix of every larger one.</summary>
    public static InMemoryNodeSource Honest(int size) => Tree("honest", size);

    /// <summary>A tree of <paramref name="size"/> leaves that shares no leaf with the honest one.</summary>
    public static InMemoryNodeSource Forked(int size) => Tree("forked", size);

    /// <summary>From now on serves <paramref name="tree"/>, its checkpoint signed by <paramref name="signer"/> (the log's key by default).</summary>
    public void Serve(InMemoryNodeSource tree, NoteSignerKey? signer = null) => _served = new Served(tree, signer ?? Key);

    /// <summary>From now on answers the checkpoint request with <paramref name="body"/> and status 200 instead of a signed note.</summary>
    public void ServeCheckpointBody(byte[] body) => _served = _served with { CheckpointBody = body };

    /// <summary>Answers the next <paramref name="count"/> requests with 503, as an overloaded gateway would.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    /// <summary>
    /// Breaks off the next <paramref name="count"/> answers to requests for <paramref name="path"/> after their first
    /// byte, as a dropped connection would.
    /// </summary>
    public void CutNext(int count, string path)
    {
        _cutPath = path;
        Interlocked.Exchange(ref _cutsLeft, count);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Dispose();
    }

    private static InMemoryNodeSource Tree(string name, int size)
    {
        var tree = new InMemoryNodeSource();
        for (var i = 0; i < size; i++)
        {
            tree.Append(MerkleHash.Leaf(Encoding.UTF8.GetBytes($"{name} entry {i}")));
        }
        return tree;
    }

    private async Task RecordAndMaybeFail(HttpContext context, RequestDelegate next)
    {
        _requests.Enqueue(context.Request.Path + context.Request.QueryString);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (context.Request.Path == _cutPath && Interlocked.Decrement(ref _cutsLeft) >= 0)
        {
            context.Response.ContentLength = 100;
            await context.Response.Body.WriteAsync("c"u8.ToArray());
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }
        await next(context);
    }

    private IResult Checkpoint()
    {
        var served = _served;
        if (served.CheckpointBody is { } body)
        {
            return Results.Bytes(body, "text/plain");
        }
        var checkpoint = new Checkpoint(Origin, served.Tree.Size, served.Tree.Root());
        return Results.Text(checkpoint.Sign(served.Signer), "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private static IResult Entry(string id, HttpRequest request) =>
        request.Headers.Authorization != $"Bearer {ProviderToken}"
            ? Results.Problem("The access token is not valid.", statusCode: StatusCodes.Status401Unauthorized)
            : id != StatementId
                ? Results.Problem($"Provider shop has no statement {id} in the log.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
                : Results.Json(new { statementId = id, entryIndex = 3, leaf = StrictBase64.EncodeUrl(Encoding.UTF8.GetBytes("honest entry 3")) });

    private async Task<IResult> ConsistencyProofAsync(string from, string to)
    {
        var tree = _served.Tree;
        var size1 = ulong.Parse(from, CultureInfo.InvariantCulture);
        var size2 = ulong.Parse(to, CultureInfo.InvariantCulture);
        if (size1 > size2 || size2 > tree.Size)
        {
            return Results.BadRequest();
        }
        var proof = await ProofPlan.Consistency(size1, size2).ReadAsync(tree);
        return Results.Json(new { proof = proof.Select(Convert.ToBase64String).ToArray() });
    }

    private sealed record Served(InMemoryNodeSource Tree, NoteSignerKey Signer, byte[]? CheckpointBody = null);
}
