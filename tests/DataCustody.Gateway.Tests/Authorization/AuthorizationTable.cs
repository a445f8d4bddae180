using System.Globalization;
using static System.Net.HttpStatusCode;
using static DataCustody.Gateway.Tests.Authorization.Expect;

namespace DataCustody.Gateway.Tests.Authorization;

/// <summary>One endpoint: its method and route template, the request to send, and who gets what.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The route template as mapped, e.g. <c>/api/v1/me/consents/{consentId}/revoke</c>.</param>
/// <param name="Expect">The status per caller.</param>
/// <param name="Path">The concrete path to call (defaults to the route), from the matrix's data.</param>
/// <param name="Body">The JSON body to send, if any.</param>
public sealed record EndpointRow(string Method, string Route, Expect Expect, Func<MatrixData, string>? Path = null, Func<MatrixData, object>? Body = null)
{
    /// <summary>The row as the test names it.</summary>
    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// THE AUTHORIZATION MATRIX: every endpoint of the API, one line each. Person A is alice, B bob,
/// provider P shop, Q delivery. Rows that name A's data (her consent, her request) expect 404 for B;
/// rows that name P expect 403 for Q. A new endpoint is one new line here;
/// <see cref="AuthorizationMatrixTests.Every_api_and_log_endpoint_is_in_the_table"/> fails until it is added.
/// </summary>
public static class AuthorizationTable
{
    public static IReadOnlyList<EndpointRow> Rows { get; } =
    [
        // The person's API: the token's sub is the person, so B never reaches A's data.
        new("GET", "/api/v1/me/consents", Citizen(OK, OK)),
        new("POST", "/api/v1/me/consents", Citizen(Created, Created), Body: d => new { holder = "shop", terms = MatrixData.Terms() }),
        new("POST", "/api/v1/me/consents/{consentId}/revoke", Citizen(OK, NotFound), d => $"/api/v1/me/consents/{d.ConsentToRevoke}/revoke"),
        new("GET", "/api/v1/me/consents/{consentId}/receipt", Citizen(OK, NotFound), d => $"/api/v1/me/consents/{d.ConsentToKeep}/receipt"),
        new("GET", "/api/v1/me/consent-requests", Citizen(OK, OK)),
        new("POST", "/api/v1/me/consent-requests/{requestId}/approve", Citizen(OK, NotFound), d => $"/api/v1/me/consent-requests/{d.RequestToApprove}/approve"),
        new("POST", "/api/v1/me/consent-requests/{requestId}/reject", Citizen(OK, NotFound), d => $"/api/v1/me/consent-requests/{d.RequestToReject}/reject"),
        new("GET", "/api/v1/me/custody", Citizen(OK, OK)),
        new("GET", "/api/v1/me/inbox", Citizen(OK, OK)),
        new("GET", "/api/v1/me/proofs", Citizen(OK, OK)),
        // Both people still have an active consent (A's to keep, B's granted above), so neither is forgotten here.
        new("DELETE", "/api/v1/me", Citizen(Conflict, Conflict)),

        // Providers: a provider acts only as itself (Q on P's resources is 403; a registration is per token).
        new("POST", "/api/v1/providers", Provider(Conflict, Conflict), Body: d => new { name = "Again Ltd.", jurisdiction = "JP", sector = "retail", contact = "privacy@again.example" }),
        new("GET", "/api/v1/providers/{id}", AnyRole(), d => "/api/v1/providers/shop"),
        new("GET", "/api/v1/providers/{id}/history", AnyRole(), d => "/api/v1/providers/shop/history"),
        new("POST", "/api/v1/providers/{id}/keys", Provider(Created, Forbidden), d => "/api/v1/providers/shop/keys", d => d.NewKeyBody()),
        new("POST", "/api/v1/providers/{id}/keys/{kid}/retire", Provider(OK, Forbidden), d => $"/api/v1/providers/shop/keys/{d.SpareKid}/retire", d => new { at = DateTimeOffset.UtcNow.AddDays(1) }),
        new("GET", "/api/v1/providers/{id}/obligations", ProviderOrRegulator(), d => "/api/v1/providers/shop/obligations"),
        new("GET", "/api/v1/providers/{id}/consents", Provider(OK, Forbidden), d => "/api/v1/providers/shop/consents"),
        // A batch answers per item: Q's batch of P-signed statements is 200 with each item rejected.
        new("POST", "/api/v1/statements", Provider(OK, OK), Body: d => new { statements = new[] { d.ShopMarker() } }),
        // P's statement: Q gets the 404 of a statement id it never recorded, so the id's use by another provider does not show.
        new("GET", "/api/v1/statements/{id}/entry", Provider(OK, NotFound), d => $"/api/v1/statements/{d.StatementOfShop}/entry"),
        // A's handle belongs to P: Q asking about it is refused by the domain (422), never answered.
        new("POST", "/api/v1/transfers/check", Provider(OK, UnprocessableEntity), Body: d => new { handle = d.AliceHandleAtShop, recipient = "delivery", categories = new[] { MatrixData.Category }, purposes = new[] { MatrixData.Purpose } }),
        new("POST", "/api/v1/consent-requests", Provider(Created, UnprocessableEntity), Body: d => new { handle = d.AliceHandleAtShop, terms = MatrixData.Terms() }),

        // Breaches: the regulator files, updates, assesses and exports; a provider sees only breaches at itself (Q gets 404).
        new("POST", "/api/v1/breaches", Regulator(Created), Body: d => MatrixData.Breach()),
        new("GET", "/api/v1/breaches", ProvidersOrRegulator(OK, OK)),
        new("GET", "/api/v1/breaches/{id}", ProvidersOrRegulator(OK, NotFound), d => $"/api/v1/breaches/{d.BreachAtShop}"),
        new("POST", "/api/v1/breaches/{id}/updates", Regulator(), d => $"/api/v1/breaches/{d.BreachAtShop}/updates", d => new { status = "investigating", note = "Looking into it." }),
        new("GET", "/api/v1/breaches/{id}/impact", ProvidersOrRegulator(OK, NotFound), d => $"/api/v1/breaches/{d.BreachAtShop}/impact"),
        new("POST", "/api/v1/breaches/{id}/assessments", Regulator(), d => $"/api/v1/breaches/{d.BreachAtShop}/assessments"),
        new("GET", "/api/v1/breaches/{id}/report", Regulator(), d => $"/api/v1/breaches/{d.BreachAtShop}/report"),
        new("GET", "/api/v1/providers/{id}/breach-reviews", ProviderOrRegulator(), d => "/api/v1/providers/shop/breach-reviews"),

        // Compliance: the regulator's views; a provider's APPI records for itself or a regulator.
        new("GET", "/api/v1/compliance/unconsented-transfers", Regulator()),
        new("GET", "/api/v1/compliance/unconfirmed-hops", Regulator()),
        new("GET", "/api/v1/compliance/overdue-deletions", Regulator()),
        new("GET", "/api/v1/compliance/expired-certifications", Regulator()),
        new("GET", "/api/v1/providers/{id}/appi/provisions", ProviderOrRegulator(), d => "/api/v1/providers/shop/appi/provisions"),
        new("GET", "/api/v1/providers/{id}/appi/receipts", ProviderOrRegulator(), d => "/api/v1/providers/shop/appi/receipts?format=csv"),

        // The log: public except entry contents.
        new("GET", "/log/v1/checkpoint", Public()),
        new("GET", "/log/v1/key", Public()),
        new("GET", "/log/v1/tile/{**path}", Public(), d => "/log/v1/tile/0/000.p/1"),
        new("GET", "/log/v1/tile/entries/{**path}", RegulatorOrAuditor(), d => "/log/v1/tile/entries/000.p/1"),
        new("GET", "/log/v1/proof/inclusion", Public(), d => "/log/v1/proof/inclusion?index=0&size=1"),
        new("GET", "/log/v1/proof/consistency", Public(), d => "/log/v1/proof/consistency?from=0&to=1"),

        // Documentation and discovery.
        new("GET", "/openapi/{documentName}.json", Public(), d => "/openapi/v1.json"),
        new("GET", "/.well-known/openid-configuration", Public()),
    ];

    /// <summary>Formats a number for a path.</summary>
    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
