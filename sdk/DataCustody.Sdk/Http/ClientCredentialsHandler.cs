using System.Net;
using System.Net.Http.Headers;

namespace DataCustody.Sdk.Http;

/// <summary>
/// Puts the provider's client-credential token on each request. It sits inside the resilience
/// handler, so each retry carries a current token; a 401 makes it fetch a new token and try once more.
/// </summary>
internal sealed class ClientCredentialsHandler : DelegatingHandler
{
    private readonly ClientCredentialsTokenSource _tokens;

    public ClientCredentialsHandler(ClientCredentialsTokenSource tokens) => _tokens = tokens;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        // The token may have been revoked or the signing keys rotated: one fresh token, one more try.
        response.Dispose();
        _tokens.Invalidate(token);
        token = await _tokens.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
