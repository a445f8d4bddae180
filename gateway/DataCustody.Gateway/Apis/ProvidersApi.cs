using System.Security.Claims;
using DataCustody.Gateway.Apis.Contracts;
using DataCustody.Identity;
using DataCustody.Transparency.Codecs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>
/// Providers under <c>/api/v1/providers</c>: registration, statement keys, declared history,
/// deletion obligations and held consents. A provider acts only as the provider its token names.
/// </summary>
public static class ProvidersApi
{
    /// <summary>Maps the provider endpoints.</summary>
    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var providers = app.MapGroup("/api/v1/providers").WithTags("Providers");
        providers.MapPost("/", Register).WithName("RegisterProvider")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Registers the provider the token names.")
            .RequireAuthorization(IdentityPolicies.Provider);
        providers.MapGet("/{id}", GetProvider).WithName("GetProvider")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("A provider's registration and the protection profile in force.")
            .RequireAuthorization(IdentityPolicies.AnyRole);
        providers.MapGet("/{id}/history", GetHistory).WithName("GetProviderHistory")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Every protection profile and terms version a provider declared, oldest first.")
            .RequireAuthorization(IdentityPolicies.AnyRole);
        providers.MapPost("/{id}/keys", AddKey).WithName("AddProviderKey")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Adds an Ed25519 statement key to the caller's provider.")
            .RequireAuthorization(IdentityPolicies.Provider);
        providers.MapPost("/{id}/keys/{kid}/retire", RetireKey).WithName("RetireProviderKey")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Retires a statement key: statements issued from `at` on are refused.")
            .RequireAuthorization(IdentityPolicies.Provider);
        providers.MapGet("/{id}/obligations", GetObligations).WithName("GetProviderObligations")
            .WithSummary("The deletion obligations a provider has not answered (the provider itself, or a regulator).")
            .RequireAuthorization(IdentityPolicies.ProviderOrRegulator);
        providers.MapGet("/{id}/consents", GetConsents).WithName("GetProviderConsents")
            .WithSummary("The consents people granted the caller's provider, with the handles they know it by.")
            .RequireAuthorization(IdentityPolicies.Provider);
        return app;
    }

    private static async Task<Results<Created<ProviderResponse>, ProblemHttpResult>> Register(
        RegisterProviderRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!CallerProvider.TryGet(user, out var providerId, out var forbidden))
        {
            return forbidden!;
        }
        var check = BrokerStatementCheck.Check(StatementTypes.ProviderRegistered,
        [
            new("provider", providerId),
            new("name", BrokerStatementCheck.Node(request.Name)),
            new("jurisdiction", BrokerStatementCheck.Node(request.Jurisdiction)),
            new("sector", BrokerStatementCheck.Node(request.Sector)),
            new("contact", BrokerStatementCheck.Node(request.Contact)),
        ]);
        if (!check.IsValid)
        {
            return BrokerStatementCheck.FirstProblem(check);
        }
        var registered = (ProviderRegistered)check.Statement;
        return await GrainErrors.RunAsync(async () =>
        {
            var record = await grains.GetGrain<IProviderGrain>(providerId)
                .Register(new ProviderRegistration(registered.Name, registered.Jurisdiction, registered.Sector, registered.Contact));
            return TypedResults.Created($"/api/v1/providers/{Uri.EscapeDataString(providerId)}", ProviderResponse.From(record));
        });
    }

    private static async Task<Results<Ok<ProviderDetailsResponse>, ProblemHttpResult>> GetProvider(string id, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IProviderGrain>(id);
        var record = await grain.GetRegistration();
        if (record is null)
        {
            return ApiProblems.NotFound("id", $"No provider {id} is registered.");
        }
        return TypedResults.Ok(ProviderDetailsResponse.From(record, await grain.GetCurrentProfile()));
    }

    private static async Task<Results<Ok<ProviderHistoryResponse>, ProblemHttpResult>> GetHistory(string id, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IProviderGrain>(id);
        if (await grain.GetRegistration() is null)
        {
            return ApiProblems.NotFound("id", $"No provider {id} is registered.");
        }
        return TypedResults.Ok(ProviderHistoryResponse.From(await grain.GetHistory()));
    }

    private static async Task<Results<Created<ProviderKeyResponse>, ProblemHttpResult>> AddKey(
        string id, AddProviderKeyRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!CallerProvider.IsSelf(user, id, out var forbidden))
        {
            return forbidden!;
        }
        var check = BrokerStatementCheck.Check(StatementTypes.ProviderKeyAdded,
        [
            new("provider", id),
            new("kid", BrokerStatementCheck.Node(request.Kid)),
            new("publicKey", BrokerStatementCheck.Node(request.PublicKey)),
            new("validFrom", BrokerStatementCheck.Node(request.ValidFrom)),
            new("validUntil", BrokerStatementCheck.Node(request.ValidUntil)),
        ]);
        if (!check.IsValid)
        {
            return BrokerStatementCheck.FirstProblem(check);
        }
        var added = (ProviderKeyAdded)check.Statement;
        if (!StrictBase64.TryDecodeUrl(System.Text.Encoding.ASCII.GetBytes(added.PublicKey), out var publicKey))
        {
            return ApiProblems.Invalid("publicKey", "publicKey must be 32 bytes in unpadded base64url.");
        }
        return await GrainErrors.RunAsync(async () =>
        {
            var key = await grains.GetGrain<IProviderGrain>(id).AddKey(added.Kid, publicKey, added.ValidFrom, added.ValidUntil);
            return TypedResults.Created($"/api/v1/providers/{Uri.EscapeDataString(id)}/keys/{Uri.EscapeDataString(key.Kid)}", ProviderKeyResponse.From(key));
        });
    }

    private static async Task<Results<Ok<ProviderKeyResponse>, ProblemHttpResult>> RetireKey(
        string id, string kid, RetireProviderKeyRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!CallerProvider.IsSelf(user, id, out var forbidden))
        {
            return forbidden!;
        }
        if (request.At is not { } at)
        {
            return ApiProblems.Invalid("at", "at is required: the time from which statements signed with the key are refused.");
        }
        return await GrainErrors.RunAsync(async () =>
            TypedResults.Ok(ProviderKeyResponse.From(await grains.GetGrain<IProviderGrain>(id).RetireKey(kid, at))));
    }

    private static async Task<Results<Ok<IReadOnlyList<ObligationResponse>>, ProblemHttpResult>> GetObligations(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!CallerProvider.IsSelfOrRegulator(user, id, out var forbidden))
        {
            return forbidden!;
        }
        var obligations = await grains.GetGrain<IProviderGrain>(id).GetOpenObligations();
        return TypedResults.Ok<IReadOnlyList<ObligationResponse>>([.. obligations.Select(ObligationResponse.From)]);
    }

    private static async Task<Results<Ok<IReadOnlyList<HeldConsentResponse>>, ProblemHttpResult>> GetConsents(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!CallerProvider.IsSelf(user, id, out var forbidden))
        {
            return forbidden!;
        }
        var consents = await grains.GetGrain<IProviderGrain>(id).GetHeldConsents();
        return TypedResults.Ok<IReadOnlyList<HeldConsentResponse>>([.. consents.Select(HeldConsentResponse.From)]);
    }

}
