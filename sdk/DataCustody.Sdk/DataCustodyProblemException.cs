using System.Net;
using DataCustody.Sdk.Models;

namespace DataCustody.Sdk;

/// <summary>
/// The broker refused a request with an RFC 9457 problem (or an error status without one). Bad input
/// (400), a missing right (401, 403) or a conflict (409) do not go away by retrying; the SDK has already
/// retried what could be retried (5xx, 408, 429) before this is thrown.
/// </summary>
public sealed class DataCustodyProblemException : Exception
{
    /// <summary>Creates the exception for <paramref name="problem"/> answered with <paramref name="status"/>.</summary>
    public DataCustodyProblemException(HttpStatusCode status, ProblemDetail problem)
        : base(Describe(status, problem))
    {
        ArgumentNullException.ThrowIfNull(problem);
        StatusCode = status;
        Problem = problem;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The status as a number.</summary>
    public int Status => (int)StatusCode;

    /// <summary>The problem's short summary.</summary>
    public string? Title => Problem.Title;

    /// <summary>What was wrong in this case.</summary>
    public string? Detail => Problem.Detail;

    /// <summary>The JSON path of the member that was wrong, if the broker named one.</summary>
    public string? Field => Problem.Field;

    /// <summary>The whole problem as answered.</summary>
    public ProblemDetail Problem { get; }

    private static string Describe(HttpStatusCode status, ProblemDetail? problem)
    {
        var text = $"The broker answered {(int)status} {problem?.Title ?? status.ToString()}";
        if (problem?.Field is { } field)
        {
            text += $" for '{field}'";
        }
        return problem?.Detail is { } detail ? $"{text}: {detail}" : text + ".";
    }
}
