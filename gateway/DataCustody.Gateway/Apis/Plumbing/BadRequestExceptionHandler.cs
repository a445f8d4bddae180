using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// Writes a problem for a request the framework could not bind: a body that is not JSON or not of
/// the expected shape (400, <c>field</c> the JSON path where reading stopped), a body over the
/// endpoint's size limit (413), a missing body (400) or a wrong content type (415).
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }
        var (field, detail) = Describe(httpContext, bad);
        var title = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "Request body too large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
            _ => "Invalid request",
        };
        return await ApiProblems.WriteAsync(problems, httpContext, exception, bad.StatusCode, title, field, detail);
    }

    private static (string Field, string Detail) Describe(HttpContext httpContext, BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return (ApiProblems.Body, limit is null
                ? "The request body is larger than this endpoint accepts."
                : $"The request body is larger than this endpoint's limit of {limit} bytes.");
        }
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (ApiProblems.Body, "The request body must be JSON (Content-Type: application/json).");
        }
        for (var inner = bad.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return (FieldOf(json.Path), "The request body is not JSON of the expected shape: " + FirstSentence(json.Message));
            }
        }
        // Minimal APIs say "Implicit body inferred for parameter ... but no body was provided." and the like.
        return (ApiProblems.Body, bad.Message.Contains("no body was provided", StringComparison.Ordinal)
            ? "The request needs a JSON body."
            : bad.Message);
    }

    /// <summary>
    /// Completes problems the framework writes by itself (a body over the limit found while
    /// binding, a status code page): every 400, 413 and 415 names a field and says why.
    /// </summary>
    internal static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status is not (StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType)
            || problem.Extensions.ContainsKey(ApiProblems.FieldMember))
        {
            return;
        }
        problem.Extensions[ApiProblems.FieldMember] = ApiProblems.Body;
        if (string.IsNullOrEmpty(problem.Detail))
        {
            var bad = new BadHttpRequestException(problem.Title ?? "The request is not valid.", problem.Status.Value);
            problem.Detail = Describe(context.HttpContext, bad).Detail;
        }
    }

    /// <summary>"$.statements[3]" becomes "statements[3]"; the root stays "$".</summary>
    internal static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? ApiProblems.Body
        : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : path.StartsWith('$') ? path[1..]
        : path;

    // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 5." to its messages.
    private static string FirstSentence(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}
