using System.Security.Claims;
using System.Text.Json;
using DataCustody.Gateway.Apis.People;
using DataCustody.Grains.Custody;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>The person's consents: list, grant, revoke, and the Kantara receipt of each.</summary>
public static class ConsentsApi
{
    /// <summary>Maps <c>/consents</c> under the person's group.</summary>
    public static RouteGroupBuilder MapConsentsApi(this RouteGroupBuilder me)
    {
        ArgumentNullException.ThrowIfNull(me);
        var consents = me.MapGroup("/consents").WithTags("Consents");
        consents.MapGet("", List).WithName("ListMyConsents").WithSummary("The person's consents, in the order granted.");
        consents.MapPost("", Grant).WithName("GrantConsent").WithSummary("Grants a registered provider a consent; the broker logs it on the person's behalf.").Accepts<GrantConsentBody>("application/json");
        consents.MapPost("/{consentId}/revoke", Revoke).WithName("RevokeConsent").WithSummary("Revokes an active consent; every holder whose copy depends on it gets a deletion obligation.");
        consents.MapGet("/{consentId}/receipt", Receipt).WithName("GetConsentReceipt").WithSummary("The consent as a Kantara Consent Receipt v1.1 document.");
        return me;
    }

    private static async Task<Ok<IReadOnlyList<ConsentResponse>>> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        var consents = await grains.GetGrain<ICitizenGrain>(PersonId.Of(user)).GetConsents();
        return TypedResults.Ok<IReadOnlyList<ConsentResponse>>([.. consents.Select(ConsentResponse.From)]);
    }

    private static async Task<Results<Created<ConsentResponse>, ProblemHttpResult>> Grant(ClaimsPrincipal user, HttpRequest request, IGrainFactory grains, TimeProvider clock)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return PeopleProblems.Invalid("$", "must be a single well-formed JSON object: " + e.Message);
        }
        if (!GrantConsentReader.TryRead(body, clock.GetUtcNow(), out var holder, out var terms, out var errors))
        {
            return PeopleProblems.Invalid(errors);
        }
        try
        {
            var consent = await grains.GetGrain<ICitizenGrain>(PersonId.Of(user)).GrantConsent(holder, terms!);
            return TypedResults.Created($"{PeopleApis.Prefix}/consents/{consent.ConsentId}", ConsentResponse.From(consent));
        }
        catch (ArgumentException e)
        {
            // The one domain refusal left once the body is valid: the holder is not a registered provider.
            return PeopleProblems.Unprocessable("holder", PeopleProblems.MessageOf(e));
        }
        catch (InvalidOperationException e)
        {
            return PeopleProblems.Conflict("holder", e.Message);
        }
    }

    private static async Task<Results<Ok<ConsentResponse>, ProblemHttpResult>> Revoke(string consentId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var decision = await PersonDecisions.RevokeAsync(grains.GetGrain<ICitizenGrain>(PersonId.Of(user)), consentId);
        return decision.Done is { } revoked ? TypedResults.Ok(ConsentResponse.From(revoked)) : decision.Problem();
    }

    private static async Task<Results<Ok<ConsentReceipt>, ProblemHttpResult>> Receipt(string consentId, ClaimsPrincipal user, HttpRequest request, IGrainFactory grains, IConfiguration configuration)
    {
        var consent = (await grains.GetGrain<ICitizenGrain>(PersonId.Of(user)).GetConsents()).FirstOrDefault(c => c.ConsentId == consentId);
        if (consent is null)
        {
            return PeopleProblems.NotFound("consentId", $"You have no consent {consentId}.");
        }
        var holder = await grains.GetGrain<IProviderGrain>(consent.Holder).GetRegistration();
        if (holder is null)
        {
            return PeopleProblems.Conflict("consentId", $"The holder {consent.Holder} of consent {consentId} is not registered.");
        }
        var policyUrl = configuration["Receipts:PolicyUrl"] is { Length: > 0 } configured
            ? configured
            : $"{request.Scheme}://{request.Host}/privacy";
        return TypedResults.Ok(ConsentReceipts.Build(consent, holder, policyUrl, configuration["Receipts:Language"] ?? "en"));
    }
}
