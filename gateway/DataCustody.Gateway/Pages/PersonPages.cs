using DataCustody.Gateway.Apis;
using DataCustody.Gateway.Apis.People;
using DataCustody.Grains.Ledger;
using DataCustody.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Pages;

/// <summary>
/// The pages people use in a browser, signed in with the pages' cookie: where their data is, their
/// consents and consent requests, their inbox, and asking to be forgotten (after which each of their
/// pages is <see cref="ForgottenPage"/>). The person is always the cookie's subject. A form
/// post changes something only with the antiforgery token of the page's own form, and answers with
/// the page again (Post/Redirect/Get), or with the page and the reason when it was refused.
/// </summary>
public static class PersonPages
{
    /// <summary>The custody view.</summary>
    public const string Custody = "/my/custody";

    /// <summary>Consents and consent requests.</summary>
    public const string Consents = "/my/consents";

    /// <summary>The inbox.</summary>
    public const string Inbox = "/my/inbox";

    /// <summary>The person's proof bundle, as a file to keep and to check with <c>custody verify proofs</c>.</summary>
    public const string Proofs = "/my/proofs";

    /// <summary>Where the form that asks DataCustody to forget the person posts.</summary>
    public const string Forget = "/my/forget";

    /// <summary>The form field by which the person says they understand that forgetting cannot be undone.</summary>
    public const string ForgetUnderstood = "understood";

    private const string Requests = "/my/consent-requests";

    /// <summary>Signs in and comes back to the custody view.</summary>
    public static string SignInUrl { get; } = $"{PagePaths.SignIn}?returnUrl={Uri.EscapeDataString(Custody)}";

    /// <summary>Consent <paramref name="consentId"/>'s row on the consents page.</summary>
    public static string ConsentRow(string consentId) => $"{Consents}#consent-{Uri.EscapeDataString(consentId)}";

    /// <summary>Where the form that revokes consent <paramref name="consentId"/> posts.</summary>
    public static string Revoke(string consentId) => $"{Consents}/{Uri.EscapeDataString(consentId)}/revoke";

    /// <summary>Where the form that approves request <paramref name="requestId"/> posts.</summary>
    public static string Approve(string requestId) => $"{Requests}/{Uri.EscapeDataString(requestId)}/approve";

    /// <summary>Where the form that rejects request <paramref name="requestId"/> posts.</summary>
    public static string Reject(string requestId) => $"{Requests}/{Uri.EscapeDataString(requestId)}/reject";

