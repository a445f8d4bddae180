using System.Security.Claims;
using System.Text.Json.Nodes;
using DataCustody.Gateway.Apis.Compliance;
using DataCustody.Grains.Custody.Breaches;
using DataCustody.Identity;
using DataCustody.Storage.Custody;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis.Breaches;

/// <summary>
/// Breaches under <c>/api/v1/breaches</c>. A regulator files, updates, assesses and exports any breach; a
/// provider reads its own breaches and their impact (it files and updates them with signed
/// <c>breach.reported</c> and <c>breach.updated</c> statements), and nobody else's. A provider upstream of a
/// breached holder reads the reviews asked of it and answers each with a signed <c>breach.reviewed</c>.
/// </summary>
public static class BreachesApi
{
    // Members the broker sets on the statement it makes from a request.
    private static readonly string[] BrokerMembers = ["id", "issuedAt", "type"];

    /// <summary>Maps the breach endpoints.</summary>
    public static IEndpointRouteBuilder MapBreachesApi(this IEndpointRouteBuilder app)
    {
        var breaches = app.MapGroup("/api/v1/breaches").WithTags("Breaches");
        breaches.MapPost("/", File).WithName("FileBreach")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Files a breach at a holder on a regulator's behalf (members as in the breach.filed statement).")
            .RequireAuthorization(IdentityPolicies.Regulator);
        breaches.MapGet("/", List).WithName("ListBreaches")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .WithSummary("Breaches, newest first: every breach for a regulator, its own for a provider.")
            .RequireAuthorization(IdentityPolicies.ProviderOrRegulator);
        breaches.MapGet("/{id}", Get).WithName("GetBreach")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("A breach, its history and its latest logged assessment (a regulator, or the breached provider).")
            .RequireAuthorization(IdentityPolicies.ProviderOrRegulator);
        breaches.MapPost("/{id}/updates", Revise).WithName("UpdateBreach")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Updates a breach on a regulator's behalf (members as in the breach.revised statement).")
            .RequireAuthorization(IdentityPolicies.Regulator);
        breaches.MapGet("/{id}/impact", Impact).WithName("GetBreachImpact")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("The impact as the log stands now, computed without logging or notifying (a regulator, or the breached provider).")
            .RequireAuthorization(IdentityPolicies.ProviderOrRegulator);
        breaches.MapPost("/{id}/assessments", Assess).WithName("AssessBreach")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Logs the signed impact report, tells every affected person once, and asks upstream providers to review.")
            .RequireAuthorization(IdentityPolicies.Regulator);
        breaches.MapGet("/{id}/report", Report).WithName("GetBreachReport")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("The report as JSON, as CSV of the affected handles per holder (format=csv), or as a printable page (format=html).")
            .RequireAuthorization(IdentityPolicies.Regulator);
        app.MapGet("/api/v1/providers/{id}/breach-reviews", Reviews).WithTags("Providers").WithName("GetProviderBreachReviews")
            .WithSummary("The breach reviews asked of a provider that passed data to a breached holder, each due, overdue or reviewed (the provider itself, or a regulator).")
            .RequireAuthorization(IdentityPolicies.ProviderOrRegulator);
        return app;
    }

    private static async Task<Results<Created<BreachView>, ProblemHttpResult>> File(JsonObject body, IGrainFactory grains)
    {
        if (Unexpected(body) is { } unexpected)
        {
            return unexpected;
        }
        var breachId = body["breachId"] is null ? CustodyIds.Breach() : null;
        var check = BrokerStatementCheck.Check(StatementTypes.BreachFiled, Members(body, breachId));
        if (!check.IsValid)
        {
            return BrokerStatementCheck.FirstProblem(check);
        }
        var filed = (BreachFiled)check.Statement;
        return await GrainErrors.RunAsync(async () =>
        {
            var breach = await grains.GetGrain<IBreachGrain>(filed.BreachId).File(filed.Holder, filed.Details);
            return TypedResults.Created($"/api/v1/breaches/{breach.BreachId}", breach);
        });
    }

    private static async Task<Results<Ok<IReadOnlyList<BreachSummaryResponse>>, ProblemHttpResult>> List(ClaimsPrincipal user, BreachQueries breaches, string? limit)
    {
        if (!PageQuery.TryRead(limit, after: null, out var page, out var problem))
        {
            return problem!;
        }
        var holder = user.IsInRole(IdentityRoles.Regulator) ? null : user.FindFirstValue(IdentityClaims.ProviderId) ?? "";
        var rows = await breaches.ListAsync(holder, page.Limit);
        return TypedResults.Ok<IReadOnlyList<BreachSummaryResponse>>([.. rows.Select(BreachSummaryResponse.From)]);
    }

    private static async Task<Results<Ok<BreachView>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        await Visible(id, user, grains) is { } breach ? TypedResults.Ok(breach) : NotFound(id);

