using System.Net;
using DataCustody.Gateway.Apis.Plumbing;
using DataCustody.Storage;
using DataCustody.Storage.Dialects;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataCustody.Gateway.Tests;

[Collection(GatewayApiCollection.Name)]
public sealed class HealthTests(GatewayApiFixture fixture)
{
    [Fact]
    public async Task Health_is_served_without_sign_in_and_says_the_database_answers()
    {
        using var response = await fixture.Anonymous.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_unhealthy()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "no-such-folder", "custody.db");
        var check = new DatabaseHealthCheck(new Database(new SqliteDialect(), $"Data Source={missing}"));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.NotNull(result.Exception);
    }
}
