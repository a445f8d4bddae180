using System.Text;
using System.Text.Json.Nodes;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Abstractions.Tests.Taxonomy;
using DataCustody.Grains.Taxonomy;
using T = DataCustody.Grains.Statements.StatementTypes;

namespace DataCustody.Grains.Abstractions.Tests.Statements;

/// <summary>What the codec rejects, and under which field. <see cref="StatementDocsTests"/> holds the cases the schema rejects too.</summary>
public sealed class StatementCodecErrorTests
{
    /// <summary>Type, member changed, its new JSON (null: removed), the field the error must name.</summary>
    public static TheoryData<string, string, string?, string> BadMembers => new()
    {
        { T.DataCollected, "type", "\"data.copied\"", "type" },
        { T.DataCollected, "type", "7", "type" },
        { T.DataCollected, "id", "\"has space\"", "id" },
        { T.DataCollected, "id", null, "id" },
        { T.DataCollected, "issuedAt", "\"2026-04-01T10:15:00\"", "issuedAt" },
        { T.DataCollected, "issuedAt", "\"2026-02-30T10:15:00Z\"", "issuedAt" },
        { T.DataCollected, "issuedAt", "\"2026-04-01T24:00:00Z\"", "issuedAt" },
        { T.DataCollected, "issuedAt", "\"2026-04-01T10:15:00+15:00\"", "issuedAt" },
        { T.DataCollected, "issuedAt", "\"2026-04-01t10:15:00z\"", "issuedAt" },
        { T.DataCollected, "issuedAt", "\"2026-04-01T10:15:00.12345678Z\"", "issuedAt" },
        { T.DataCollected, "provider", "\"Shop.Example\"", "provider" },
        { T.DataCollected, "provider", "\"s\"", "provider" },
        { T.DataCollected, "provider", null, "provider" },
        { T.DataCollected, "handle", "\"h_UJZDEGXDNCF32EPF3DHODZDOCI\"", "handle" },
        { T.DataCollected, "handle", "\"h_ujzdegxdncf32epf3dhodzdoc\"", "handle" },
        { T.DataCollected, "handle", "\"h_ujzdegxdncf32epf3dhodzdoci\\n\"", "handle" },
        { T.DataCollected, "categories", "[\"user.contact.email\",\"user.name\",\"user.nope\"]", "categories[2]" },
        { T.DataCollected, "categories", "[\"user.contact.email\",\"user.contact.email\"]", "categories[1]" },
        { T.DataCollected, "categories", "[\"data_category\"]", "categories[0]" },
        { T.DataCollected, "categories", "[\"marketing\"]", "categories[0]" },
        { T.DataCollected, "categories", "[1]", "categories[0]" },
        { T.DataCollected, "categories", "[]", "categories" },
        { T.DataCollected, "categories", "\"user.contact.email\"", "categories" },
        { T.DataCollected, "purposes", "[\"data_use\"]", "purposes[0]" },
        { T.DataCollected, "purposes", "[\"user.contact.email\"]", "purposes[0]" },
        { T.DataCollected, "legalBasis", "\"opt_in\"", "legalBasis" },
        { T.DataCollected, "legalBasis", "\"Consent\"", "legalBasis" },
        { T.DataCollected, "legalBasis", "\"contract\"", "consentId" },
        { T.DataCollected, "consentId", "null", "consentId" },
        { T.DataCollected, "consentId", "\"cns_short\"", "consentId" },
        { T.DataCollected, "email", "\"someone@example.com\"", "email" },
        { T.ProviderProfile, "level", "5", "level" },
        { T.ProviderProfile, "level", "0", "level" },
        { T.ProviderProfile, "level", "\"3\"", "level" },
        { T.ProviderProfile, "level", "3.0", "level" },
        { T.ProviderProfile, "level", "3e0", "level" },
        { T.ProviderProfile, "level", "99999999999999999999", "level" },
        { T.ProviderProfile, "encryptionAtRest", "\"yes\"", "encryptionAtRest" },
        { T.ProviderProfile, "encryptionAtRest", "1", "encryptionAtRest" },
        { T.ProviderProfile, "certifications", "[{\"scheme\":\"iso27001\",\"identifier\":\"IS 1\",\"validUntil\":\"31/03/2027\"}]", "certifications[0].validUntil" },
        { T.ProviderProfile, "certifications", "[{\"scheme\":\"iso27001\",\"identifier\":\"IS 1\",\"validUntil\":\"2027-02-29\"}]", "certifications[0].validUntil" },
        { T.ProviderProfile, "certifications", "[{\"scheme\":\"iso27001\",\"identifier\":\"IS 1\",\"validUntil\":\"2027-03-31\"},{\"scheme\":\"iso9001\",\"identifier\":\"Q\",\"validUntil\":\"2027-03-31\"}]", "certifications[1].scheme" },
        { T.ProviderProfile, "certifications", "[{\"scheme\":\"soc2\",\"identifier\":\"\",\"validUntil\":\"2027-03-31\"}]", "certifications[0].identifier" },
        { T.ProviderProfile, "certifications", "[{\"scheme\":\"soc2\",\"validUntil\":\"2027-03-31\"}]", "certifications[0].identifier" },
        { T.ProviderProfile, "certifications", "[{\"scheme\":\"soc2\",\"identifier\":\"S\",\"validUntil\":\"2027-03-31\",\"auditor\":\"A\"}]", "certifications[0].auditor" },
        { T.ProviderProfile, "certifications", "[\"iso27001\"]", "certifications[0]" },
        { T.ProviderProfile, "storageJurisdictions", "[\"jp\"]", "storageJurisdictions[0]" },
        { T.ProviderProfile, "storageJurisdictions", "[\"JA\"]", "storageJurisdictions[0]" },
        { T.ProviderProfile, "storageJurisdictions", "[\"JP\",\"DE\",\"JP\"]", "storageJurisdictions[2]" },
        { T.ProviderProfile, "storageJurisdictions", "[]", "storageJurisdictions" },
        { T.ProviderProfile, "retentionDays", "-1", "retentionDays" },
        { T.ProviderProfile, "retentionDays", "36501", "retentionDays" },
        { T.ProviderProfile, "subprocessors", "[" + string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"p{i}\"")) + "]", "subprocessors" },
        { T.ProviderProfile, "subprocessors", "[\"" + new string('x', 201) + "\"]", "subprocessors[0]" },
        { T.ProviderTerms, "sha256", "\"" + new string('A', 64) + "\"", "sha256" },
        { T.ProviderTerms, "text", "\"Other text.\"", "text" },
        { T.ProviderTerms, "title", "\"\"", "title" },
        { T.ProviderTerms, "summary", "[]", "summary" },
        { T.ProviderTerms, "summary.breachNotificationHours", "0", "summary.breachNotificationHours" },
        { T.ProviderTerms, "summary.deletionDays", "3651", "summary.deletionDays" },
        { T.ProviderTerms, "summary.governingJurisdiction", "\"EU\"", "summary.governingJurisdiction" },
        { T.ProviderTerms, "summary.onwardTransferAllowed", null, "summary.onwardTransferAllowed" },
        { T.DataTransferred, "recipient", "\"shop.example\"", "recipient" },
        { T.DataTransferred, "termsSha256", null, "termsSha256" },
        { T.DataReceived, "sender", "\"mailer.example\"", "sender" },
        { T.DataReceived, "transferId", "\"tr 1\"", "transferId" },
        { T.DataReceived, "obtainedVia", "\"" + new string('x', 501) + "\"", "obtainedVia" },
        { T.DataReceived, "obtainedVia", "\"" + string.Concat(Enumerable.Repeat("😀", 500)) + "\"", "$ok" },
        { T.DataDeleted, "obligationId", "\"obligation-1\"", "obligationId" },
        { T.HandleIssued, "holder", "\"shop.example\"", "holder" },
        { T.ConsentRequested, "terms.onwardTransfer.minimumLevel", "0", "terms.onwardTransfer.minimumLevel" },
        { T.ConsentRequested, "terms.onwardTransfer.recipients", "[\"Mailer\"]", "terms.onwardTransfer.recipients[0]" },
        { T.ConsentRequested, "terms.onwardTransfer.termsSha256", "[\"abc\"]", "terms.onwardTransfer.termsSha256[0]" },
        { T.ConsentRequested, "terms.onwardTransfer.allowed", null, "terms.onwardTransfer.allowed" },
        { T.ConsentRequested, "terms.retentionDays", "0", "terms.retentionDays" },
        { T.ConsentRequested, "terms.expiresAt", "\"2026-04-01T00:30:00Z\"", "terms.expiresAt" },
        { T.ConsentRequested, "terms.purposes", "[\"marketing\",\"marketing\"]", "terms.purposes[1]" },
        { T.ConsentRequested, "terms.consentee", "\"x\"", "terms.consentee" },
        { T.ConsentGranted, "terms.onwardTransfer.recipients", "[\"mailer.example\"]", "terms.onwardTransfer.recipients" },
        { T.ConsentGranted, "terms.onwardTransfer.minimumLevel", "2", "terms.onwardTransfer.minimumLevel" },
        { T.ConsentGranted, "terms.onwardTransfer.termsSha256", "[\"" + Samples.TermsHash + "\"]", "terms.onwardTransfer.termsSha256" },
        { T.ConsentGranted, "terms.onwardTransfer.allowed", "true", "terms.onwardTransfer" },
        { T.ConsentGranted, "requestId", "\"req-1\"", "requestId" },
        { T.ConsentGranted, "terms", null, "terms" },
        { T.HoldingsInherited, "hop", "-1", "hop" },
        { T.HoldingsInherited, "hop", "9007199254740992", "hop" },
        { T.HoldingsInherited, "hop", "9007199254740991", "$ok" },
        { T.HoldingsInherited, "hop", "40213.0", "hop" },
        { T.HoldingsInherited, "hop", "\"40213\"", "hop" },
        { T.HoldingsInherited, "categories", "[]", "categories" },
        { T.HoldingsInherited, "categories", "[{\"category\":\"user.contact\",\"consents\":[],\"ownBasis\":true}]", "$ok" },
        { T.HoldingsInherited, "categories", "[{\"category\":\"user.contact\",\"consents\":[\"cns_4Vq8XnT2pLr7\",\"cns_4Vq8XnT2pLr7\"],\"ownBasis\":false}]", "categories[0].consents[1]" },
        { T.HoldingsInherited, "categories", "[{\"category\":\"user.contact\",\"consents\":[]}]", "categories[0].ownBasis" },
        { T.ObligationDue, "dueAt", "\"2026-04-01T00:30:00.123Z\"", "dueAt" },
        { T.ObligationDue, "categories", null, "categories" },
        { T.ObligationOverdue, "dueAt", "\"2026-04-01T00:30:01Z\"", "dueAt" },
        { T.ProviderRegistered, "name", "\"\"", "name" },
        { T.ProviderRegistered, "sector", "\"" + new string('s', 101) + "\"", "sector" },
        { T.ProviderRegistered, "jurisdiction", "\"XX\"", "jurisdiction" },
        { T.ProviderKeyAdded, "publicKey", "\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"", "publicKey" },
        { T.ProviderKeyAdded, "publicKey", "\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURp\"", "publicKey" },
        { T.ProviderKeyAdded, "publicKey", "\"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo\"", "publicKey" },
        { T.ProviderKeyAdded, "kid", "\"key 1\"", "kid" },
        { T.ProviderKeyAdded, "validUntil", "\"2026-04-01T00:30:00.123Z\"", "validUntil" },
        { T.ProviderKeyRetired, "retiredAt", null, "retiredAt" },
        { T.BreachReported, "breachId", "\"br_short\"", "breachId" },
        { T.BreachReported, "breachId", "\"br_7Kx2mQ9p-Lr4T\"", "breachId" },
        { T.BreachReported, "breachId", null, "breachId" },
        { T.BreachReported, "provider", null, "provider" },
        { T.BreachReported, "summary", "\"\"", "summary" },
        { T.BreachReported, "summary", "\"" + new string('x', 2001) + "\"", "summary" },
        { T.BreachReported, "windowFrom", "\"2026-03-22\"", "windowFrom" },
        { T.BreachReported, "windowUntil", "\"2026-03-22T00:30:00.122Z\"", "windowUntil" },
        { T.BreachReported, "windowUntil", "\"2026-03-22T00:30:00.123Z\"", "$ok" },
        { T.BreachReported, "categories", "[]", "$ok" },
        { T.BreachReported, "categories", "[\"user.nope\"]", "categories[0]" },
        { T.BreachReported, "categories", "[\"user.contact.email\",\"user.contact.email\"]", "categories[1]" },
        { T.BreachReported, "severity", "\"High\"", "severity" },
        { T.BreachReported, "severity", "\"urgent\"", "severity" },
        { T.BreachReported, "estimatedRecords", "-1", "estimatedRecords" },
        { T.BreachReported, "estimatedRecords", "1000000001", "estimatedRecords" },
        { T.BreachReported, "estimatedRecords", "1000000000", "$ok" },
        { T.BreachReported, "estimatedRecords", "2.5", "estimatedRecords" },
        { T.BreachReported, "contact", "\"" + new string('c', 201) + "\"", "contact" },
        { T.BreachReported, "financialLossRisk", "\"yes\"", "financialLossRisk" },
        { T.BreachReported, "secondaryHarm", "null", "secondaryHarm" },
        { T.BreachReported, "holder", "\"cloudhost.example\"", "holder" },
        { T.BreachUpdated, "status", "\"reported\"", "status" },
        { T.BreachUpdated, "status", "\"Closed\"", "status" },
        { T.BreachUpdated, "note", null, "note" },
        { T.BreachUpdated, "estimatedRecords", "null", "estimatedRecords" },
        { T.BreachUpdated, "severity", "\"high\"", "severity" },
        { T.BreachReviewed, "breachId", null, "breachId" },
        { T.BreachReviewed, "obligationId", "\"cns short\"", "obligationId" },
        { T.BreachReviewed, "findings", "\"\"", "findings" },
        { T.BreachReviewed, "measures", "\"" + new string('x', 2001) + "\"", "measures" },
        { T.BreachReviewed, "measures", "\"" + new string('x', 2000) + "\"", "$ok" },
        { T.BreachReviewed, "holder", "\"cloudhost.example\"", "holder" },
        { T.BreachFiled, "holder", null, "holder" },
        { T.BreachFiled, "provider", "\"cloudhost.example\"", "provider" },
        { T.BreachFiled, "discoveredAt", "\"yesterday\"", "discoveredAt" },
        { T.BreachFiled, "windowUntil", "\"2026-03-21T09:30:00+09:00\"", "windowUntil" },
        { T.BreachRevised, "status", "\"reopened\"", "status" },
        { T.BreachRevised, "breachId", "\"br_" + new string('a', 65) + "\"", "breachId" },
        { T.BreachAssessed, "assessment", "[]", "assessment" },
        { T.BreachAssessed, "assessment.urgency", "\"severe\"", "assessment.urgency" },
        { T.BreachAssessed, "assessment.notified", "\"3\"", "assessment.notified" },
        { T.BreachAssessed, "assessment.score", "7", "assessment.score" },
        { T.BreachAssessed, "assessment.figures.people", "-1", "assessment.figures.people" },
        { T.BreachAssessed, "assessment.figures.byCategory", "[{\"category\":\"user.nope\",\"sensitive\":false,\"people\":1}]", "assessment.figures.byCategory[0].category" },
        { T.BreachAssessed, "assessment.figures.byLevel", "[{\"level\":0,\"people\":1},{\"level\":5,\"people\":1}]", "assessment.figures.byLevel[1].level" },
        { T.BreachAssessed, "assessment.figures.byTerms", "[{\"termsSha256\":\"abc\",\"people\":1}]", "assessment.figures.byTerms[0].termsSha256" },
        { T.BreachAssessed, "assessment.figures.upstream", "[{\"provider\":\"shop.example\",\"people\":1}]", "$ok" },
        { T.BreachAssessed, "assessment.figures.downstream", "[{\"provider\":\"Mailer\",\"people\":1}]", "assessment.figures.downstream[0].provider" },
        { T.BreachAssessed, "assessment.figures.jurisdictions", "[\"JP\",\"JP\"]", "assessment.figures.jurisdictions[1]" },
        { T.BreachAssessed, "assessment.appi.reasons", "[]", "assessment.appi.reasons" },
        { T.BreachAssessed, "assessment.gdpr.reportable", null, "assessment.gdpr.reportable" },
        { T.BreachAssessed, "assessment.deadlines", "[{\"law\":\"appi\",\"report\":\"interim\",\"dueAt\":\"2026-05-01T00:00:00Z\"}]", "assessment.deadlines[0].report" },
        { T.BreachReviewDue, "dueAt", "\"2026-04-01T00:30:00.123Z\"", "dueAt" },
        { T.BreachReviewDue, "breachedHolder", null, "breachedHolder" },
        { T.BreachReviewDue, "people", "1.5", "people" },
    };

    [Theory]
    [MemberData(nameof(BadMembers))]
    public void A_bad_member_is_reported_under_its_path(string type, string path, string? json, string field)
    {
        var result = StatementCodec.Parse(Payloads.Utf8(Payloads.With(type, path, json)));

        if (field == "$ok")
        {
            // Lengths count characters, not UTF-16 units: 500 emoji are 500 characters.
            Assert.True(result.IsValid, StatementRoundTripTests.Describe(result));
            return;
        }
        Assert.False(result.IsValid);
        Assert.Null(result.Statement);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.NotEmpty(error.Reason);
    }

    public static TheoryData<string, string> BadPayloads => new()
    {
        { "", StatementError.Payload },
        { "{", StatementError.Payload },
        { "[]", StatementError.Payload },
        { "\"data.collected\"", StatementError.Payload },
        { "{} {}", StatementError.Payload },
        { "{\"id\":\"a\"},", StatementError.Payload },
        { "{\"id\":\"a\",}", StatementError.Payload },
        { "{'id':'a'}", StatementError.Payload },
        { "{\"id\":\"a\" /* note */}", StatementError.Payload },
        { "{\"x\":[[[[[[[[1]]]]]]]]}", StatementError.Payload },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public void A_payload_that_is_no_json_object_is_reported_as_a_whole(string json, string field)
    {
        var result = StatementCodec.Parse(Payloads.Utf8(json));

        Assert.Equal(field, Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_rejected()
    {
        var json = Payloads.Utf8(Payloads.With(T.ProviderRegistered, "name", "\"Mailer\"")).ToList();
        json.InsertRange(json.IndexOf((byte)'M'), new byte[] { 0xC3, 0x28 });

        var result = StatementCodec.Parse(json.ToArray());

        Assert.Equal(StatementError.Payload, Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Escaped_unpaired_surrogates_are_rejected()
    {
        // Made by text replacement: System.Text.Json itself refuses to write such strings.
        var json = Payloads.Valid(T.ProviderRegistered).ToJsonString();
        var value = StatementCodec.Parse(Payloads.Utf8(json.Replace("\"Mailer ", "\"\\ud800Mailer ", StringComparison.Ordinal)));
        var name = StatementCodec.Parse(Payloads.Utf8(json.Replace("\"sector\"", "\"sec\\udc00tor\"", StringComparison.Ordinal)));

        Assert.Equal("name", Assert.Single(value.Errors).Field);
        Assert.Contains(name.Errors, e => e.Field == StatementError.Payload);
    }

    [Fact]
    public void A_repeated_member_is_an_error()
    {
        var json = Payloads.Valid(T.HandleIssued).ToJsonString().Replace("{", "{\"handle\":\"h_ujzdegxdncf32epf3dhodzdoci\",", StringComparison.Ordinal);

        var result = StatementCodec.Parse(Payloads.Utf8(json));

        var error = Assert.Single(result.Errors);
        Assert.Equal("handle", error.Field);
        Assert.Contains("more than once", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var json = """
            {"id":"col 1","issuedAt":"yesterday","type":"data.collected","provider":"shop.example",
             "categories":["user.contact.email","user.nope"],"purposes":[],"legalBasis":"consent","mood":"happy"}
            """;

        var result = StatementCodec.Parse(Payloads.Utf8(json));

        Assert.Equal(["id", "issuedAt", "handle", "categories[1]", "purposes", "mood"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Errors_in_nested_objects_name_the_full_path()
    {
        var json = Payloads.With(T.ConsentGranted, "terms.onwardTransfer", """{"allowed":"no","recipients":[],"minimumLevel":9,"termsSha256":[],"anyone":true}""");

        var result = StatementCodec.Parse(Payloads.Utf8(json));

        Assert.Equal(
            ["terms.onwardTransfer.allowed", "terms.onwardTransfer.minimumLevel", "terms.onwardTransfer.anyone"],
            result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_big_payload_with_too_many_categories_is_rejected_under_categories()
    {
        var keys = FideslangTaxonomy.Default.Categories.Select(c => $"\"{c.Key}\"").ToArray();
        var categories = "[" + string.Join(",", Enumerable.Range(0, 2000).Select(i => keys[i % keys.Length])) + "]";
        var json = Payloads.With(T.DataCollected, "categories", categories);
        Assert.InRange(json.Length, 48 * 1024, 96 * 1024);

        var result = StatementCodec.Parse(Payloads.Utf8(json));

        var error = Assert.Single(result.Errors);
        Assert.Equal("categories", error.Field);
        Assert.Equal("must have at most 64 items", error.Reason);
    }

    [Fact]
    public void The_number_of_errors_is_bounded()
    {
        var members = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"m{i}\":{i}"));
        var json = Payloads.Valid(T.HandleIssued).ToJsonString().TrimEnd('}') + "," + members + "}";

        var result = StatementCodec.Parse(Payloads.Utf8(json));

        Assert.Equal(100, result.Errors.Count);
    }

    [Fact]
    public void Deprecated_keys_are_stored_as_their_successors()
    {
        var taxonomy = new FideslangTaxonomy(TaxonomyFiles.CategoriesWithDeprecations, TaxonomyFiles.UsesWithDeprecations);
        var payload = Payloads.Valid(T.DataCollected);
        payload["categories"] = JsonNode.Parse("""["user.mail","user.medical"]""");
        payload["purposes"] = JsonNode.Parse("""["advertising"]""");
        var json = payload.ToJsonString();

        var result = StatementCodec.Parse(Payloads.Utf8(json), taxonomy);

        Assert.True(result.IsValid, StatementRoundTripTests.Describe(result));
        var collected = Assert.IsType<DataCollected>(result.Statement);
        Assert.Equal(["user.contact.email", "user.health_and_medical"], collected.Categories);
        Assert.Equal(["marketing"], collected.Purposes);
    }

    [Fact]
    public void A_deprecated_key_next_to_its_successor_is_a_repeat()
    {
        var taxonomy = new FideslangTaxonomy(TaxonomyFiles.CategoriesWithDeprecations, TaxonomyFiles.UsesWithDeprecations);
        var json = Payloads.With(T.DataDeleted, "categories", """["user.contact.email","user.email"]""");

        var result = StatementCodec.Parse(Payloads.Utf8(json), taxonomy);

        Assert.Equal("categories[1]", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Member_names_are_case_sensitive()
    {
        var json = Payloads.Valid(T.HandleIssued).ToJsonString().Replace("\"handle\"", "\"Handle\"", StringComparison.Ordinal);

        var result = StatementCodec.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(["handle", "Handle"], result.Errors.Select(e => e.Field));
    }
}
