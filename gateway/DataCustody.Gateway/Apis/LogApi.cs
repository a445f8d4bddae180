using System.Globalization;
using System.Text;
using DataCustody.Grains.Ledger;
using DataCustody.Identity;
using DataCustody.Transparency.Tiles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DataCustody.Gateway.Apis;

/// <summary>
/// The public, sign-in free view of the log (C2SP tlog-tiles under <c>/log/v1</c>): checkpoint,
/// verifier key, hash tiles, and inclusion and consistency proofs. None of it reveals content.
/// </summary>
public static class LogApi
{
    /// <summary>Maps the log endpoints.</summary>
    public static IEndpointRouteBuilder MapLogApi(this IEndpointRouteBuilder app)
    {
        var log = app.MapGroup("/log/v1").WithTags("Log");
        // AllowAnonymous overrides any policy, so it goes on each public endpoint, not on the group.
        log.MapGet("/checkpoint", GetCheckpoint).WithName("GetCheckpoint").AllowAnonymous();
        log.MapGet("/key", GetVerifierKey).WithName("GetVerifierKey").AllowAnonymous();
        log.MapGet("/tile/entries/{**path}", GetEntryBundle).WithName("GetEntryBundle").RequireAuthorization(IdentityPolicies.RegulatorOrAuditor);
        log.MapGet("/tile/{**path}", GetTile).WithName("GetTile").AllowAnonymous();
        log.MapGet("/proof/inclusion", GetInclusionProof).WithName("GetInclusionProof").AllowAnonymous();
        log.MapGet("/proof/consistency", GetConsistencyProof).WithName("GetConsistencyProof").AllowAnonymous();
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetCheckpoint(IGrainFactory grains, HttpResponse response)
    {
        var checkpoint = await grains.GetGrain<ILedgerGrain>(LedgerKey.Id).GetLatestCheckpoint();
        if (checkpoint is null)
        {
            return TypedResults.Problem("The log has not signed its first checkpoint yet; retry in a second.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        // The checkpoint changes every few hundred milliseconds; caches may hold it only briefly.
        response.Headers.CacheControl = "public, max-age=2";
        return TypedResults.Text(checkpoint.Note, "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<ContentHttpResult> GetVerifierKey(IGrainFactory grains, HttpResponse response)
    {
        var key = await grains.GetGrain<ILedgerGrain>(LedgerKey.Id).GetVerifierKey();
        response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(key + "\n", "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTile(string path, IGrainFactory grains, HttpResponse response)
    {
        if (!TilePath.TryParse(path, out var tile, out var reason))
        {
            return Invalid("path", reason);
        }
        if (tile!.Level is null)
        {
            // Entry bundles have their own, authorized route; this guards against a routing change.
            return TypedResults.Problem("Entry bundles are served to the regulator and auditor roles only.", statusCode: StatusCodes.Status403Forbidden);
        }
        var hashes = await grains.GetGrain<ILogReaderGrain>(0).GetTile(tile.Level.Value, tile.Index, tile.Count);
        if (hashes is null)
        {
            return TypedResults.Problem($"Tile {tile} is not in the log yet.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        // Complete nodes never change, so a tile, once served, is immutable.
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.File(hashes, "application/octet-stream");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetEntryBundle(string? path, IGrainFactory grains, HttpResponse response)
    {
        if (!TilePath.TryParse("entries/" + path, out var tile, out var reason))
        {
            return Invalid("path", reason);
        }
        byte[]? bundle;
        try
        {
            bundle = await grains.GetGrain<ILogReaderGrain>(0).GetEntryBundle(tile!.Index, tile.Count);
        }
        catch (InvalidOperationException e)
        {
            // An entry too long for the bundle format's 16-bit length.
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }
        if (bundle is null)
        {
            return TypedResults.Problem($"Entry bundle {tile} is not in the log yet.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        // Entries never change, so a full bundle is immutable; it is content, so only private caches may keep it.
        response.Headers.CacheControl = tile.Width is null ? "private, max-age=31536000, immutable" : "private, no-cache";
        return TypedResults.File(bundle, "application/octet-stream");
    }

    private static async Task<Results<Ok<ProofResponse>, ProblemHttpResult>> GetInclusionProof(string? index, string? size, IGrainFactory grains)
    {
        if (!TryParseSize(index, out var i))
        {
            return Invalid("index", "index must be a non-negative decimal integer.");
        }
        if (!TryParseSize(size, out var s))
        {
            return Invalid("size", "size must be a non-negative decimal integer.");
        }
        var checkpointed = await CheckpointedSize(grains);
        if (s > checkpointed)
        {
            return Invalid("size", $"size must not exceed the latest checkpoint's size {checkpointed}.");
        }
        if (i >= s)
        {
            return Invalid("index", $"index must be below size {s}.");
        }
        var proof = await grains.GetGrain<ILogReaderGrain>(0).GetInclusionProof(i, s);
        return TypedResults.Ok(ProofResponse.From(proof));
    }

    private static async Task<Results<Ok<ProofResponse>, ProblemHttpResult>> GetConsistencyProof(string? from, string? to, IGrainFactory grains)
    {
        if (!TryParseSize(from, out var a))
        {
            return Invalid("from", "from must be a non-negative decimal integer.");
        }
        if (!TryParseSize(to, out var b))
        {
            return Invalid("to", "to must be a non-negative decimal integer.");
        }
        var checkpointed = await CheckpointedSize(grains);
        if (b > checkpointed)
        {
            return Invalid("to", $"to must not exceed the latest checkpoint's size {checkpointed}.");
        }
        if (a > b)
        {
            return Invalid("from", $"from must not exceed to ({b}).");
        }
        var proof = await grains.GetGrain<ILogReaderGrain>(0).GetConsistencyProof(a, b);
        return TypedResults.Ok(ProofResponse.From(proof));
    }

    private static async Task<long> CheckpointedSize(IGrainFactory grains) =>
        (await grains.GetGrain<ILedgerGrain>(LedgerKey.Id).GetLatestCheckpoint())?.Size ?? 0;

    private static bool TryParseSize(string? text, out long value)
    {
        value = 0;
        return !string.IsNullOrEmpty(text)
            && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static ProblemHttpResult Invalid(string field, string reason) =>
        TypedResults.Problem(
            title: "Invalid request",
            detail: reason,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } });
}
