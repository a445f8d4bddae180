using System.Security.Claims;
using DataCustody.Gateway.Apis.People;
using DataCustody.Grains.Custody;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>The consent requests providers addressed to the person: list, approve, reject.</summary>
public static class ConsentRequestsApi
{
    /// <summary>Maps <c>/consent-requests</c> under the person's group.</summary>
    public static RouteGroupBuilder MapConsentRequestsApi(this RouteGroupBuilder me)
    {
        ArgumentNullException.ThrowIfNull(me);
        var requests = me.MapGroup("/consent-requests").WithTags("Consent requests");
        requests.MapGet("", List).WithName("ListMyConsentRequests").WithSummary("The consent requests providers sent the person, pending and decided.");
        requests.MapPost("/{requestId}/approve", Approve).WithName("ApproveConsentRequest").WithSummary("Approves a pending request: grants the consent it asked for.");
        requests.MapPost("/{requestId}/reject", Reject).WithName("RejectConsentRequest").WithSummary("Rejects a pending request.");
        return me;
    }

    private static async Task<Ok<IReadOnlyList<ConsentRequestResponse>>> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        var requests = await grains.GetGrain<ICitizenGrain>(PersonId.Of(user)).GetConsentRequests();
        return TypedResults.Ok<IReadOnlyList<ConsentRequestResponse>>([.. requests.Select(ConsentRequestResponse.From)]);
    }

    private static async Task<Results<Ok<ConsentResponse>, ProblemHttpResult>> Approve(string requestId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var decision = await PersonDecisions.ApproveAsync(grains.GetGrain<ICitizenGrain>(PersonId.Of(user)), requestId);
        return decision.Done is { } consent ? TypedResults.Ok(ConsentResponse.From(consent)) : decision.Problem();
    }

    private static async Task<Results<Ok<ConsentRequestResponse>, ProblemHttpResult>> Reject(string requestId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var decision = await PersonDecisions.RejectAsync(grains.GetGrain<ICitizenGrain>(PersonId.Of(user)), requestId);
        return decision.Done is { } request ? TypedResults.Ok(ConsentRequestResponse.From(request)) : decision.Problem();
    }
}
