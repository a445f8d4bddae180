using System.Security.Claims;
using System.Text.RegularExpressions;
using DataCustody.Gateway.Apis.Contracts;
using DataCustody.Grains.Taxonomy;
using DataCustody.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>Transfer checks, <c>POST /api/v1/transfers/check</c>: may the token's provider make this share?</summary>
public static partial class TransfersApi
{
    /// <summary>Maps the transfer endpoints.</summary>
    public static IEndpointRouteBuilder MapTransfersApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/transfers").WithTags("Transfers")
            .MapPost("/check", Check).WithName("CheckTransfer")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Whether the token's provider may pass these categories of a person to a recipient for these purposes.")
            .RequireAuthorization(IdentityPolicies.Provider);
        return app;
    }

    private static async Task<Results<Ok<TransferDecisionResponse>, ProblemHttpResult>> Check(
        CheckTransferRequest request, ClaimsPrincipal user, TransferChecks checks)
    {
        if (!CallerProvider.TryGet(user, out var providerId, out var forbidden))
        {
            return forbidden!;
        }
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }
        var question = new TransferQuestion(providerId, request.Handle!, request.Recipient!, [.. request.Categories!.Select(c => c!)],
            [.. request.Purposes!.Select(p => p!)], request.TermsSha256);
        return await GrainErrors.RunAsync(async () =>
        {
            var decision = await checks.CheckAsync(question);
            return TypedResults.Ok(new TransferDecisionResponse(decision.Allowed, decision.ConsentId, decision.Reasons));
        }, new Dictionary<string, string> { ["question"] = "handle" });
    }

    private static ProblemHttpResult? Validate(CheckTransferRequest request)
    {
        if (request.Handle is null || !HandlePattern().IsMatch(request.Handle))
        {
            return ApiProblems.Invalid("handle", "handle must be a handle the broker issued (h_ and 26 base32 characters).");
        }
        if (request.Recipient is null || !ProviderIdPattern().IsMatch(request.Recipient))
        {
            return ApiProblems.Invalid("recipient", "recipient must be a provider id (2-63 lower-case letters, digits, dots and hyphens).");
        }
        return Keys("categories", request.Categories, 64, (string key, out string? error) => FideslangTaxonomy.Default.TryResolveCategory(key, out _, out error))
            ?? Keys("purposes", request.Purposes, 32, (string key, out string? error) => FideslangTaxonomy.Default.TryResolveUse(key, out _, out error))
            ?? (request.TermsSha256 is not null && !Sha256Pattern().IsMatch(request.TermsSha256)
                ? ApiProblems.Invalid("termsSha256", "termsSha256 must be 64 lower-case hex digits.")
                : null);
    }

    private delegate bool Resolver(string key, out string? error);

    private static ProblemHttpResult? Keys(string field, IReadOnlyList<string?>? keys, int max, Resolver resolve)
    {
        if (keys is null || keys.Count == 0 || keys.Count > max)
        {
            return ApiProblems.Invalid(field, $"{field} must hold 1-{max} fideslang keys.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is not { } key || !resolve(key, out var error))
            {
                return ApiProblems.Invalid($"{field}[{i}]", $"{field}[{i}] is not a fideslang key.");
            }
            if (!seen.Add(key))
            {
                return ApiProblems.Invalid($"{field}[{i}]", $"{field}[{i}] repeats {key}.");
            }
        }
        return null;
    }

    [GeneratedRegex("^h_[a-z2-7]{26}\\z")]
    private static partial Regex HandlePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,62}\\z")]
    private static partial Regex ProviderIdPattern();

    [GeneratedRegex("^[0-9a-f]{64}\\z")]
    private static partial Regex Sha256Pattern();
}
