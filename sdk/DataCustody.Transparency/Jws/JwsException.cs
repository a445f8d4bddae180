namespace DataCustody.Transparency.Jws;

/// <summary>The part of a compact JWS a failure is about.</summary>
public enum JwsPart
{
    /// <summary>The whole serialization (for example its number of parts).</summary>
    Serialization,

    /// <summary>The protected header.</summary>
    Header,

    /// <summary>The payload.</summary>
    Payload,

    /// <summary>The signature.</summary>
    Signature,
}

/// <summary>A compact JWS was rejected; <see cref="Part"/> says which part was wrong.</summary>
public sealed class JwsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JwsException(JwsPart part, string message)
        : base(message)
    {
        Part = part;
    }

    /// <summary>The part of the JWS the failure is about.</summary>
    public JwsPart Part { get; }
}
