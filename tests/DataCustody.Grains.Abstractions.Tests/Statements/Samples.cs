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

    public const string BreachId = "br_7Kx2mQ9pLr4TcW";

    private static readonly BreachDetails Details = new(
        "A storage bucket holding customer records was readable without authentication after a configuration change.",
        At.AddDays(-10),
        At.AddDays(-2),
        ["user.contact.email", "user.financial.bank_account"],
        "An access policy was replaced by a public-read default during a migration.",
        At.AddDays(-1),
        "An external researcher reported the open bucket.",
        "high",
        48210,
        "Public access was removed and the access keys were rotated.",
        "security@cloudhost.example",
        false,
        true,
        "No misuse known so far; phishing e-mail to the addresses is possible.",
        "Every affected customer receives an e-mail and a hotline number.",
        "A notice on the website from 2026-04-02.",
        "Policy changes are reviewed by two people and checked by an automated scan.");

    private static readonly BreachChanges Changes = new(
        "contained", "The bucket is private again; the access logs show two downloads.", 51877,
        "A migration script replaced the bucket policy.", "The script was fixed and every bucket re-audited.",
        "Two downloads from unknown addresses.", "Affected customers were e-mailed on 2026-04-03.",
        "Published on the status page.", "Bucket policies are now managed only through reviewed code.");

    private static readonly BreachAssessment Assessment = new(
        new BreachFigures(52110, 1320, 0,
            [new CategoryCount("user.contact.email", false, 52110), new CategoryCount("user.health_and_medical", true, 1320)],
            [new LevelCount(3, 50000), new LevelCount(0, 2110)],
            [new TermsCount(TermsHash, 52110)],
            [new ProviderCount("shop.example", TermsHash, 50000), new ProviderCount("clinic.example", null, 2110)],
            [new ProviderCount("mailer.example", TermsHash, 1200)],
            ["JP", "DE"]),
        "critical",
        new LawAssessment(true, ["Special-care data (health) is involved.", "More than 1,000 people are affected."]),
        new LawAssessment(true, ["The breach is likely to result in a risk to the rights of people."]),
        [new ReportDeadline("appi", "preliminary", At.AddDays(3)), new ReportDeadline("appi", "final", At.AddDays(30)), new ReportDeadline("gdpr", "authority", At.AddHours(72))],
        52110);

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
        new HoldingsHandedDown("brk-21", At, 40213, "mailer.example", OtherHandle,
            [new InheritedCategory("user.contact.email", ["cns_4Vq8XnT2pLr7", "cns_Hk29PqLm7Tz3"], false), new InheritedCategory("user.name", [], true)]),
        new ObligationDue("brk-7", At, "obl_Q7mR2xK9vLp4", "mailer.example", OtherHandle, ["user.contact.email"], "cns_4Vq8XnT2pLr7", At.AddDays(30)),
        new ObligationOverdue("brk-8", At, "obl_Q7mR2xK9vLp4", "mailer.example", OtherHandle, At.AddTicks(-1)),
        new ProviderRegistered("brk-9", At, "mailer.example", "Mailer Example K.K.", "JP", "E-mail marketing", "privacy@mailer.example"),
        new ProviderKeyAdded("brk-10", At, "mailer.example", "mailer-2026-1", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", At, At.AddYears(1)),
        new ProviderKeyRetired("brk-11", At, "mailer.example", "mailer-2026-1", At.AddMonths(6)),
        new BreachReported("brr-1", At, "cloudhost.example", BreachId, Details),
        new BreachUpdated("bru-1", At, "cloudhost.example", BreachId, Changes),
        new BreachReviewed("brv-1", At, "shop.example", BreachId, "obl_R5tY8uI2oP3a",
            "We passed e-mail addresses of 50,000 customers to cloudhost.example under our model contract; it told us within 20 hours.",
            "We send no new data to cloudhost.example until its re-audit is done, and told our customers."),
        new BreachFiled("brk-14", At, "br_Fq3Wz8Nc1Vb6Yh", "cloudhost.example", Details),
        new BreachRevised("brk-15", At, BreachId, "cloudhost.example", Changes with { Status = "closed" }),
        new BreachAssessed("brk-16", At, BreachId, "cloudhost.example", Assessment),
        new BreachReviewDue("brk-17", At, "obl_R5tY8uI2oP3a", BreachId, "shop.example", "cloudhost.example", 50000, At.AddDays(14)),
    ];

    /// <summary>The same statements without their optional members.</summary>
    public static IReadOnlyList<Statement> WithoutOptionalMembers { get; } =
    [
        new TermsDeclared("terms-2", At, "shop.example", TermsHash, "Model contract", null, new TermsSummary(true, 1, 0, "US")),
        new DataCollected("col-2", At, "shop.example", Handle, ["user"], ["essential"], LegalBasis.LegitimateInterest, null),
        new DataDeleted("del-2", At, "mailer.example", OtherHandle, ["user.contact"], null),
        new ConsentGranted("brk-12", At, "cns_4Vq8XnT2pLr7", null, "shop.example", Handle, Terms with { OnwardTransfer = new OnwardTransfer(true, ["mailer.example"], null, []) }),
        new ProviderKeyAdded("brk-13", At, "mailer.example", "k", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", At, null),
        new BreachReported("brr-2", At, "cloudhost.example", "br_00000000", Details with
        {
            Categories = [], WindowUntil = Details.WindowFrom, Severity = "low", EstimatedRecords = 0,
            SecondaryHarm = null, ResponseToPeople = null, Publication = null, Prevention = null,
        }),
        new BreachUpdated("bru-2", At, "cloudhost.example", BreachId, new BreachChanges("investigating", "Looking into it.", null, null, null, null, null, null, null)),
        new BreachFiled("brk-18", At, "br_Fq3Wz8Nc1Vb6Yh", "cloudhost.example", Details with { SecondaryHarm = null, ResponseToPeople = null, Publication = null, Prevention = null }),
        new BreachRevised("brk-19", At, BreachId, "cloudhost.example", new BreachChanges("closed", "Closed by the regulator.", null, null, null, null, null, null, null)),
        new BreachAssessed("brk-20", At, BreachId, "cloudhost.example", new BreachAssessment(
            new BreachFigures(0, 0, 0, [], [], [], [new ProviderCount("shop.example", null, 0)], [], []),
            "low", new LawAssessment(false, ["No personal data was exposed."]), new LawAssessment(false, ["No personal data was exposed."]), [], 0)),
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
