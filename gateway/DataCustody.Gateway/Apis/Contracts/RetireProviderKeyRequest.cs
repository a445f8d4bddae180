namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>Retires a statement key.</summary>
/// <param name="At">Statements issued from then on are refused.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RetireProviderKeyRequest(DateTimeOffset? At);
