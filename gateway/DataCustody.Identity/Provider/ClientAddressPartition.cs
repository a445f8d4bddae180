using System.Net;
using System.Net.Sockets;

namespace DataCustody.Identity.Provider;

/// <summary>The partition of a per-address rate limit that a client address counts against.</summary>
internal static class ClientAddressPartition
{
    // An IPv6 subscriber is usually given a whole /64 and may use any address in it: limiting each
    // address alone would give one client 2^64 allowances.
    private const int SubscriberPrefixBytes = 8;

    /// <summary>
    /// The partition key of <paramref name="address"/>: an IPv6 address by its /64, an IPv4 address
    /// (also one mapped into IPv6) by itself.
    /// </summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        // Mapped IPv4 addresses share one /64, so they must not be cut to it.
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        bytes.AsSpan(SubscriberPrefixBytes).Clear();
        return new IPAddress(bytes) + "/64";
    }
}
