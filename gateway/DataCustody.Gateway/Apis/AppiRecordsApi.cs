using System.Security.Claims;
using System.Text;
using DataCustody.Gateway.Apis.Compliance;
using DataCustody.Grains.Compliance;
using DataCustody.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>
/// A provider's records under the Japanese APPI, generated from the log, under
/// <c>/api/v1/providers/{id}/appi</c>: third-party provisions (article 29) and confirmations on
/// receipt (article 30) for a period, as JSON or as CSV. For the provider itself or a regulator.
/// </summary>
public static class AppiRecordsApi
{
    /// <summary>Maps the record endpoints.</summary>
    public static IEndpointRouteBuilder MapAppiRecordsApi(this IEndpointRouteBuilder app)
    {
        var appi = app.MapGroup("/api/v1/providers/{id}/appi").WithTags("APPI records").RequireAuthorization(IdentityPolicies.ProviderOrRegulator);
        appi.MapGet("/provisions", GetProvisions).WithName("GetAppiProvisionRecords")
            .Produces<PageResponse<ProvisionRecordResponse>>(StatusCodes.Status200OK, "application/json", Csv.MediaType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithSummary("Article 29 records: each hop the provider reported sending in [from, until), with the recipient's name and contact. CSV with format=csv or Accept: text/csv.");
        appi.MapGet("/receipts", GetReceipts).WithName("GetAppiReceiptRecords")
            .Produces<PageResponse<ReceiptRecordResponse>>(StatusCodes.Status200OK, "application/json", Csv.MediaType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithSummary("Article 30 records: each hop the provider reported receiving in [from, until), with the sender and how it obtained the data. CSV with format=csv or Accept: text/csv.");
        return app;
    }

    private static Task<Results<Ok<PageResponse<ProvisionRecordResponse>>, ContentHttpResult, ProblemHttpResult>> GetProvisions(
        string id, [AsParameters] RecordQuery query, ClaimsPrincipal user, HttpContext http, IGrainFactory grains) =>
        RecordsAsync(id, query, user, http, grains,
            (period, page) => grains.GetGrain<IComplianceGrain>(0).GetProvisionRecords(id, period.From, period.Until, page.After, page.Limit),
            ProvisionRecordResponse.From, ProvisionRecordResponse.CsvHeader, r => r.CsvRow());

    private static Task<Results<Ok<PageResponse<ReceiptRecordResponse>>, ContentHttpResult, ProblemHttpResult>> GetReceipts(
        string id, [AsParameters] RecordQuery query, ClaimsPrincipal user, HttpContext http, IGrainFactory grains) =>
        RecordsAsync(id, query, user, http, grains,
            (period, page) => grains.GetGrain<IComplianceGrain>(0).GetReceiptRecords(id, period.From, period.Until, page.After, page.Limit),
            ReceiptRecordResponse.From, ReceiptRecordResponse.CsvHeader, r => r.CsvRow());

    private static async Task<Results<Ok<PageResponse<TResponse>>, ContentHttpResult, ProblemHttpResult>> RecordsAsync<TRecord, TResponse>(
        string id, RecordQuery query, ClaimsPrincipal user, HttpContext http, IGrainFactory grains,
        Func<Period, PageQuery, Task<CompliancePage<TRecord>>> read, Func<TRecord, TResponse> response,
        IReadOnlyList<string> csvHeader, Func<TResponse, IReadOnlyList<string?>> csvRow)
    {
        if (!CallerProvider.IsSelfOrRegulator(user, id, out var problem)
            || !Period.TryRead(query.From, query.Until, out var period, out problem)
            || !PageQuery.TryRead(query.Limit, query.After, out var page, out problem)
            || !RecordFormat.TryChooseCsv(query.Format, http.Request, out var csv, out problem))
        {
            return problem!;
        }
        if (await grains.GetGrain<IProviderGrain>(id).GetRegistration() is null)
        {
            return ApiProblems.NotFound("id", $"No provider {id} is registered.");
        }
        var body = PageResponse<TResponse>.From(await read(period, page), response);
        PageLinks.AddNext(http, body.Next);
        if (csv)
        {
            return TypedResults.Text(Csv.Write(csvHeader, body.Items.Select(csvRow)), $"{Csv.MediaType}; charset=utf-8; header=present", Encoding.UTF8);
        }
        return TypedResults.Ok(body);
    }
}
