namespace DataCustody.Sdk.Http;

/// <summary>Per-request flags that the SDK's handlers read.</summary>
internal static class ApiRequestOptions
{
    /// <summary>
    /// Set on requests that may be sent again safely although their method is unsafe, such as a
    /// statement batch: statements keep their ids and bytes, so a repeat returns the original results.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("DataCustody.Idempotent");

    /// <summary>Whether the resilience pipeline may send <paramref name="request"/> again.</summary>
    public static bool MayRetry(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return false;
        }
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options)
        {
            return true;
        }
        return request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent;
    }
}