    /// <summary>Adds what the pages render with: Razor components on the server, without interactivity.</summary>
    public static WebApplicationBuilder AddPersonPages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents();
        return builder;
    }

    /// <summary>Maps the front page, the denied page and the person's pages.</summary>
    public static IEndpointRouteBuilder MapPersonPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pages = app.MapGroup("").AddEndpointFilter<PageHeaders>().ExcludeFromDescription();
        // The front page says what DataCustody is to anyone, signed in or not.
        pages.MapGet("/", ShowHome).AllowAnonymous();
        pages.MapGet(PagePaths.AccessDenied, ShowDenied).RequireAuthorization(IdentityPolicies.SignedInPages);

        var my = pages.MapGroup("").RequireAuthorization(IdentityPolicies.CitizenPages).AddEndpointFilter<ForgottenPersonPage>();
        my.MapGet(Custody, ShowCustody);
        my.MapGet(Consents, ShowConsents);
        my.MapGet(Inbox, ShowInbox);
        my.MapGet(Proofs, DownloadProofs);
        var forms = my.MapGroup("").AddEndpointFilter<PageFormCheck>();
        forms.MapPost(Consents + "/{consentId}/revoke", RevokeConsent);
        forms.MapPost(Requests + "/{requestId}/approve", ApproveRequest);
        forms.MapPost(Requests + "/{requestId}/reject", RejectRequest);
        forms.MapPost(Forget, ForgetPerson);
        return app;
    }

    private static RazorComponentResult ShowHome(HttpContext http) =>
        new RazorComponentResult<HomePage>(new { Session = PageSession.Of(http) });

    // A person who opens the denied page's address is not denied anything: their pages are where they belong.
    private static IResult ShowDenied(HttpContext http)
    {
        var session = SessionOf(http);
        return session.IsCitizen
            ? TypedResults.Redirect(Custody)
            : new RazorComponentResult<DeniedPage>(new { Session = session }) { StatusCode = StatusCodes.Status403Forbidden };
    }

    private static async Task<RazorComponentResult> ShowCustody(HttpContext http, IGrainFactory grains)
    {
        var citizen = Citizen(http, grains);
        var view = await citizen.GetCustodyView();
        // The page names the consents its hops and holdings rest on by their holders and purposes, as the consents page does.
        var consents = await citizen.GetConsents();
        var providers = view.Holders.Select(h => h.Holder)
            .Concat(view.Holders.SelectMany(h => h.Holdings).SelectMany(h => h.Chain).SelectMany(hop => new[] { hop.From, hop.To }))
            .Concat(consents.Select(c => c.Holder));
        var checkpoint = await grains.GetGrain<ILedgerGrain>(LedgerKey.Id).GetLatestCheckpoint();
        return new RazorComponentResult<CustodyPage>(new
        {
            Session = SessionOf(http),
            View = view,
            Consents = consents,
            Names = await ProviderNames.OfAsync(grains, providers),
            CheckpointSize = checkpoint?.Size ?? 0,
        });
    }

    private static Task<RazorComponentResult> ShowConsents(HttpContext http, IGrainFactory grains) =>
        ConsentsPageAsync(http, grains, alert: null, StatusCodes.Status200OK);

    private static async Task<RazorComponentResult> ShowInbox(HttpContext http, IGrainFactory grains) =>
        new RazorComponentResult<InboxPage>(new { Session = SessionOf(http), Messages = await Citizen(http, grains).GetInbox() });

    private static async Task<IResult> DownloadProofs(HttpContext http, IGrainFactory grains)
    {
        var bundle = await ProofsApi.BundleAsync(http.User, grains);
        if (bundle.Result is Ok<ProofBundleResponse>)
        {
            http.Response.Headers.ContentDisposition = "attachment; filename=\"datacustody-proofs.json\"";
        }
        return bundle;
    }

    private static async Task<IResult> RevokeConsent(string consentId, HttpContext http, IGrainFactory grains) =>
        await AfterDecisionAsync(await PersonDecisions.RevokeAsync(Citizen(http, grains), consentId), http, grains);

    private static async Task<IResult> ApproveRequest(string requestId, HttpContext http, IGrainFactory grains) =>
        await AfterDecisionAsync(await PersonDecisions.ApproveAsync(Citizen(http, grains), requestId), http, grains);

    private static async Task<IResult> RejectRequest(string requestId, HttpContext http, IGrainFactory grains) =>
        await AfterDecisionAsync(await PersonDecisions.RejectAsync(Citizen(http, grains), requestId), http, grains);

    private static async Task<IResult> ForgetPerson(HttpContext http, IGrainFactory grains)
    {
        var form = await http.Request.ReadFormAsync();
        if (form[ForgetUnderstood] != "yes")
        {
            return await ConsentsPageAsync(http, grains, "Tick the box to say that you understand forgetting cannot be undone.", StatusCodes.Status400BadRequest);
        }
        try
        {
            var forgottenAt = await Citizen(http, grains).Forget();
            return new RazorComponentResult<ForgottenPage>(new { Session = SessionOf(http), ForgottenAt = forgottenAt });
        }
        catch (InvalidOperationException e)
        {
            return await ConsentsPageAsync(http, grains, e.Message, StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> AfterDecisionAsync<T>(PersonDecision<T> decision, HttpContext http, IGrainFactory grains)
        where T : class =>
        decision.Done is not null
            ? TypedResults.Redirect(Consents)
            : await ConsentsPageAsync(http, grains, decision.Reason, decision.Status);

    private static async Task<RazorComponentResult> ConsentsPageAsync(HttpContext http, IGrainFactory grains, string? alert, int status)
    {
        var citizen = Citizen(http, grains);
        var (consents, requests) = (await citizen.GetConsents(), await citizen.GetConsentRequests());
        var names = await ProviderNames.OfAsync(grains, consents.Select(c => c.Holder).Concat(requests.Select(r => r.Holder)));
        return new RazorComponentResult<ConsentsPage>(new { Session = SessionOf(http), Consents = consents, Requests = requests, Names = names, Alert = alert })
        {
            StatusCode = status,
        };
    }

    private static ICitizenGrain Citizen(HttpContext http, IGrainFactory grains) => grains.GetGrain<ICitizenGrain>(PersonId.Of(http.User));

    private static PageSession SessionOf(HttpContext http) =>
        PageSession.Of(http) ?? throw new InvalidOperationException("A page for signed-in people was shown to a stranger.");
}
