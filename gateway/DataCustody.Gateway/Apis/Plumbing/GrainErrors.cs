using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// Turns the exceptions grains throw for refused requests into problems: an
/// <see cref="ArgumentException"/> is a 422 naming the request field behind the grain's
/// parameter, an <see cref="InvalidOperationException"/> a 409. Anything else stays a 500.
/// </summary>
public static class GrainErrors
{
    /// <summary>
    /// Runs <paramref name="call"/>; <paramref name="fields"/> maps a grain parameter name to the
    /// request field it came from (unmapped names are used as they are).
    /// </summary>
    public static async Task<Results<TResult, ProblemHttpResult>> RunAsync<TResult>(
        Func<Task<TResult>> call, IReadOnlyDictionary<string, string>? fields = null)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (ArgumentException e)
        {
            var parameter = e.ParamName ?? ApiProblems.Body;
            var field = fields is not null && fields.TryGetValue(parameter, out var mapped) ? mapped : parameter;
            return ApiProblems.Unprocessable(field, MessageOf(e));
        }
        catch (InvalidOperationException e)
        {
            return ApiProblems.Conflict(ApiProblems.Body, e.Message);
        }
    }

    // ArgumentException appends " (Parameter 'x')" to its message; the field member says that already.
    private static string MessageOf(ArgumentException e)
    {
        var suffix = e.ParamName is null ? null : $" (Parameter '{e.ParamName}')";
        return suffix is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }
}
