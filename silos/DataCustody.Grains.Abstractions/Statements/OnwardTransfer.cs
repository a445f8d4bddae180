namespace DataCustody.Grains.Statements;

/// <summary>
/// Whether, and to whom, a holder may pass on data it received under a consent: named
/// <see cref="Recipients"/>, or any recipient whose declared protection level is at least
/// <see cref="MinimumLevel"/>; either way under one of <see cref="TermsSha256"/> when that is not empty.
/// </summary>
/// <param name="Allowed">Whether onward transfer is allowed at all; when not, the other members are empty.</param>
/// <param name="Recipients">Provider ids that may receive the data (0-50).</param>
/// <param name="MinimumLevel">The protection level (1-4) that qualifies any other recipient, if any.</param>
/// <param name="TermsSha256">The model-contract terms an onward transfer must be made under (0-20); empty means any.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.OnwardTransfer")]
public sealed record OnwardTransfer(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] EquatableArray<string> Recipients,
    [property: Id(2)] int? MinimumLevel,
    [property: Id(3)] EquatableArray<string> TermsSha256);
