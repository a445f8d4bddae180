using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Abstractions.Tests.Taxonomy;

public sealed class CoversTests
{
    [Theory]
    [InlineData("user.contact", "user.contact.email", true)]
    [InlineData("user.contact", "user.contact.address.city", true)]
    [InlineData("user", "user.health_and_medical.genetic", true)]
    [InlineData("user.contact.email", "user.contact.email", true)]
    [InlineData("marketing.advertising", "marketing.advertising.third_party.targeted", true)]
    [InlineData("user.contact", "user.contactless", false)]
    [InlineData("user.contact.email", "user.contact", false)]
    [InlineData("user.contact", "user", false)]
    [InlineData("user.contact", "user.name", false)]
    [InlineData("user.contact", "system.contact", false)]
    [InlineData("user.contact.email", "user.contact.emails", false)]
    [InlineData("user", "users.contact", false)]
    public void A_key_covers_itself_and_the_keys_below_it(string granted, string requested, bool covers) =>
        Assert.Equal(covers, FideslangTaxonomy.Covers(granted, requested));
}
