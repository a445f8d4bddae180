using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>Whether records go out as JSON (the default) or CSV: <c>format=csv</c>, or <c>Accept: text/csv</c> without a <c>format</c>.</summary>
internal static class RecordFormat
{
    /// <summary>Reads the choice, or a 400 problem naming <c>format</c>.</summary>
    public static bool TryChooseCsv(string? format, HttpRequest request, out bool csv, out ProblemHttpResult? problem)
    {
        problem = null;
        switch (format)
        {
            case "csv":
                csv = true;
                return true;
            case "json":
                csv = false;
                return true;
            case null:
                csv = request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(Csv.MediaType, StringComparison.OrdinalIgnoreCase));
                return true;
            default:
                csv = false;
                problem = ApiProblems.Invalid("format", "format must be json or csv.");
                return false;
        }
    }
}
