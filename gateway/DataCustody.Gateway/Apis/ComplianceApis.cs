namespace DataCustody.Gateway.Apis;

/// <summary>The regulator-facing groups of the HTTP API v1, mapped with one line from Program.cs.</summary>
public static class ComplianceApis
{
    /// <summary>Maps the compliance views and the providers' APPI records.</summary>
    public static IEndpointRouteBuilder MapComplianceApis(this IEndpointRouteBuilder app)
    {
        app.MapComplianceApi();
        app.MapAppiRecordsApi();
        return app;
    }
}
