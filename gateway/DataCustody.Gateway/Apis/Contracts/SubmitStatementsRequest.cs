namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>A batch of signed statements.</summary>
/// <param name="Statements">1-1000 compact JWS serializations (<c>{"alg":"EdDSA","kid":"..."}</c> headers), each a statement of the token's provider.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SubmitStatementsRequest(IReadOnlyList<string?>? Statements);
