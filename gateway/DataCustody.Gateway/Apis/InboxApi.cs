using System.Security.Claims;
using DataCustody.Gateway.Apis.People;
using DataCustody.Grains.Custody;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>The person's inbox: messages about their data, newest first.</summary>
public static class InboxApi
{
    /// <summary>Maps <c>/inbox</c> under the person's group.</summary>
    public static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder me)
    {
        ArgumentNullException.ThrowIfNull(me);
        me.MapGet("/inbox", Get).WithName("GetMyInbox").WithSummary("Messages to the person about their data, newest first.").WithTags("Inbox");
        return me;
    }

    private static async Task<Ok<IReadOnlyList<InboxMessageResponse>>> Get(ClaimsPrincipal user, IGrainFactory grains)
    {
        var messages = await grains.GetGrain<ICitizenGrain>(PersonId.Of(user)).GetInbox();
        return TypedResults.Ok<IReadOnlyList<InboxMessageResponse>>([.. messages.Select(InboxMessageResponse.From)]);
    }
}
