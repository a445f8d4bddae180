using System.Text;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace DataCustody.Grains.Abstractions.Tests.Statements;

public sealed class StatementRoundTripTests
{
    public static TheoryData<string> Statements => Samples.Types(Samples.All.Concat(Samples.WithoutOptionalMembers));

    [Fact]
    public void There_is_a_sample_of_every_type() =>
        Assert.Equal(
            StatementTypes.ProviderTypes.Concat(StatementTypes.BrokerTypes).Order(StringComparer.Ordinal),
            Samples.All.Select(s => s.Type).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Statements))]
    public void Parsing_the_serialization_gives_the_statement_back(string id)
    {
        var statement = Samples.ById(id);

        var json = StatementCodec.Serialize(statement);
        var result = StatementCodec.Parse(json);

        Assert.True(result.IsValid, Describe(result));
        Assert.Equal(statement, result.Statement);
        Assert.Equal(statement.GetType(), result.Statement.GetType());
        Assert.Equal(json, StatementCodec.Serialize(result.Statement));
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statements_cross_the_orleans_serializer_unchanged(string id)
    {
        var statement = Samples.ById(id);
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<Statement>(serializer.SerializeToArray(statement));

        Assert.Equal(statement, copy);
    }

    [Fact]
    public void The_serialization_is_canonical()
    {
        var statement = Samples.All.OfType<DataCollected>().Single();

        var json = Encoding.UTF8.GetString(StatementCodec.Serialize(statement));

        Assert.Equal(
            """{"id":"col-1","issuedAt":"2026-04-01T00:30:00.123Z","type":"data.collected","provider":"shop.example","handle":"h_ujzdegxdncf32epf3dhodzdoci","categories":["user.contact.email","user.health_and_medical"],"purposes":["essential.service.payment_processing"],"legalBasis":"consent","consentId":"cns_4Vq8XnT2pLr7"}""",
            json);
    }

    [Fact]
    public void Text_is_escaped_only_where_json_requires_it()
    {
        var statement = Samples.All.OfType<DataReceived>().Single();

        var json = Encoding.UTF8.GetString(StatementCodec.Serialize(statement));

        Assert.Contains("""checkout, \"with consent\"; 株式会社""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_keep_their_instant_and_are_written_in_utc()
    {
        var json = """{"id":"x","issuedAt":"2026-04-01T09:30:00.5+09:00","type":"handle.issued","provider":"shop.example","handle":"h_ujzdegxdncf32epf3dhodzdoci"}"""u8;

        var parsed = StatementCodec.Parse(json);

        Assert.True(parsed.IsValid, Describe(parsed));
        Assert.Equal(TimeSpan.FromHours(9), parsed.Statement.IssuedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 30, 0, 500, TimeSpan.Zero), parsed.Statement.IssuedAt);
        Assert.Contains("\"issuedAt\":\"2026-04-01T00:30:00.5Z\"", Encoding.UTF8.GetString(StatementCodec.Serialize(parsed.Statement)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_statement_is_not_serialized()
    {
        var statement = new DataTransferred("tr-9", DateTimeOffset.UnixEpoch, "shop.example", Samples.Handle, "shop.example",
            ["user.nope"], ["marketing"], LegalBasis.Contract, "cns_4Vq8XnT2pLr7", Samples.TermsHash);

        var error = Assert.Throws<ArgumentException>(() => StatementCodec.Serialize(statement));

        Assert.Contains("categories[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_compare_by_their_items()
    {
        EquatableArray<string> a = ["x", "y"];
        EquatableArray<string> b = ["x", "y"];

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, ["y", "x"]);
        Assert.Equal("[x, y]", a.ToString());
        Assert.Equal(EquatableArray<string>.Empty, new EquatableArray<string>(default));
    }

    [Theory]
    [InlineData(StatementTypes.DataCollected, true)]
    [InlineData(StatementTypes.ProviderProfile, true)]
    [InlineData(StatementTypes.ConsentGranted, false)]
    [InlineData(StatementTypes.HandleIssued, false)]
    [InlineData(StatementTypes.HoldingsInherited, false)]
    [InlineData(StatementTypes.BreachReported, true)]
    [InlineData(StatementTypes.BreachUpdated, true)]
    [InlineData(StatementTypes.BreachReviewed, true)]
    [InlineData(StatementTypes.BreachFiled, false)]
    [InlineData(StatementTypes.BreachRevised, false)]
    [InlineData(StatementTypes.BreachAssessed, false)]
    [InlineData(StatementTypes.BreachReviewDue, false)]
    [InlineData("data.copied", false)]
    public void Provider_types_are_told_from_broker_types(string type, bool isProvider) =>
        Assert.Equal(isProvider, StatementCodec.IsProviderType(type));

    [Fact]
    public void Provider_types_are_provider_statements()
    {
        Assert.All(Samples.All, s => Assert.Equal(StatementCodec.IsProviderType(s.Type), s is ProviderStatement));
        Assert.All(Samples.All, s => Assert.Equal(!StatementCodec.IsProviderType(s.Type), s is BrokerStatement));
    }

    internal static string Describe(StatementParseResult result) =>
        string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Reason}"));
}
