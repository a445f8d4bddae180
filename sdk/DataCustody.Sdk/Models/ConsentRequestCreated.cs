namespace DataCustody.Sdk.Models;

/// <summary>The broker forwarded a provider's consent request to the person.</summary>
/// <param name="RequestId">The request's id, which the person's approval or rejection names.</param>
public sealed record ConsentRequestCreated(string RequestId);
