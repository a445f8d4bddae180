namespace DataCustody.Sdk;

/// <summary>
/// Creates the clients that act with a token the application supplies: a signed-in person's or a
/// regulator's. They share the broker address and resilience settings of <see cref="DataCustodyOptions"/>.
/// </summary>
public sealed class DataCustodyClientFactory
{
    /// <summary>The name of the <see cref="HttpClient"/> these clients use, to configure it further.</summary>
    public const string HttpClientName = "DataCustody.Public";

    private readonly IHttpClientFactory _factory;

    /// <summary>Creates the factory; dependency injection does this after <see cref="DataCustodyServiceCollectionExtensions.AddDataCustody"/>.</summary>
    public DataCustodyClientFactory(IHttpClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factory = factory;
    }

    /// <summary>A client for the person whose access token is <paramref name="accessToken"/>.</summary>
    public DataCustodyPersonClient CreatePersonClient(string accessToken) => new(_factory.CreateClient(HttpClientName), accessToken);

    /// <summary>A client for the person whose current access token <paramref name="accessToken"/> returns, asked before each request.</summary>
    public DataCustodyPersonClient CreatePersonClient(Func<CancellationToken, ValueTask<string>> accessToken) => new(_factory.CreateClient(HttpClientName), accessToken);

    /// <summary>A client for the regulator whose access token is <paramref name="accessToken"/>.</summary>
    public DataCustodyRegulatorClient CreateRegulatorClient(string accessToken) => new(_factory.CreateClient(HttpClientName), accessToken);

    /// <summary>A client for the regulator whose current access token <paramref name="accessToken"/> returns, asked before each request.</summary>
    public DataCustodyRegulatorClient CreateRegulatorClient(Func<CancellationToken, ValueTask<string>> accessToken) => new(_factory.CreateClient(HttpClientName), accessToken);
}
