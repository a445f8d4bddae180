using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataCustody.Gateway.Tests.Authorization;

/// <summary>Every endpoint the gateway maps states who may call it.</summary>
public sealed class EndpointPolicyTests
{
    [Fact]
    public async Task Every_endpoint_has_an_authorization_policy_or_explicitly_allows_anonymous()
    {
        var endpoints = (await InProcessGateway.EndpointsAsync()).OfType<RouteEndpoint>().ToList();

        // The capture saw the real route table, not an empty one.
        Assert.Contains(endpoints, e => Route(e) == "/api/v1/me/consents");
        Assert.Contains(endpoints, e => Route(e) == "/log/v1/checkpoint");
        var unguarded = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles))
                && !e.Metadata.OfType<AuthorizationPolicy>().Any())
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])} {Route(e)}")
            .ToList();
        Assert.True(unguarded.Count == 0, "Endpoints without an authorization policy or AllowAnonymous:\n" + string.Join("\n", unguarded));
    }

    [Theory]
    [InlineData("/api/v1/me", Identity.IdentityPolicies.Citizen, 9)]
    [InlineData("/my/", Identity.IdentityPolicies.CitizenPages, 6)]
    public async Task Every_endpoint_of_a_persons_own_resources_requires_the_policy_for_people(string prefix, string policy, int endpointsAtLeast)
    {
        var endpoints = (await InProcessGateway.EndpointsAsync()).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .ToList();

        Assert.True(endpoints.Count >= endpointsAtLeast, $"expected at least {endpointsAtLeast} endpoints under {prefix}, found {endpoints.Count}");
        Assert.All(endpoints, e =>
        {
            Assert.Null(e.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == policy);
        });
    }

    private static string Route(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
}
