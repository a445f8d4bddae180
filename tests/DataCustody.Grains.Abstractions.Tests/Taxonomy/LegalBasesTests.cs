using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Abstractions.Tests.Taxonomy;

public sealed class LegalBasesTests
{
    [Theory]
    [InlineData(LegalBasis.Consent, "consent")]
    [InlineData(LegalBasis.Contract, "contract")]
    [InlineData(LegalBasis.LegalObligation, "legal_obligation")]
    [InlineData(LegalBasis.VitalInterest, "vital_interest")]
    [InlineData(LegalBasis.PublicTask, "public_task")]
    [InlineData(LegalBasis.LegitimateInterest, "legitimate_interest")]
    public void Wire_names_round_trip(LegalBasis basis, string key)
    {
        Assert.Equal(key, LegalBases.ToKey(basis));
        Assert.True(LegalBases.TryParse(key, out var parsed));
        Assert.Equal(basis, parsed);
    }

    [Fact]
    public void Every_basis_has_a_wire_name() =>
        Assert.All(Enum.GetValues<LegalBasis>(), basis => Assert.True(LegalBases.TryParse(LegalBases.ToKey(basis), out _)));

    [Theory]
    [InlineData("Consent")]
    [InlineData("legal-obligation")]
    [InlineData("LegalObligation")]
    [InlineData("")]
    [InlineData("opt_in")]
    public void Other_names_are_rejected(string text) => Assert.False(LegalBases.TryParse(text, out _));

    [Fact]
    public void An_undefined_value_has_no_wire_name() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalBases.ToKey((LegalBasis)99));
}
