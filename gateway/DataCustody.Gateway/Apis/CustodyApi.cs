using System.Security.Claims;
using DataCustody.Gateway.Apis.People;
using DataCustody.Grains.Custody;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>The person's custody view: every holder of their data along every hop, with the entries that prove it.</summary>
public static class CustodyApi
{
    /// <summary>Maps <c>/custody</c> under the person's group.</summary>
    public static RouteGroupBuilder MapCustodyApi(this RouteGroupBuilder me)
    {
        ArgumentNullException.ThrowIfNull(me);
        me.MapGet("/custody", Get).WithName("GetMyCustody").WithSummary("Every holder of the person's data along every hop, with the entries that prove each fact.").WithTags("Custody");
        return me;
    }

    private static async Task<Ok<CustodyResponse>> Get(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(CustodyResponse.From(await grains.GetGrain<ICitizenGrain>(PersonId.Of(user)).GetCustodyView()));
}
