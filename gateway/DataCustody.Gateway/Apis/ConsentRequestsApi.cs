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
        var citizen = grains.GetGrain<ICitizenGrain>(PersonId.Of(user));
        if (await Pending(citizen, requestId) is { } problem)
        {
            return problem;
        }
        try
        {
            return TypedResults.Ok(ConsentResponse.From(await citizen.ApproveConsentRequest(requestId)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Decided meanwhile, or it asked for a consent that has expired by now.
            return PeopleProblems.Conflict("requestId", PeopleProblems.MessageOf(e));
        }
    }

    private static async Task<Results<Ok<ConsentRequestResponse>, ProblemHttpResult>> Reject(string requestId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var citizen = grains.GetGrain<ICitizenGrain>(PersonId.Of(user));
        if (await Pending(citizen, requestId) is { } problem)
        {
            return problem;
        }
        try
        {
            return TypedResults.Ok(ConsentRequestResponse.From(await citizen.RejectConsentRequest(requestId)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return PeopleProblems.Conflict("requestId", PeopleProblems.MessageOf(e));
        }
    }

    /// <summary>Null when <paramref name="requestId"/> is a pending request of the person; otherwise 404 or 409.</summary>
    private static async Task<ProblemHttpResult?> Pending(ICitizenGrain citizen, string requestId)
    {
        var request = (await citizen.GetConsentRequests()).FirstOrDefault(r => r.RequestId == requestId);
        return request is null
            ? PeopleProblems.NotFound("requestId", $"You have no consent request {requestId}.")
            : request.Status != ConsentRequestStatus.Pending
                ? PeopleProblems.Conflict("requestId", $"Consent request {requestId} is already {WireNames.Of(request.Status)}.")
                : null;
    }
}
