namespace DataCustody.Gateway.Apis;

/// <summary>The provider-facing groups of the HTTP API v1, mapped with one line from Program.cs.</summary>
public static class ProviderApis
{
    /// <summary>Maps providers, statements, transfer checks and the provider side of consent requests.</summary>
    public static IEndpointRouteBuilder MapProviderApis(this IEndpointRouteBuilder app)
    {
        app.MapProvidersApi();
        app.MapStatementsApi();
        app.MapTransfersApi();
        app.MapProviderConsentRequestsApi();
        return app;
    }
}
