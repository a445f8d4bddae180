using System.Net;
using DataCustody.Identity.Provider;

namespace DataCustody.Identity.Tests;

public sealed class ClientAddressPartitionTests
{
    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:a1b2:c3d4:e5f6:789")]
    // A mapped IPv4 address is the IPv4 client it maps, whichever socket it came in on.
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    public void Addresses_one_client_can_choose_between_share_a_partition(string one, string other) =>
        Assert.Equal(ClientAddressPartition.Of(IPAddress.Parse(one)), ClientAddressPartition.Of(IPAddress.Parse(other)));

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1")]
    [InlineData("192.0.2.7", "192.0.2.8")]
    // The /64 of mapped addresses holds every IPv4 client: each must stay its own.
    [InlineData("::ffff:192.0.2.7", "::ffff:192.0.2.8")]
    [InlineData("::ffff:192.0.2.7", "::ffff:198.51.100.7")]
    public void Addresses_of_different_clients_get_their_own_partitions(string one, string other) =>
        Assert.NotEqual(ClientAddressPartition.Of(IPAddress.Parse(one)), ClientAddressPartition.Of(IPAddress.Parse(other)));
}
