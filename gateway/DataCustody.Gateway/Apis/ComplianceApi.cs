using DataCustody.Gateway.Apis.Compliance;
using DataCustody.Gateway.Apis.Contracts;
using DataCustody.Grains.Compliance;
using DataCustody.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>
/// The regulator's compliance views under <c>/api/v1/compliance</c>: unconsented transfers,
/// unconfirmed hops, overdue deletions and expired certifications, each a paged list
/// (<c>limit</c>, <c>after</c>).
/// </summary>
public static class ComplianceApi
{
    /// <summary>Maps the compliance views.</summary>
    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var compliance = app.MapGroup("/api/v1/compliance").WithTags("Compliance").RequireAuthorization(IdentityPolicies.Regulator);
        compliance.MapGet("/unconsented-transfers", GetUnconsentedTransfers).WithName("GetUnconsentedTransfers")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .WithSummary("Transfers based on consent that no consent of the person allowed, in log order.");
        compliance.MapGet("/unconfirmed-hops", GetUnconfirmedHops).WithName("GetUnconfirmedHops")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .WithSummary("Hops only the sender or only the recipient reported, oldest first, with their age.");
        compliance.MapGet("/overdue-deletions", GetOverdueDeletions).WithName("GetOverdueDeletions")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .WithSummary("Deletion obligations whose deadline passed without a deletion, by deadline.");
        compliance.MapGet("/expired-certifications", GetExpiredCertifications).WithName("GetExpiredCertifications")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .WithSummary("Holders whose current protection profile claims a certification that expired before today (UTC).");
        return app;
    }

    private static Task<Results<Ok<PageResponse<UnconsentedTransferResponse>>, ProblemHttpResult>> GetUnconsentedTransfers(
        string? limit, string? after, HttpContext http, IGrainFactory grains) =>
        ListAsync(limit, after, http, page => Views(grains).GetUnconsentedTransfers(page.After, page.Limit), UnconsentedTransferResponse.From);

    private static Task<Results<Ok<PageResponse<UnconfirmedHopResponse>>, ProblemHttpResult>> GetUnconfirmedHops(
        string? limit, string? after, HttpContext http, IGrainFactory grains) =>
        ListAsync(limit, after, http, page => Views(grains).GetUnconfirmedHops(page.After, page.Limit), UnconfirmedHopResponse.From);

    private static Task<Results<Ok<PageResponse<ObligationResponse>>, ProblemHttpResult>> GetOverdueDeletions(
        string? limit, string? after, HttpContext http, IGrainFactory grains) =>
        ListAsync(limit, after, http, page => Views(grains).GetOverdueDeletions(page.After, page.Limit), ObligationResponse.From);

    private static Task<Results<Ok<PageResponse<ExpiredCertificationsResponse>>, ProblemHttpResult>> GetExpiredCertifications(
        string? limit, string? after, HttpContext http, IGrainFactory grains) =>
        ListAsync(limit, after, http, page => Views(grains).GetExpiredCertifications(page.After, page.Limit), ExpiredCertificationsResponse.From);

    private static IComplianceGrain Views(IGrainFactory grains) => grains.GetGrain<IComplianceGrain>(0);

    private static async Task<Results<Ok<PageResponse<TResponse>>, ProblemHttpResult>> ListAsync<TView, TResponse>(
        string? limit, string? after, HttpContext http, Func<PageQuery, Task<CompliancePage<TView>>> read, Func<TView, TResponse> response)
    {
        if (!PageQuery.TryRead(limit, after, out var page, out var problem))
        {
            return problem!;
        }
        var body = PageResponse<TResponse>.From(await read(page), response);
        PageLinks.AddNext(http, body.Next);
        return TypedResults.Ok(body);
    }
}
