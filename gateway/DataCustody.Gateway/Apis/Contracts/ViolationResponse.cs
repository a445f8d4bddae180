namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>A rule a recorded statement broke.</summary>
/// <param name="Code">e.g. <c>no-consent</c>, <c>not-held</c>, <c>unknown-terms</c>.</param>
/// <param name="Detail">What exactly.</param>
public sealed record ViolationResponse(string Code, string Detail);
