using System.Security.Claims;
using DataCustody.Gateway.Apis.People;
using DataCustody.Gateway.Apis.Plumbing;
using DataCustody.Grains.Custody;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>"Forget me": the person asks the broker to destroy what ties them to their handles.</summary>
public static class ForgettingApi
{
    /// <summary>Maps <c>DELETE</c> on the person's group itself.</summary>
    public static RouteGroupBuilder MapForgettingApi(this RouteGroupBuilder me)
    {
        ArgumentNullException.ThrowIfNull(me);
        me.MapDelete("/", Forget).WithName("ForgetMe").WithTags("Forgetting")
            .ProducesProblems(StatusCodes.Status409Conflict)
            .WithSummary("Asks DataCustody to forget the person, for good.")
            .WithDescription("DataCustody destroys the person's secret and the links from their handles to them. The log keeps every entry, "
                + "so every proof still verifies, but nothing ties those entries to the person any more, and providers can record nothing "
                + "more about those handles. Refused with 409 while a consent of the person is active or a holder must still delete their "
                + "data (deadlines that passed are logged as overdue first): forgetting then would leave the deletion untracked. "
                + "Afterwards every call of the person is answered with 410.");
        return me;
    }

    private static Task<Results<NoContent, ProblemHttpResult>> Forget(ClaimsPrincipal user, IGrainFactory grains) =>
        GrainErrors.RunAsync(async () =>
        {
            await grains.GetGrain<ICitizenGrain>(PersonId.Of(user)).Forget();
            return TypedResults.NoContent();
        });
}
