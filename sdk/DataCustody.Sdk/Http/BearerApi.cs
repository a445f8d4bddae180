namespace DataCustody.Sdk.Http;

/// <summary>
/// The broker's API as a signed-in person or regulator calls it: every request carries the bearer
/// token the application supplies, asked for afresh before each request.
/// </summary>
internal sealed class BearerApi
{
    private readonly Func<CancellationToken, ValueTask<string>> _token;

    public BearerApi(HttpClient http, Func<CancellationToken, ValueTask<string>> accessToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(accessToken);
        if (http.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs the broker's BaseAddress.", nameof(http));
        }
        Http = http;
        _token = accessToken;
    }

    /// <summary>The client, whose base address is the broker's.</summary>
    public HttpClient Http { get; }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        await ApiHttp.SendAsync<T>(Http, method, path, body, cancellationToken, bearer: await _token(cancellationToken));

    public async Task<IReadOnlyList<T>> GetListAsync<T>(string path, string member, CancellationToken cancellationToken) =>
        await ApiHttp.GetListAsync<T>(Http, path, member, cancellationToken, await _token(cancellationToken));

    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, CancellationToken cancellationToken) =>
        await ApiHttp.SendRawAsync(Http, method, path, null, cancellationToken, bearer: await _token(cancellationToken));
}
