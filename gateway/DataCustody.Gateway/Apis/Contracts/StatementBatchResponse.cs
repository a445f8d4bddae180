namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>One result per submitted statement, in the order submitted.</summary>
/// <param name="Results">The results.</param>
public sealed record StatementBatchResponse(IReadOnlyList<StatementResultResponse> Results);
