using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Abstractions.Tests.Statements;

/// <summary>One valid statement of every type, with optional members set where a type has them.</summary>
internal static class Samples
{
    public const string Handle = "h_ujzdegxdncf32epf3dhodzdoci";
    public const string OtherHandle = "h_v4seh2kvj72ceuvw75efr6edt4";
    public const string TermsText = "Model contract (sample). Breaches are notified within 72 hours.";
    public static readonly string TermsHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(TermsText)));

    private static readonly DateTimeOffset At = new(2026, 4, 1, 9, 30, 0, 123, TimeSpan.FromHours(9));

    private static readonly ConsentTerms Terms = new(
        ["user.contact.email", "user.behavior.purchase_history"],
        ["marketing.communications.email"],
        new OnwardTransfer(true, ["mailer.example"], 3, [TermsHash]),
        730,
        At.AddYears(1));

    public static IReadOnlyList<Statement> All { get; } =
    [
        new ProfileDeclared("profile-1", At, "mailer.example", 3, true, true, false, true,
            [new Certification(CertificationScheme.Iso27001, "IS 123456", new DateOnly(2027, 3, 31)), new Certification(CertificationScheme.PrivacyMark, "10823456(05)", new DateOnly(2027, 9, 30))],
            ["JP", "DE"], 365, ["cloudhost.example", "Example Data Centre K.K."]),
        new TermsDeclared("terms-1", At, "shop.example", TermsHash, "Model contract", TermsText, new TermsSummary(false, 72, 30, "JP")),
        new DataCollected("col-1", At, "shop.example", Handle, ["user.contact.email", "user.health_and_medical"], ["essential.service.payment_processing"], LegalBasis.Consent, "cns_4Vq8XnT2pLr7"),
        new DataTransferred("tr-1", At, "shop.example", Handle, "mailer.example", ["user.contact.email"], ["marketing.communications.email"], LegalBasis.Contract, null, TermsHash),
        new DataReceived("rcv-1", At, "mailer.example", OtherHandle, "shop.example", "tr-1", ["user.contact.email"], "Collected from the customer at checkout, \"with consent\"; 株式会社"),
        new DataDeleted("del-1", At, "mailer.example", OtherHandle, ["user.contact.email"], "obl_Q7mR2xK9vLp4"),
        new HandleIssued("brk-1", At, "shop.example", Handle),
        new ConsentRequested("brk-2", At, "req_N3pX8kQ2wZ", "shop.example", Handle, Terms),
        new ConsentRejected("brk-3", At, "req_N3pX8kQ2wZ", "shop.example", Handle),
        new ConsentGranted("brk-4", At, "cns_4Vq8XnT2pLr7", "req_N3pX8kQ2wZ", "shop.example", Handle,
            Terms with { OnwardTransfer = new OnwardTransfer(false, [], null, []) }),
        new ConsentRevoked("brk-5", At, "cns_4Vq8XnT2pLr7", "shop.example", Handle),
        new ConsentExpired("brk-6", At, "cns_4Vq8XnT2pLr7", "shop.example", Handle),
        new ObligationDue("brk-7", At, "obl_Q7mR2xK9vLp4", "mailer.example", OtherHandle, ["user.contact.email"], "cns_4Vq8XnT2pLr7", At.AddDays(30)),
        new ObligationOverdue("brk-8", At, "obl_Q7mR2xK9vLp4", "mailer.example", OtherHandle, At.AddTicks(-1)),
        new ProviderRegistered("brk-9", At, "mailer.example", "Mailer Example K.K.", "JP", "E-mail marketing", "privacy@mailer.example"),
        new ProviderKeyAdded("brk-10", At, "mailer.example", "mailer-2026-1", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", At, At.AddYears(1)),
        new ProviderKeyRetired("brk-11", At, "mailer.example", "mailer-2026-1", At.AddMonths(6)),
    ];

    /// <summary>The same statements without their optional members.</summary>
    public static IReadOnlyList<Statement> WithoutOptionalMembers { get; } =
    [
        new TermsDeclared("terms-2", At, "shop.example", TermsHash, "Model contract", null, new TermsSummary(true, 1, 0, "US")),
        new DataCollected("col-2", At, "shop.example", Handle, ["user"], ["essential"], LegalBasis.LegitimateInterest, null),
        new DataDeleted("del-2", At, "mailer.example", OtherHandle, ["user.contact"], null),
        new ConsentGranted("brk-12", At, "cns_4Vq8XnT2pLr7", null, "shop.example", Handle, Terms with { OnwardTransfer = new OnwardTransfer(true, ["mailer.example"], null, []) }),
        new ProviderKeyAdded("brk-13", At, "mailer.example", "k", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", At, null),
    ];

    public static TheoryData<string> Types(IEnumerable<Statement> statements)
    {
        var data = new TheoryData<string>();
        foreach (var statement in statements)
        {
            data.Add(statement.Id);
        }
        return data;
    }

    public static Statement ById(string id) => All.Concat(WithoutOptionalMembers).Single(s => s.Id == id);
}
