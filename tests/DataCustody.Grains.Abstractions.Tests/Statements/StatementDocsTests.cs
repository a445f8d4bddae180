using System.Text.Json;
using System.Text.RegularExpressions;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using Json.Schema;
using T = DataCustody.Grains.Statements.StatementTypes;

namespace DataCustody.Grains.Abstractions.Tests.Statements;

/// <summary>docs/statements.md and docs/statements.schema.json agree with each other and with the codec.</summary>
public sealed partial class StatementDocsTests
{
    private static readonly string Docs = Path.Combine(AppContext.BaseDirectory, "docs");
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Docs, "statements.schema.json")));

    public static TheoryData<int> Examples
    {
        get
        {
            var data = new TheoryData<int>();
            for (var i = 0; i < ReadExamples().Count; i++)
            {
                data.Add(i);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_documented_example_parses_and_round_trips(int index)
    {
        var example = ReadExamples()[index];

        var result = StatementCodec.Parse(Payloads.Utf8(example));

        Assert.True(result.IsValid, StatementRoundTripTests.Describe(result));
        Assert.Equal(result.Statement, StatementCodec.Parse(StatementCodec.Serialize(result.Statement)).Statement);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_documented_example_satisfies_the_schema(int index)
    {
        var results = Evaluate(ReadExamples()[index]);

        Assert.True(results.IsValid, string.Join("; ", FailedLocations(results)));
    }

    [Fact]
    public void Every_type_is_documented_with_an_example_in_its_own_section()
    {
        var text = File.ReadAllText(Path.Combine(Docs, "statements.md"));
        var documented = ReadExamples().Select(e => JsonDocument.Parse(e).RootElement.GetProperty("type").GetString()).ToList();

        Assert.All(T.ProviderTypes.Concat(T.BrokerTypes), type =>
        {
            Assert.Contains(type, documented);
            Assert.Contains($"\n### {type}\n", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_canonical_sample_satisfies_the_schema() =>
        Assert.All(Samples.All.Concat(Samples.WithoutOptionalMembers), statement =>
        {
            var results = Evaluate(System.Text.Encoding.UTF8.GetString(StatementCodec.Serialize(statement)));
            Assert.True(results.IsValid, statement.Type + ": " + string.Join("; ", FailedLocations(results)));
        });

    /// <summary>
    /// Type, member changed, its new JSON (null: removed), the field the codec names, and the instance location
    /// the schema reports (a missing member is reported at its object; a repeat at its array).
    /// </summary>
    public static TheoryData<string, string, string?, string, string> RejectedByBoth => new()
    {
        { T.DataCollected, "type", "\"data.copied\"", "type", "/type" },
        { T.DataCollected, "categories", "[\"user.contact.email\",\"user.name\",\"user.nope\"]", "categories[2]", "/categories/2" },
        { T.DataCollected, "categories", "[\"data_category\"]", "categories[0]", "/categories/0" },
        { T.DataCollected, "categories", "[\"user.name\",\"user.name\"]", "categories[1]", "/categories" },
        { T.DataCollected, "categories", "[]", "categories", "/categories" },
        { T.DataCollected, "purposes", "[\"data_use\"]", "purposes[0]", "/purposes/0" },
        { T.DataCollected, "handle", "\"h_short\"", "handle", "/handle" },
        { T.DataCollected, "handle", null, "handle", "" },
        { T.DataCollected, "provider", "\"-shop\"", "provider", "/provider" },
        { T.DataCollected, "issuedAt", "\"2026-04-01T10:15:00\"", "issuedAt", "/issuedAt" },
        { T.DataCollected, "legalBasis", "\"opt_in\"", "legalBasis", "/legalBasis" },
        { T.DataCollected, "legalBasis", "\"contract\"", "consentId", "/consentId" },
        { T.DataCollected, "consentId", "null", "consentId", "/consentId" },
        { T.DataCollected, "email", "\"someone@example.com\"", "email", "/email" },
        { T.ProviderProfile, "level", "5", "level", "/level" },
        { T.ProviderProfile, "level", "\"3\"", "level", "/level" },
        { T.ProviderProfile, "certifications", "[{\"scheme\":\"iso27001\",\"identifier\":\"IS 1\",\"validUntil\":\"31/03/2027\"}]", "certifications[0].validUntil", "/certifications/0/validUntil" },
        { T.ProviderProfile, "certifications", "[{\"scheme\":\"iso9001\",\"identifier\":\"Q\",\"validUntil\":\"2027-03-31\"}]", "certifications[0].scheme", "/certifications/0/scheme" },
        { T.ProviderProfile, "storageJurisdictions", "[\"JA\"]", "storageJurisdictions[0]", "/storageJurisdictions/0" },
        { T.ProviderProfile, "retentionDays", "-1", "retentionDays", "/retentionDays" },
        { T.ProviderProfile, "subprocessors", "[\"" + new string('x', 201) + "\"]", "subprocessors[0]", "/subprocessors/0" },
        { T.ProviderTerms, "sha256", "\"" + new string('A', 64) + "\"", "sha256", "/sha256" },
        { T.ProviderTerms, "summary.breachNotificationHours", "0", "summary.breachNotificationHours", "/summary/breachNotificationHours" },
        { T.ProviderTerms, "summary.governingJurisdiction", "\"EU\"", "summary.governingJurisdiction", "/summary/governingJurisdiction" },
        { T.DataReceived, "obtainedVia", "\"" + new string('x', 501) + "\"", "obtainedVia", "/obtainedVia" },
        { T.DataDeleted, "obligationId", "\"obligation-1\"", "obligationId", "/obligationId" },
        { T.HandleIssued, "holder", "\"shop.example\"", "holder", "/holder" },
        { T.ConsentRequested, "terms.onwardTransfer.minimumLevel", "0", "terms.onwardTransfer.minimumLevel", "/terms/onwardTransfer/minimumLevel" },
        { T.ConsentRequested, "terms.onwardTransfer.recipients", "[\"Mailer\"]", "terms.onwardTransfer.recipients[0]", "/terms/onwardTransfer/recipients/0" },
        { T.ConsentRequested, "terms.retentionDays", "0", "terms.retentionDays", "/terms/retentionDays" },
        { T.ConsentGranted, "terms.onwardTransfer.recipients", "[\"mailer.example\"]", "terms.onwardTransfer.recipients", "/terms/onwardTransfer/recipients" },
        { T.ConsentGranted, "terms.onwardTransfer.minimumLevel", "2", "terms.onwardTransfer.minimumLevel", "/terms/onwardTransfer/minimumLevel" },
        { T.ConsentGranted, "terms.onwardTransfer.allowed", "true", "terms.onwardTransfer", "/terms/onwardTransfer" },
        { T.ConsentGranted, "terms", null, "terms", "" },
        { T.HoldingsInherited, "hop", "-1", "hop", "/hop" },
        { T.HoldingsInherited, "hop", "9007199254740992", "hop", "/hop" },
        { T.HoldingsInherited, "holder", null, "holder", "" },
        { T.HoldingsInherited, "categories", "[{\"category\":\"user.contact.emial\",\"consents\":[],\"ownBasis\":true}]", "categories[0].category", "/categories/0/category" },
        { T.HoldingsInherited, "categories", "[{\"category\":\"user.contact\",\"consents\":[\"cns_4Vq8XnT2pLr7\",\"cns_4Vq8XnT2pLr7\"],\"ownBasis\":false}]", "categories[0].consents[1]", "/categories/0/consents" },
        { T.ObligationDue, "categories", "[\"user.contact.emial\"]", "categories[0]", "/categories/0" },
        { T.ProviderRegistered, "sector", "\"" + new string('s', 101) + "\"", "sector", "/sector" },
        { T.ProviderKeyAdded, "publicKey", "\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"", "publicKey", "/publicKey" },
        { T.ProviderKeyAdded, "publicKey", "\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURp\"", "publicKey", "/publicKey" },
        { T.ProviderKeyAdded, "kid", "\"key 1\"", "kid", "/kid" },
        { T.ProviderKeyRetired, "retiredAt", null, "retiredAt", "" },
        { T.BreachReported, "breachId", "\"br_short\"", "breachId", "/breachId" },
        { T.BreachReported, "breachId", "\"BR_7Kx2mQ9pLr4TcW\"", "breachId", "/breachId" },
        { T.BreachReported, "severity", "\"urgent\"", "severity", "/severity" },
        { T.BreachReported, "estimatedRecords", "-1", "estimatedRecords", "/estimatedRecords" },
        { T.BreachReported, "categories", "[\"user.contact.email\",\"user.contact.email\"]", "categories[1]", "/categories" },
        { T.BreachReported, "discoveredHow", "\"" + new string('x', 1001) + "\"", "discoveredHow", "/discoveredHow" },
        { T.BreachReported, "summary", null, "summary", "" },
        { T.BreachReported, "holder", "\"cloudhost.example\"", "holder", "/holder" },
        { T.BreachUpdated, "status", "\"reported\"", "status", "/status" },
        { T.BreachUpdated, "estimatedRecords", "1000000001", "estimatedRecords", "/estimatedRecords" },
        { T.BreachUpdated, "note", null, "note", "" },
        { T.BreachReviewed, "obligationId", "\"obligation-1\"", "obligationId", "/obligationId" },
        { T.BreachReviewed, "findings", "\"" + new string('x', 2001) + "\"", "findings", "/findings" },
        { T.BreachReviewed, "measures", null, "measures", "" },
        { T.BreachFiled, "categories", "[\"user.contact.emial\"]", "categories[0]", "/categories/0" },
        { T.BreachFiled, "wrongfulPurpose", "\"no\"", "wrongfulPurpose", "/wrongfulPurpose" },
        { T.BreachRevised, "holder", "\"Cloudhost\"", "holder", "/holder" },
        { T.BreachAssessed, "assessment.urgency", "\"severe\"", "assessment.urgency", "/assessment/urgency" },
        { T.BreachAssessed, "assessment.appi.reasons", "[]", "assessment.appi.reasons", "/assessment/appi/reasons" },
        { T.BreachAssessed, "assessment.figures.byLevel", "[{\"level\":5,\"people\":1}]", "assessment.figures.byLevel[0].level", "/assessment/figures/byLevel/0/level" },
        { T.BreachAssessed, "assessment.figures.upstream", "[{\"provider\":\"shop.example\",\"people\":1,\"handle\":\"h\"}]", "assessment.figures.upstream[0].handle", "/assessment/figures/upstream/0/handle" },
        { T.BreachAssessed, "assessment.deadlines", "[{\"law\":\"ccpa\",\"report\":\"final\",\"dueAt\":\"2026-05-01T00:00:00Z\"}]", "assessment.deadlines[0].law", "/assessment/deadlines/0/law" },
        { T.BreachAssessed, "assessment.notified", null, "assessment.notified", "/assessment" },
        { T.BreachReviewDue, "people", "-1", "people", "/people" },
        { T.BreachReviewDue, "obligationId", "\"obligation-1\"", "obligationId", "/obligationId" },
    };

    [Theory]
    [MemberData(nameof(RejectedByBoth))]
    public void A_bad_payload_fails_in_the_codec_and_the_schema_at_the_same_member(string type, string path, string? json, string field, string location)
    {
        var payload = Payloads.With(type, path, json);

        var parsed = StatementCodec.Parse(Payloads.Utf8(payload));
        var evaluated = Evaluate(payload);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(field, error.Field);
        Assert.False(evaluated.IsValid);
        // oneOf fails in every branch; the branch of the payload's own type must fail at the member, and a
        // missing member must be the one the schema names as missing.
        Assert.Contains(
            BranchErrors(evaluated, type),
            e => e.Location == location && (error.Reason != "is required" || e.Message.Contains($"\"{field.Split('.')[^1]}\"", StringComparison.Ordinal)));
    }

    /// <summary>The rules listed under "Checks beyond the schema": the schema accepts these, the codec does not.</summary>
    public static TheoryData<string, string, string?, string> RejectedByTheCodecOnly => new()
    {
        { T.DataCollected, "issuedAt", "\"2026-02-30T10:15:00Z\"", "issuedAt" },
        { T.DataCollected, "issuedAt", "\"2026-04-01T24:00:00Z\"", "issuedAt" },
        { T.ProviderTerms, "text", "\"Other text.\"", "text" },
        { T.DataTransferred, "recipient", "\"shop.example\"", "recipient" },
        { T.DataReceived, "sender", "\"mailer.example\"", "sender" },
        { T.ConsentRequested, "terms.expiresAt", "\"2026-04-01T00:30:00.123Z\"", "terms.expiresAt" },
        { T.ObligationDue, "dueAt", "\"2026-04-01T00:30:00.123Z\"", "dueAt" },
        { T.ObligationOverdue, "dueAt", "\"2026-04-01T00:30:01Z\"", "dueAt" },
        { T.ProviderKeyAdded, "validUntil", "\"2026-04-01T00:30:00.123Z\"", "validUntil" },
        { T.ProviderProfile, "level", "3.0", "level" },
        { T.BreachReported, "windowUntil", "\"2026-03-22T00:30:00.122Z\"", "windowUntil" },
        { T.BreachFiled, "windowUntil", "\"2026-03-21T09:30:00+09:00\"", "windowUntil" },
        { T.BreachReviewDue, "dueAt", "\"2026-04-01T00:30:00.123Z\"", "dueAt" },
        { T.BreachReviewDue, "dueAt", "\"2026-03-31T00:00:00Z\"", "dueAt" },
    };

    [Theory]
    [MemberData(nameof(RejectedByTheCodecOnly))]
    public void The_checks_beyond_the_schema_are_the_codecs(string type, string path, string? json, string field)
    {
        var payload = Payloads.With(type, path, json);

        Assert.Equal(field, Assert.Single(StatementCodec.Parse(Payloads.Utf8(payload)).Errors).Field);
        Assert.True(Evaluate(payload).IsValid);
    }

    [Fact]
    public void The_schema_lists_exactly_the_taxonomy_keys_and_country_codes()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Docs, "statements.schema.json")));
        var defs = schema.RootElement.GetProperty("$defs");

        // No shipped key is deprecated today; deprecated keys, once there, belong in the enums too.
        Assert.Equal(FideslangTaxonomy.Default.Categories.Select(c => c.Key), Enum(defs, "category"));
        Assert.Equal(FideslangTaxonomy.Default.Uses.Select(u => u.Key), Enum(defs, "use"));
        Assert.Equal(Jurisdictions.Assigned, Enum(defs, "jurisdiction"));
        Assert.Equal(Enum<LegalBasis>().Select(LegalBases.ToKey), Enum(defs, "legalBasis"));
    }

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
    }

    /// <summary>The errors of the oneOf branch whose <c>type</c> is <paramref name="type"/>.</summary>
    private static List<(string Location, string Message)> BranchErrors(EvaluationResults results, string type)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Docs, "statements.schema.json")));
        var defs = schema.RootElement.GetProperty("$defs");
        var branches = schema.RootElement.GetProperty("oneOf").EnumerateArray()
            .Select(b => defs.GetProperty(b.GetProperty("$ref").GetString()!["#/$defs/".Length..]).GetProperty("properties").GetProperty("type").GetProperty("const").GetString())
            .ToList();
        var branch = $"/oneOf/{branches.IndexOf(type)}/";
        return Failures(results)
            .Where(d => d.EvaluationPath.ToString().StartsWith(branch, StringComparison.Ordinal))
            .SelectMany(d => d.Errors!.Values.Select(message => (d.InstanceLocation.ToString(), message)))
            .ToList();
    }

    /// <summary>
    /// The results with errors that make the whole evaluation fail: only failing children of failing results, so
    /// that a failure inside a passing <c>not</c> or <c>if</c> does not count.
    /// </summary>
    private static IEnumerable<EvaluationResults> Failures(EvaluationResults results) =>
        results.IsValid ? []
            : (results.Details ?? []).SelectMany(Failures).Prepend(results).Where(r => r.Errors is { Count: > 0 });

    private static List<string> FailedLocations(EvaluationResults results) =>
        Failures(results).Select(d => d.InstanceLocation.ToString()).Distinct().ToList();

    private static IEnumerable<string> Enum(JsonElement defs, string name) =>
        defs.GetProperty(name).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

    private static IEnumerable<TEnum> Enum<TEnum>() where TEnum : struct, System.Enum => System.Enum.GetValues<TEnum>();

    private static List<string> ReadExamples() =>
        JsonBlock().Matches(File.ReadAllText(Path.Combine(Docs, "statements.md"))).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("^```json\\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
