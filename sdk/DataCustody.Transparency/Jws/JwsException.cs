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

    /// <summary>Creates the exception without a part; prefer the constructor that names one.</summary>
    public JwsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public JwsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without detail.</summary>
    public JwsException()
    {
    }

    /// <summary>The part of the JWS the failure is about.</summary>
    public JwsPart Part { get; }
}
