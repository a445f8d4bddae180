using DataCustody.Gateway.Apis.Plumbing;
using DataCustody.Grains.Custody;

namespace DataCustody.Gateway.Apis.People;

/// <summary>
/// Answers every call of a person the broker has forgotten with 410: their token still signs them
/// in, but nothing of theirs is left to show or change.
/// </summary>
internal sealed class ForgottenPersonFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (PersonForgottenException e)
        {
            return ApiProblems.Gone(ApiProblems.Body, e.Message);
        }
    }
}
