using DataCustody.Grains.Custody;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Pages;

/// <summary>
/// Shows a forgotten person <see cref="ForgottenPage"/> (410) instead of any page of theirs: the
/// pages' cookie still signs them in, but nothing of theirs is left.
/// </summary>
internal sealed class ForgottenPersonPage : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (PersonForgottenException e) when (PageSession.Of(context.HttpContext) is { } session)
        {
            return new RazorComponentResult<ForgottenPage>(new { Session = session, e.ForgottenAt }) { StatusCode = StatusCodes.Status410Gone };
        }
    }
}
