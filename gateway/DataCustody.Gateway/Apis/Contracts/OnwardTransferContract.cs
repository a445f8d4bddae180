namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>Whether and to whom a holder may pass data on.</summary>
/// <param name="Allowed">Whether onward transfer is allowed at all.</param>
/// <param name="Recipients">0-50 named recipient provider ids (empty when not allowed).</param>
/// <param name="MinimumLevel">Optional, 1-4: any recipient declaring at least this protection level.</param>
/// <param name="TermsSha256">0-20 SHA-256 of terms an onward transfer must be made under; empty means any.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OnwardTransferContract(
    bool? Allowed,
    IReadOnlyList<string?>? Recipients,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MinimumLevel,
    IReadOnlyList<string?>? TermsSha256)
{
    internal static OnwardTransferContract From(OnwardTransfer onward) =>
        new(onward.Allowed, [.. onward.Recipients], onward.MinimumLevel, [.. onward.TermsSha256]);
}
