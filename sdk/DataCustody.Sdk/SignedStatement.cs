using DataCustody.Grains.Statements;
using DataCustody.Sdk.Keys;
using DataCustody.Transparency.Jws;

namespace DataCustody.Sdk;

/// <summary>
/// A statement signed as a compact JWS (<c>"alg":"EdDSA"</c>, <c>kid</c> in the header). Keep it to
/// resend it: the same bytes under the same id are a retry, which the broker answers with the original entry.
/// </summary>
/// <param name="StatementId">The statement's <c>id</c>.</param>
/// <param name="Jws">The compact serialization, exactly as it is sent and logged.</param>
public sealed record SignedStatement(string StatementId, string Jws)
{
    /// <summary>
    /// Serializes <paramref name="statement"/> in the canonical form and signs it with <paramref name="key"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The statement breaks a rule of the format, so the broker would reject it.</exception>
    public static SignedStatement Sign(ProviderStatement statement, ProviderKey key)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(key);
        var payload = StatementCodec.Serialize(statement);
        return new SignedStatement(statement.Id, CompactJws.Sign(key.Key, key.KeyId, payload));
    }
}
