namespace DataCustody.Grains.Statements;

/// <summary>What is wrong with one part of a statement payload.</summary>
/// <param name="Field">
/// The JSON path of the offending member, such as <c>categories[2]</c> or <c>terms.onwardTransfer.minimumLevel</c>,
/// or <see cref="Payload"/> when the payload as a whole is wrong.
/// </param>
/// <param name="Reason">Why, in a sentence that follows the field name: "must not be empty".</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.StatementError")]
public sealed record StatementError([property: Id(0)] string Field, [property: Id(1)] string Reason)
{
    /// <summary>The <see cref="Field"/> of an error in the payload as a whole (not JSON, not UTF-8, not an object).</summary>
    public const string Payload = "$";
}
