namespace DataCustody.Sdk.Models;

/// <summary>An RFC 9457 problem, with the extra <c>field</c> member naming the offending input.</summary>
/// <param name="Type">A URI that identifies the kind of problem, if given.</param>
/// <param name="Title">A short summary of the kind of problem.</param>
/// <param name="Status">The HTTP status code, if given.</param>
/// <param name="Detail">What was wrong in this case.</param>
/// <param name="Field">The JSON path of the member that was wrong, or <c>$</c> for the input as a whole, if known.</param>
public sealed record ProblemDetail(string? Type, string? Title, int? Status, string? Detail, string? Field);
