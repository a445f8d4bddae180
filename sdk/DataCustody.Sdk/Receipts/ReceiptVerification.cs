using DataCustody.Transparency.Checkpoints;

namespace DataCustody.Sdk.Receipts;

/// <summary>A receipt that verified: its entry is in the log that the checkpoint commits to.</summary>
/// <param name="StatementId">The statement the receipt is for.</param>
/// <param name="EntryIndex">The entry that holds it.</param>
/// <param name="Checkpoint">The verified checkpoint (origin, tree size, root).</param>
public sealed record ReceiptVerification(string StatementId, long EntryIndex, Checkpoint Checkpoint);
