namespace DataCustody.Grains.Statements;

/// <summary>
/// <c>holdings.inherited</c>: the copies a holder got by a hop, passed on with no consent of their own, learn
/// what they depend on now that a report made later handed it down: the sender's own copies, made by a
/// receipt reported before the transfer that gave them their consents (or basis), had depended on nothing.
/// </summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
/// <param name="Hop">The hop the copies came by: the log entry index of its first statement.</param>
/// <param name="Holder">The provider that holds the copies: the hop's recipient.</param>
/// <param name="Handle">The holder's handle for the person.</param>
/// <param name="Categories">Per category of the copies (1-64), everything they depend on from now on.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.HoldingsHandedDown")]
public sealed record HoldingsHandedDown(
    string Id,
    DateTimeOffset IssuedAt,
    [property: Id(0)] long Hop,
    [property: Id(1)] string Holder,
    [property: Id(2)] string Handle,
    [property: Id(3)] EquatableArray<InheritedCategory> Categories) : BrokerStatement(Id, IssuedAt)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.HoldingsInherited;
}
