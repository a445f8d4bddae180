namespace DataCustody.Gateway.Pages;

/// <summary>
/// Response headers of every page: no other site may frame a page (its buttons revoke consents),
/// a page loads nothing but its own inline style, so injected markup could neither run scripts nor
/// send what it reads elsewhere, and no cache keeps a page, since every one shows a person's own data.
/// </summary>
internal sealed class PageHeaders : IEndpointFilter
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        // As antiforgery sets it on pages with a form, which would log a warning over any other value.
        headers.CacheControl = "no-cache, no-store";
        return next(context);
    }
}
