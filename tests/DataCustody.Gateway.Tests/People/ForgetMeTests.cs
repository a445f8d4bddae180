using System.Net;
using System.Net.Http.Json;
using DataCustody.Testing;
using static DataCustody.Gateway.Tests.People.PersonSteps;

namespace DataCustody.Gateway.Tests.People;

/// <summary>
/// <c>DELETE /api/v1/me</c> over HTTP: refused while the person still has an active consent, then
/// the person is forgotten, gets 410 from every call of theirs, and the provider's checks and
/// requests about their handle are answered as for a handle the broker never issued.
/// </summary>
[Collection(GatewayApiCollection.Name)]
public sealed class ForgetMeTests(GatewayApiFixture fixture)
{
    [Fact]
    public async Task A_person_is_forgotten_once_no_consent_is_active_and_gets_410_from_then_on()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        await fixture.RegisteredProviderAsync("delivery");
        var tokens = await DemoTokens.ForPersonAsync(fixture.BaseAddress, "frida", GatewayApiFixture.ForgettablePeople["frida"]);
        using var frida = DemoTokens.WithBearer(fixture.BaseAddress, tokens.AccessToken);
        var consent = await GrantAsync(frida, "shop");
        var (consentId, handle) = (consent.Id("consentId"), consent.Id("handle"));

        using (var refused = await frida.DeleteAsync("api/v1/me"))
        {
            var problem = await Problems.AssertAsync(refused, HttpStatusCode.Conflict, "$");
            Assert.Contains($"{consentId} to shop", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using (var revoked = await frida.PostAsync($"api/v1/me/consents/{consentId}/revoke", null))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        using (var forgotten = await frida.DeleteAsync("api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.NoContent, forgotten.StatusCode);
        }

        foreach (var path in new[] { "api/v1/me/custody", "api/v1/me/consents", "api/v1/me/inbox", "api/v1/me/proofs" })
        {
            using var gone = await frida.GetAsync(path);
            var problem = await Problems.AssertAsync(gone, HttpStatusCode.Gone, "$");
            Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.11", problem.GetProperty("type").GetString());
            Assert.Contains("asked DataCustody to forget you", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using (var again = await frida.DeleteAsync("api/v1/me"))
        {
            await Problems.AssertAsync(again, HttpStatusCode.Gone, "$");
        }

        // To the shop, her handle is now like one the broker never issued.
        foreach (var unknown in new[] { handle, "h_" + new string('a', 26) })
        {
            using var check = await shop.Http.PostAsJsonAsync("api/v1/transfers/check", new
            {
                handle = unknown, recipient = "delivery", categories = new[] { Email }, purposes = new[] { Purpose },
            });
            await Problems.AssertAsync(check, HttpStatusCode.UnprocessableEntity, "handle");
            using var request = await shop.Http.PostAsJsonAsync("api/v1/consent-requests", new { handle = unknown, terms = Terms() });
            await Problems.AssertAsync(request, HttpStatusCode.UnprocessableEntity, "handle");
        }
    }
}
