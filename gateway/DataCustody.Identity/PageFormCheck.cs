using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace DataCustody.Identity;

/// <summary>
/// Refuses a form post to the pages that does not carry the antiforgery token of a page's own form,
/// before the endpoint changes anything: the pages' cookie goes along with a form another site posts,
/// and such a form must not sign a person out or revoke their consents.
/// </summary>
public sealed class PageFormCheck(IAntiforgery antiforgery) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return await antiforgery.IsRequestValidAsync(context.HttpContext)
            ? await next(context)
            : Results.Problem(title: "The form expired", detail: "Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
    }
}
