using System.Globalization;
using System.Security.Claims;
using DataCustody.Gateway.Apis.Contracts;
using DataCustody.Identity;
using DataCustody.Transparency.Codecs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>
/// Statement ingestion, <c>POST /api/v1/statements</c>: a batch of signed statements of the
/// token's provider, one result per item in order. The gateway verifies (in parallel); the
/// provider's grain records all valid items in one call. <c>GET /api/v1/statements/{id}/entry</c>
/// serves the provider the log entry of one of its statements, for its receipt.
/// </summary>
public static class StatementsApi
{
    /// <summary>Maps the statement endpoints.</summary>
    public static IEndpointRouteBuilder MapStatementsApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<ApiLimits>();
        var statements = app.MapGroup("/api/v1/statements").WithTags("Statements");
        statements.MapPost("/", Submit).WithName("SubmitStatements")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status429TooManyRequests)
            .WithSummary("Submits 1-1000 signed statements (compact JWS, EdDSA) of the token's provider.")
            .WithDescription("Each item is recorded, a duplicate (same id and content as before: the original result) or rejected "
                + "with a problem naming the field. A statement may have at most " + SubmittedStatement.MaxJwsLength.ToString(CultureInfo.InvariantCulture)
                + " characters, so that its log entry fits an entry bundle. A malformed body is a 400 problem and nothing is submitted.")
            .RequireAuthorization(IdentityPolicies.Provider)
            .RequireRateLimiting(StatementRateLimit.Policy)
            .WithMetadata(new RequestBodyLimit(limits.MaxStatementBatchBytes));
        statements.MapGet("/{id}/entry", GetEntry).WithName("GetStatementEntry")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("The log entry that holds one of the token's provider's statements, and its index.")
            .WithDescription("The leaf bytes the log hashed, so that a receipt carries the statement it proves. Entries of other "
                + "providers name their handles, so a statement id the caller's provider did not record is a 404, whoever recorded it.")
            .RequireAuthorization(IdentityPolicies.Provider);
        return app;
    }

    private static async Task<Results<Ok<StatementBatchResponse>, ProblemHttpResult>> Submit(
        SubmitStatementsRequest request, ClaimsPrincipal user, GrainReferences grains)
    {
        if (!CallerProvider.TryGet(user, out var providerId, out var forbidden))
        {
            return forbidden!;
        }
        if (request.Statements is not { } statements)
        {
            return ApiProblems.Invalid("statements", "statements is required: a list of 1-1000 compact JWS strings.");
        }
        if (statements.Count is 0 or > StatementVerifier.MaxBatch)
        {
            return ApiProblems.Invalid("statements", $"statements must hold 1-{StatementVerifier.MaxBatch} items, not {statements.Count}.");
        }

        var provider = grains.Provider(providerId);
        var items = await StatementVerifier.CheckAsync(statements, providerId, provider);
        var valid = items.Where(i => i.Submitted is not null).ToList();
        var outcomes = valid.Count == 0 ? [] : await provider.Submit([.. valid.Select(i => i.Submitted!)]);

        var results = new StatementResultResponse[items.Length];
        for (var v = 0; v < valid.Count; v++)
        {
            results[valid[v].Index] = Result(valid[v].Index, outcomes[v]);
        }
        foreach (var item in items.Where(i => i.Submitted is null))
        {
            results[item.Index] = new StatementResultResponse(
                item.Index, item.Statement?.Id, StatementResultResponse.Rejected, null, null, [], null, item.Problem);
        }
        return TypedResults.Ok(new StatementBatchResponse(results));
    }

    private static async Task<Results<Ok<StatementEntryResponse>, ProblemHttpResult>> GetEntry(string id, ClaimsPrincipal user, GrainReferences grains)
    {
        if (!CallerProvider.TryGet(user, out var providerId, out var forbidden))
        {
            return forbidden!;
        }
        // Only the caller's own records are searched: another provider's statement of this id answers exactly as none.
        var entry = await grains.Provider(providerId).GetStatementEntry(id);
        return entry is null
            ? ApiProblems.NotFound("id", $"Provider {providerId} has no statement {id} in the log.")
            : TypedResults.Ok(new StatementEntryResponse(id, entry.Index, StrictBase64.EncodeUrl(entry.Leaf)));
    }

    private static StatementResultResponse Result(int index, StatementOutcome outcome) => new(
        index,
        outcome.StatementId,
        outcome.Result switch
        {
            StatementResult.Recorded => StatementResultResponse.Recorded,
            StatementResult.Duplicate => StatementResultResponse.Duplicate,
            _ => StatementResultResponse.Rejected,
        },
        outcome.Index,
        outcome.LeafHash is null ? null : StrictBase64.EncodeUrl(outcome.LeafHash),
        [.. outcome.Violations.Select(v => new ViolationResponse(v.Code, v.Detail))],
        outcome.RecipientHandle,
        outcome.Result == StatementResult.Rejected
            ? StatementProblem.Of(FieldOf(index, outcome.Field), outcome.Reason ?? "The statement was refused.")
            : null);

    // The grain names payload members, and "kid" for the key the header names.
    private static string FieldOf(int index, string? field) => field switch
    {
        null or "" => $"statements[{index}]",
        "kid" => $"statements[{index}].header.kid",
        _ => $"statements[{index}].payload.{field}",
    };
}
