namespace DataCustody.Sdk.Models;

/// <summary>A rule a logged statement broke, as the broker noted it (the statement is logged all the same).</summary>
/// <param name="Code">The rule, such as <c>no-consent</c>, <c>not-held</c> or <c>unknown-terms</c>.</param>
/// <param name="Detail">What exactly was wrong.</param>
public sealed record StatementViolation(string Code, string Detail);
