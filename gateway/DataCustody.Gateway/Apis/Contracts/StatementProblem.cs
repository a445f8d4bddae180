namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>Why one statement of a batch was rejected, as an RFC 9457 problem object.</summary>
/// <param name="Type">The problem type URI.</param>
/// <param name="Title">A short summary.</param>
/// <param name="Status">422.</param>
/// <param name="Detail">The reason.</param>
/// <param name="Field">The offending field, e.g. <c>statements[3].header.alg</c> or <c>statements[3].payload.categories[0]</c>.</param>
public sealed record StatementProblem(string? Type, string Title, int Status, string Detail, string Field)
{
    internal static StatementProblem Of(string field, string detail) =>
        new(ApiProblems.TypeOf(StatusCodes.Status422UnprocessableEntity), "Statement rejected", StatusCodes.Status422UnprocessableEntity, detail, field);
}
