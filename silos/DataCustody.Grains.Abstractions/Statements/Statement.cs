namespace DataCustody.Grains.Statements;

/// <summary>
/// A statement: the JSON payload of a provider's signed JWS, or an entry the broker makes and signs with its
/// statement key. Switch on the concrete record type; <see cref="StatementCodec"/> reads and writes the JSON.
/// </summary>
/// <param name="Id">Unique per issuer; a statement repeated with the same id is a retry, not a new fact.</param>
/// <param name="IssuedAt">When the issuer made the statement.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.Statement")]
public abstract record Statement(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset IssuedAt)
{
    /// <summary>The wire type name, one of <see cref="StatementTypes"/>.</summary>
    public abstract string Type { get; }
}
