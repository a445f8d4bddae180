using DataCustody.Grains.Statements;

namespace DataCustody.Sdk.Models;

/// <summary>Whether, and to whom, the holder of a consent may pass the data on (JSON form of <see cref="OnwardTransfer"/>).</summary>
/// <param name="Allowed">Whether onward transfer is allowed at all.</param>
/// <param name="Recipients">Provider ids that may receive the data.</param>
/// <param name="MinimumLevel">The protection level (1-4) that qualifies any other recipient, if any.</param>
/// <param name="TermsSha256">Terms an onward transfer must be made under; empty means any.</param>
public sealed record OnwardTransferModel(bool Allowed, IReadOnlyList<string> Recipients, int? MinimumLevel, IReadOnlyList<string> TermsSha256)
{
    /// <summary>No onward transfer.</summary>
    public static OnwardTransferModel None { get; } = new(false, [], null, []);

    /// <summary>The JSON form of a statement's onward-transfer terms.</summary>
    public static OnwardTransferModel From(OnwardTransfer onward)
    {
        ArgumentNullException.ThrowIfNull(onward);
        return new OnwardTransferModel(onward.Allowed, [.. onward.Recipients], onward.MinimumLevel, [.. onward.TermsSha256]);
    }
}
