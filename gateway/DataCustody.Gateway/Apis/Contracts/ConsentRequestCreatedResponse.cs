namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>A consent request was sent to the person.</summary>
/// <param name="RequestId">The request's id.</param>
public sealed record ConsentRequestCreatedResponse(string RequestId);
