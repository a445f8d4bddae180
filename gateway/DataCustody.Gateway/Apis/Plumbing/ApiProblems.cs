using DataCustody.Identity.Provider;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// RFC 9457 problem details of the API: every problem says what was wrong (<c>detail</c>) with
/// which field (the extension member <c>field</c>, a JSON path into the request such as
/// <c>statements[3].header.kid</c>, or the name of a route or query parameter).
/// </summary>
public static class ApiProblems
{
    /// <summary>The extension member naming the offending field.</summary>
    public const string FieldMember = "field";

    /// <summary>The field of a problem with the request body as a whole.</summary>
    public const string Body = "$";

    /// <summary>400: the request is malformed.</summary>
    public static ProblemHttpResult Invalid(string field, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid request", field, detail);

    /// <summary>422: the request is well-formed but cannot be carried out as asked.</summary>
    public static ProblemHttpResult Unprocessable(string field, string detail) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Request refused", field, detail);

    /// <summary>403: the caller may not act on this resource.</summary>
    public static ProblemHttpResult Forbidden(string field, string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", field, detail);

    /// <summary>404: the resource does not exist.</summary>
    public static ProblemHttpResult NotFound(string field, string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found", field, detail);

    /// <summary>409: the resource's state does not allow the request.</summary>
    public static ProblemHttpResult Conflict(string field, string detail) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", field, detail);

    /// <summary>410: the resource existed and is gone for good.</summary>
    public static ProblemHttpResult Gone(string field, string detail) =>
        Problem(StatusCodes.Status410Gone, "Gone", field, detail);

    /// <summary>A problem with <paramref name="status"/>, <paramref name="title"/>, <paramref name="field"/> and <paramref name="detail"/>.</summary>
    public static ProblemHttpResult Problem(int status, string title, string field, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            type: TypeOf(status),
            extensions: new Dictionary<string, object?> { [FieldMember] = field });

    /// <summary>
    /// Writes, from an exception handler, the problem <see cref="Problem"/> makes, with the exception
    /// handed to the problem details service; false when it wrote nothing.
    /// </summary>
    public static ValueTask<bool> WriteAsync(
        IProblemDetailsService problems, HttpContext httpContext, Exception exception, int status, string title, string field, string detail)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = status;
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Type = TypeOf(status),
                Title = title,
                Detail = detail,
                Extensions = { [FieldMember] = field },
            },
        });
    }

    /// <summary>
    /// Writes, from an exception handler, a 503 problem for a request that can be sent again: nothing of it was
    /// carried out, and <c>Retry-After</c> says when to retry, as the SDK's retries honour.
    /// </summary>
    public static ValueTask<bool> WriteUnavailableAsync(
        IProblemDetailsService problems, HttpContext httpContext, Exception exception, TimeSpan retryAfter, string detail)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        RetryAfter.Set(httpContext.Response, retryAfter);
        return WriteAsync(problems, httpContext, exception, StatusCodes.Status503ServiceUnavailable, "Service unavailable", Body, detail);
    }

    /// <summary>The RFC 9110 section URI of a status code, as ASP.NET Core's problem details use.</summary>
    public static string? TypeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        StatusCodes.Status403Forbidden => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        StatusCodes.Status404NotFound => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        StatusCodes.Status409Conflict => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        StatusCodes.Status410Gone => "https://tools.ietf.org/html/rfc9110#section-15.5.11",
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        StatusCodes.Status422UnprocessableEntity => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        StatusCodes.Status500InternalServerError => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        StatusCodes.Status503ServiceUnavailable => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => null,
    };
}
