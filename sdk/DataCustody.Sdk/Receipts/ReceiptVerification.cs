using DataCustody.Transparency.Checkpoints;

namespace DataCustody.Sdk.Receipts;

/// <summary>A receipt that verified: its entry, which holds this provider's statement of this id, is in the log that the checkpoint commits to.</summary>
/// <param name="StatementId">The statement the receipt is for, as its entry holds it.</param>
/// <param name="Provider">The provider whose statement it is, as its entry holds it.</param>
/// <param name="EntryIndex">The entry that holds it.</param>
/// <param name="Checkpoint">The verified checkpoint (origin, tree size, root).</param>
public sealed record ReceiptVerification(string StatementId, string Provider, long EntryIndex, Checkpoint Checkpoint);
