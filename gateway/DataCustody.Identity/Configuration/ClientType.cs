namespace DataCustody.Identity.Configuration;

/// <summary>Whether a client can authenticate with a secret (RFC 6749 §2.1).</summary>
public enum ClientType
{
    /// <summary>Runs where a secret cannot be kept (a browser page, a command-line tool); must use PKCE.</summary>
    Public,

    /// <summary>A server that authenticates with its secret.</summary>
    Confidential,
}
