using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataCustody.Gateway.Tests.Authorization;

/// <summary>Every endpoint, called as every kind of caller, answers exactly as <see cref="AuthorizationTable"/> says.</summary>
[Collection(GatewayApiCollection.Name)]
public sealed class AuthorizationMatrixTests(GatewayApiFixture fixture)
{
    [Fact]
    public async Task Every_caller_gets_exactly_the_status_the_table_says()
    {
        var data = await MatrixData.CreateAsync(fixture);
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = fixture.Anonymous,
            [Caller.PersonA] = await fixture.PersonClientAsync("alice"),
            [Caller.PersonB] = await fixture.PersonClientAsync("bob"),
            [Caller.ProviderP] = await fixture.ProviderClientAsync("shop"),
            [Caller.ProviderQ] = await fixture.ProviderClientAsync("delivery"),
            [Caller.Regulator] = await fixture.PersonClientAsync("regina"),
            [Caller.Auditor] = await fixture.PersonClientAsync("audrey"),
        };
        var failures = new List<string>();
        var calls = 0;
        foreach (var row in AuthorizationTable.Rows)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), (row.Path?.Invoke(data) ?? row.Route).TrimStart('/'));
                if (row.Body is not null)
                {
                    request.Content = JsonContent.Create(row.Body(data));
                }
                using var response = await clients[caller].SendAsync(request);
                calls++;
                var expected = row.Expect[caller];
                if (response.StatusCode != expected)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{row} as {caller}: expected {(int)expected}, got {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        Assert.Equal(AuthorizationTable.Rows.Count * Enum.GetValues<Caller>().Length, calls);
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls differ from the table:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_api_and_log_endpoint_is_in_the_table()
    {
        var mapped = (await InProcessGateway.EndpointsAsync())
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} /{(e.RoutePattern.RawText ?? "").Trim('/')}"))
            .Where(r => r.Contains(" /api/", StringComparison.Ordinal) || r.Contains(" /log/", StringComparison.Ordinal))
            .ToHashSet();
        var table = AuthorizationTable.Rows.Select(r => r.ToString()).ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.True(mapped.IsSubsetOf(table), "Endpoints missing from AuthorizationTable:\n" + string.Join("\n", mapped.Except(table).Order()));
        var stale = table.Where(r => r.Contains(" /api/", StringComparison.Ordinal) || r.Contains(" /log/", StringComparison.Ordinal)).Except(mapped).ToList();
        Assert.True(stale.Count == 0, "Rows of AuthorizationTable that the gateway does not map:\n" + string.Join("\n", stale));
    }
}
