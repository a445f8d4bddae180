using DataCustody.Grains.Custody;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis.People;

/// <summary>
/// A person's decision on one of their consents or consent requests: done, or refused with the
/// status and reason to show (404 for an id the person does not have, 409 for what is decided
/// already or changed meanwhile).
/// </summary>
internal sealed record PersonDecision<T>(T? Done, int Status, string Field, string? Reason)
    where T : class
{
    /// <summary>The problem response of a refused decision, naming the field and the reason.</summary>
    public ProblemHttpResult Problem() => Status == StatusCodes.Status404NotFound
        ? PeopleProblems.NotFound(Field, Reason!)
        : PeopleProblems.Conflict(Field, Reason!);
}

/// <summary>The decisions a person takes, as the API and the pages both take them.</summary>
internal static class PersonDecisions
{
    /// <summary>Revokes an active consent of the person.</summary>
    public static async Task<PersonDecision<ConsentView>> RevokeAsync(ICitizenGrain citizen, string consentId)
    {
        var consent = (await citizen.GetConsents()).FirstOrDefault(c => c.ConsentId == consentId);
        if (consent is null)
        {
            return new(null, StatusCodes.Status404NotFound, "consentId", $"You have no consent {consentId}.");
        }
        if (consent.Status != ConsentStatus.Active)
        {
            return new(null, StatusCodes.Status409Conflict, "consentId", $"Consent {consentId} is already {WireNames.Of(consent.Status)}.");
        }
        // It may still end between the look-up and the revocation (expiry, a concurrent revocation).
        return await TakeAsync(() => citizen.RevokeConsent(consentId), "consentId");
    }

    /// <summary>Approves a pending consent request of the person: grants the consent it asked for.</summary>
    /// <remarks>The request may still be decided meanwhile, or ask for a consent that has expired by now.</remarks>
    public static async Task<PersonDecision<ConsentView>> ApproveAsync(ICitizenGrain citizen, string requestId) =>
        await RefusedUnlessPendingAsync<ConsentView>(citizen, requestId) ?? await TakeAsync(() => citizen.ApproveConsentRequest(requestId), "requestId");

    /// <summary>Rejects a pending consent request of the person.</summary>
    public static async Task<PersonDecision<ConsentRequestView>> RejectAsync(ICitizenGrain citizen, string requestId) =>
        await RefusedUnlessPendingAsync<ConsentRequestView>(citizen, requestId) ?? await TakeAsync(() => citizen.RejectConsentRequest(requestId), "requestId");

    private static async Task<PersonDecision<T>?> RefusedUnlessPendingAsync<T>(ICitizenGrain citizen, string requestId)
        where T : class
    {
        var request = (await citizen.GetConsentRequests()).FirstOrDefault(r => r.RequestId == requestId);
        return request is null
            ? new(null, StatusCodes.Status404NotFound, "requestId", $"You have no consent request {requestId}.")
            : request.Status != ConsentRequestStatus.Pending
                ? new(null, StatusCodes.Status409Conflict, "requestId", $"Consent request {requestId} is already {WireNames.Of(request.Status)}.")
                : null;
    }

    private static async Task<PersonDecision<T>> TakeAsync<T>(Func<Task<T>> decide, string field)
        where T : class
    {
        try
        {
            return new(await decide(), StatusCodes.Status200OK, field, null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return new(null, StatusCodes.Status409Conflict, field, PeopleProblems.MessageOf(e));
        }
    }
}
