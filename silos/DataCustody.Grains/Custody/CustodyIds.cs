using System.Security.Cryptography;

namespace DataCustody.Grains.Custody;

/// <summary>New identifiers for consents, requests, obligations and broker statements: a kind prefix and 22 random characters.</summary>
public static class CustodyIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A consent id.</summary>
    public static string Consent() => New("cns");

    /// <summary>A consent request id.</summary>
    public static string Request() => New("req");

    /// <summary>An obligation id.</summary>
    public static string Obligation() => New("obl");

    /// <summary>The statement id of something the broker states itself.</summary>
    public static string BrokerStatement() => New("brk");

    /// <summary>A breach id, for a breach a regulator files without naming one.</summary>
    public static string Breach() => New("br");

    /// <summary>An inbox message id.</summary>
    public static string Message() => New("msg");

    private static string New(string prefix) => $"{prefix}_{RandomNumberGenerator.GetString(Alphabet, 22)}";
}
