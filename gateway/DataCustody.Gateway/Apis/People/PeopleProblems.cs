using DataCustody.Gateway.Apis.Plumbing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis.People;

/// <summary>
/// The people's API problems: <see cref="ApiProblems"/> (RFC 9457, the offending member in
/// <c>field</c>), plus <c>errors</c> by field when a body breaks several rules at once.
/// </summary>
internal static class PeopleProblems
{
    /// <summary>400: the request is malformed.</summary>
    public static ProblemHttpResult Invalid(string field, string detail) => ApiProblems.Invalid(field, detail);

    /// <summary>400 for several fields at once; <c>field</c> names the first, <c>errors</c> all.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyList<(string Field, string Reason)> errors)
    {
        var problem = ApiProblems.Invalid(errors[0].Field, string.Join("; ", errors.Select(e => $"{e.Field} {e.Reason}")));
        problem.ProblemDetails.Extensions["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());
        return problem;
    }

    /// <summary>422: well formed, but the domain refuses it (an unregistered holder, say).</summary>
    public static ProblemHttpResult Unprocessable(string field, string detail) => ApiProblems.Unprocessable(field, detail);

    /// <summary>404: nothing of the person's by that id (another person's ids are not found either).</summary>
    public static ProblemHttpResult NotFound(string field, string detail) => ApiProblems.NotFound(field, detail);

    /// <summary>409: the thing exists but its state forbids the change (already revoked, already decided).</summary>
    public static ProblemHttpResult Conflict(string field, string detail) => ApiProblems.Conflict(field, detail);

    /// <summary>503: the log has no checkpoint yet.</summary>
    public static ProblemHttpResult NoCheckpoint() =>
        ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", ApiProblems.Body, "The log has not signed its first checkpoint yet; retry in a second.");

    /// <summary>The message of a grain's refusal, without .NET's " (Parameter 'x')" suffix.</summary>
    public static string MessageOf(Exception e) =>
        e is ArgumentException { ParamName: { } name } && e.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? e.Message[..^$" (Parameter '{name}')".Length]
            : e.Message;
}