    private static async Task<Results<Ok<BreachView>, ProblemHttpResult>> Revise(string id, JsonObject body, IGrainFactory grains)
    {
        if (Unexpected(body) is { } unexpected)
        {
            return unexpected;
        }
        var breach = grains.GetGrain<IBreachGrain>(id);
        if (await breach.Get() is not { } existing)
        {
            return NotFound(id);
        }
        var members = Members(body, null).Prepend(new("breachId", id)).Prepend(new("holder", existing.Holder));
        var check = BrokerStatementCheck.Check(StatementTypes.BreachRevised, members);
        if (!check.IsValid)
        {
            return BrokerStatementCheck.FirstProblem(check);
        }
        return await GrainErrors.RunAsync(async () => TypedResults.Ok(await breach.Revise(((BreachRevised)check.Statement).Changes)));
    }

    private static async Task<Results<Ok<BreachReportResponse>, ProblemHttpResult>> Impact(string id, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (await Visible(id, user, grains) is not { } breach)
        {
            return NotFound(id);
        }
        var preview = await grains.GetGrain<IBreachGrain>(id).PreviewImpact();
        return TypedResults.Ok(BreachReportResponse.Preview(breach, preview, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<BreachReportResponse>, ProblemHttpResult>> Assess(string id, IGrainFactory grains, TimeProvider time)
    {
        var breach = grains.GetGrain<IBreachGrain>(id);
        if (await breach.Get() is null)
        {
            return NotFound(id);
        }
        return TypedResults.Ok(BreachReportResponse.FromLog(await breach.Assess(), time.GetUtcNow()));
    }

    private static async Task<IResult> Report(
        string id, string? format, IGrainFactory grains, BreachImpactCalculator calculator, BreachNotificationStore notifications, TimeProvider time)
    {
        if (format is not (null or "json" or "csv" or "html"))
        {
            return ApiProblems.Invalid("format", "format must be json, csv or html.");
        }
        var grain = grains.GetGrain<IBreachGrain>(id);
        if (await grain.Get() is not { } breach)
        {
            return NotFound(id);
        }
        if (format == "csv")
        {
            return await AffectedHandlesAsync(breach, calculator, notifications);
        }
        var report = breach.Assessment is null
            ? BreachReportResponse.Preview(breach, await grain.PreviewImpact(), time.GetUtcNow())
            : BreachReportResponse.FromLog(breach, time.GetUtcNow());
        return format == "html" ? TypedResults.Text(BreachReportPage.Write(report), "text/html; charset=utf-8") : TypedResults.Ok(report);
    }

    // The list of the logged assessment, as it was stored with the messages; before any, as the log stands now.
    private static async Task<IResult> AffectedHandlesAsync(BreachView breach, BreachImpactCalculator calculator, BreachNotificationStore notifications)
    {
        if (breach.Assessment is not { } assessment)
        {
            var impact = await calculator.ComputeAsync(breach.Holder, breach.Details, withPeople: true);
            return TypedResults.Text(AffectedHandlesCsv.Write(AffectedHandles.Of(breach.Holder, impact)), Csv.MediaType);
        }
        var stored = await notifications.AffectedHandlesAsync(breach.BreachId);
        return stored is { } list && list.AssessmentIndex == assessment.EntryIndex
            ? TypedResults.Text(AffectedHandlesCsv.Write(list.Handles), Csv.MediaType)
            : ApiProblems.Conflict("id", $"The people affected by assessment {assessment.EntryIndex} of breach {breach.BreachId} were not all told; assess it again.");
    }

    private static async Task<Results<Ok<IReadOnlyList<BreachReviewResponse>>, ProblemHttpResult>> Reviews(
        string id, ClaimsPrincipal user, BreachQueries breaches, TimeProvider time)
    {
        if (!CallerProvider.IsSelfOrRegulator(user, id, out var forbidden))
        {
            return forbidden!;
        }
        var now = time.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<BreachReviewResponse>>([.. (await breaches.ReviewsOfAsync(id)).Select(r => BreachReviewResponse.From(r, now))]);
    }

    /// <summary>The breach, if the caller may see it: a regulator any, a provider only a breach at itself.</summary>
    private static async Task<BreachView?> Visible(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var breach = await grains.GetGrain<IBreachGrain>(id).Get();
        return breach is not null && (user.IsInRole(IdentityRoles.Regulator) || breach.Holder == user.FindFirstValue(IdentityClaims.ProviderId)) ? breach : null;
    }

    // Another provider's breach is answered like an unknown one: its existence is not the caller's business.
    private static ProblemHttpResult NotFound(string id) => ApiProblems.NotFound("id", $"No breach {id} is visible to the caller.");

    private static ProblemHttpResult? Unexpected(JsonObject body) =>
        BrokerMembers.FirstOrDefault(body.ContainsKey) is { } member
            ? ApiProblems.Invalid(member, $"{member} is set by the broker, not by the request.")
            : null;

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Members(JsonObject body, string? breachId)
    {
        var members = body.Select(m => new KeyValuePair<string, JsonNode?>(m.Key, m.Value?.DeepClone()));
        return breachId is null ? members : members.Prepend(new("breachId", breachId));
    }
}
