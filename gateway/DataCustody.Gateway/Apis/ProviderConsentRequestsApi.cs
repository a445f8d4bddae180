using System.Security.Claims;
using DataCustody.Gateway.Apis.Contracts;
using DataCustody.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>A provider asks a person for a consent, <c>POST /api/v1/consent-requests</c>.</summary>
public static class ProviderConsentRequestsApi
{
    /// <summary>Maps the provider side of consent requests.</summary>
    public static IEndpointRouteBuilder MapProviderConsentRequestsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/consent-requests").WithTags("Consent requests")
            .MapPost("/", Create).WithName("CreateConsentRequest")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Asks the person behind a handle of the token's provider for a consent.")
            .RequireAuthorization(IdentityPolicies.Provider);
        return app;
    }

    private static async Task<Results<Created<ConsentRequestCreatedResponse>, ProblemHttpResult>> Create(
        CreateConsentRequestRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!CallerProvider.TryGet(user, out var providerId, out var forbidden))
        {
            return forbidden!;
        }
        // The codec checks handle and terms exactly as it will when the request is logged.
        var check = BrokerStatementCheck.Check(StatementTypes.ConsentRequested,
        [
            new("requestId", "req_gatewaycheck"),
            new("holder", providerId),
            new("handle", BrokerStatementCheck.Node(request.Handle)),
            new("terms", BrokerStatementCheck.Node(request.Terms)),
        ]);
        if (!check.IsValid)
        {
            return BrokerStatementCheck.FirstProblem(check);
        }
        var requested = (ConsentRequested)check.Statement;
        return await GrainErrors.RunAsync(async () =>
        {
            var requestId = await grains.GetGrain<IProviderGrain>(providerId).RequestConsent(requested.Handle, requested.Terms);
            return TypedResults.Created($"/api/v1/consent-requests/{Uri.EscapeDataString(requestId)}", new ConsentRequestCreatedResponse(requestId));
        });
    }
}
