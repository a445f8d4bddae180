namespace DataCustody.Grains.Statements;

/// <summary>An entry the broker makes, on a person's behalf or on its own account, signed with the broker's statement key.</summary>
/// <param name="Id">Unique among the broker's statements.</param>
/// <param name="IssuedAt">When the broker made the statement.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BrokerStatement")]
public abstract record BrokerStatement(string Id, DateTimeOffset IssuedAt) : Statement(Id, IssuedAt);
