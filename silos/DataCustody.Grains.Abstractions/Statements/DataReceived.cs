namespace DataCustody.Grains.Statements;

/// <summary>
/// <c>data.received</c>: the recipient's half of a hop, the record APPI art. 30 asks a recipient to keep
/// (who provided the data, and how that provider obtained it).
/// </summary>
/// <param name="Id">Unique per provider; a statement repeated with the same id is a retry.</param>
/// <param name="IssuedAt">When the provider made the statement.</param>
/// <param name="Provider">The id of the issuing provider.</param>
/// <param name="Handle">The recipient's own handle for the person.</param>
/// <param name="Sender">The sending provider's id; not the recipient.</param>
/// <param name="TransferId">The id of the sender's <see cref="DataTransferred"/> statement.</param>
/// <param name="Categories">fideslang data category keys (1-64) actually received.</param>
/// <param name="ObtainedVia">How the sender obtained the data, as the sender confirmed it (1-500 characters).</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.DataReceived")]
public sealed record DataReceived(
    string Id,
    DateTimeOffset IssuedAt,
    string Provider,
    [property: Id(0)] string Handle,
    [property: Id(1)] string Sender,
    [property: Id(2)] string TransferId,
    [property: Id(3)] EquatableArray<string> Categories,
    [property: Id(4)] string ObtainedVia) : ProviderStatement(Id, IssuedAt, Provider)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.DataReceived;
}
