using System.Text.Json;
using System.Text.Json.Nodes;
using DataCustody.Gateway.Apis.People;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;

namespace DataCustody.Gateway.Tests.People;

/// <summary>The Kantara Consent Receipt v1.1 mapping, against a receipt written out by hand.</summary>
public sealed class ConsentReceiptMappingTests
{
    private static readonly ConsentView Consent = new(
        "cst_0123456789abcdef",
        "shop",
        "h_abcdefghijklmnopqrstuvwxyz",
        new ConsentTerms(
            ["user.contact.email", "user.health_and_medical", "user.financial.credit_card"],
            ["essential.service.payment_processing", "marketing.advertising"],
            new OnwardTransfer(true, ["delivery"], 3, []),
            365,
            new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)),
        ConsentStatus.Active,
        new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(8)),
        GrantedIndex: 42,
        EndedIndex: null,
        RequestId: "req_0123456789abcdef");

    private static readonly ProviderRecord Shop = new("shop", new ProviderRegistration("Shop Ltd.", "JP", "retail", "privacy@shop.example"), 3);

    [Fact]
    public void A_consent_maps_to_the_stored_receipt()
    {
        var receipt = ConsentReceipts.Build(Consent, Shop, "https://broker.example/privacy");

        var actual = JsonSerializer.SerializeToNode(receipt, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var expected = JsonNode.Parse(ReadExpected("consent-receipt.json"));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"The receipt differs from the stored one:\n{actual}");
    }

    [Fact]
    public void The_person_is_named_by_the_holders_handle_and_nothing_else_identifies_them()
    {
        var json = JsonSerializer.Serialize(ConsentReceipts.Build(Consent, Shop, "https://broker.example/privacy"));

        Assert.Contains("\"piiPrincipalId\":\"h_abcdefghijklmnopqrstuvwxyz\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_data_without_onward_transfer_is_not_sensitive_and_names_no_third_party()
    {
        var plain = Consent with
        {
            Terms = Consent.Terms with { Categories = ["user.name"], Purposes = ["analytics"], OnwardTransfer = new OnwardTransfer(false, [], null, []) },
            RequestId = null,
        };

        var receipt = ConsentReceipts.Build(plain, Shop, "https://broker.example/privacy");

        Assert.False(receipt.Sensitive);
        Assert.Empty(receipt.SpiCat);
        var purpose = Assert.Single(Assert.Single(receipt.Services).Purposes);
        Assert.Equal(["Improve Performance"], purpose.PurposeCategory);
        Assert.Equal(["Biographical"], purpose.PiiCategory);
        Assert.False(purpose.PrimaryPurpose);
        Assert.False(purpose.ThirdPartyDisclosure);
        Assert.Null(purpose.ThirdPartyName);
        Assert.Equal("Granted by the person through the DataCustody broker", receipt.CollectionMethod);
    }

    private static string ReadExpected(string name)
    {
        using var stream = typeof(ConsentReceiptMappingTests).Assembly.GetManifestResourceStream("Expected." + name)
            ?? throw new InvalidOperationException($"The expected file {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
