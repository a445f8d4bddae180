using DataCustody.Gateway.Apis.People;
using DataCustody.Identity;

namespace DataCustody.Gateway.Apis;

/// <summary>
/// The person-facing API under <c>/api/v1/me</c>. Every endpoint needs the Citizen policy, and the
/// person is always the token's <c>sub</c>: nobody can name another person in a route. Once the
/// broker has forgotten the person, every endpoint answers 410.
/// </summary>
public static class PeopleApis
{
    /// <summary>The route prefix of the person's own resources.</summary>
    public const string Prefix = "/api/v1/me";

    /// <summary>Maps consents, consent requests, custody, inbox, proofs and forgetting.</summary>
    public static IEndpointRouteBuilder MapPeopleApis(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup(Prefix).RequireAuthorization(IdentityPolicies.Citizen).AddEndpointFilter<ForgottenPersonFilter>();
        me.ProducesProblem(StatusCodes.Status410Gone);
        me.MapConsentsApi();
        me.MapConsentRequestsApi();
        me.MapCustodyApi();
        me.MapInboxApi();
        me.MapProofsApi();
        me.MapForgettingApi();
        return app;
    }
}
