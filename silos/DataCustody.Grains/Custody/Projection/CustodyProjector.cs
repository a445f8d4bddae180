using DataCustody.Storage.Custody;
using DataCustody.Storage.Ledger;

namespace DataCustody.Grains.Custody.Projection;

/// <summary>Writes the custody projections of every appended entry inside the append transaction.</summary>
public sealed class CustodyProjector(DecodedLeaves leaves) : ILedgerProjector
{
    /// <inheritdoc />
    public async Task ProjectAsync(LedgerWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var writer = new CustodyProjectionWriter(write);
        foreach (var entry in write.Entries)
        {
            if (leaves.Open(entry.Index, entry.LeafHash, entry.Leaf) is not { } decoded)
            {
                continue;
            }
            foreach (var change in EntryProjection.Changes(decoded))
            {
                await ApplyAsync(writer, change).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes one change.</summary>
    public static Task ApplyAsync(CustodyProjectionWriter writer, ProjectionChange change)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return change switch
        {
            RowAdded { Row: ProviderRow row } => writer.InsertProviderAsync(row),
            RowAdded { Row: ProviderKeyRow row } => writer.InsertProviderKeyAsync(row),
            RowAdded { Row: ProfileRow row } => writer.InsertProfileAsync(row),
            RowAdded { Row: TermsRow row } => writer.InsertTermsAsync(row),
            RowAdded { Row: StatementRow row } => writer.InsertStatementAsync(row),
            RowAdded { Row: HandleRow row } => writer.InsertHandleAsync(row),
            RowAdded { Row: ConsentRequestRow row } => writer.InsertConsentRequestAsync(row),
            RowAdded { Row: ConsentRow row } => writer.InsertConsentAsync(row),
            RowAdded { Row: HopRow row } => writer.InsertHopAsync(row),
            RowAdded { Row: HoldingRow row } => writer.InsertHoldingAsync(row),
            RowAdded { Row: ObligationRow row } => writer.InsertObligationAsync(row),
            RowAdded { Row: ViolationRow row } => writer.InsertViolationAsync(row),
            RowAdded { Row: BreachRow row } => writer.InsertBreachAsync(row),
            RowAdded { Row: BreachEntryRow row } => writer.InsertBreachEntryAsync(row),
            RowAdded { Row: BreachReviewRow row } => writer.InsertBreachReviewAsync(row),
            KeyRetired c => writer.RetireProviderKeyAsync(c.ProviderId, c.Kid, c.RetiredAtMs),
            RequestDecided c => writer.DecideConsentRequestAsync(c.RequestId, c.Status, c.DecidedIndex),
            ConsentEnded c => writer.EndConsentAsync(c.ConsentId, c.Status, c.EndedIndex),
            HopConfirmed c => writer.ConfirmHopAsync(c.HopId, c.RecipientHandle, c.ReceivedAtMs, c.ReceivedIndex, c.ObtainedVia),
            HopCompleted c => writer.CompleteHopAsync(c.SenderSide),
            HoldingsInherited c => InheritAsync(writer, c),
            CopiesHandedDown c => HandDownAsync(writer, c),
            HoldingsReleased c => writer.ReleaseHoldingsAsync(c.Holder, c.Handle, c.Categories, c.ReleasedIndex, c.ReleasedAtMs),
            ObligationAnswered c => writer.AnswerObligationAsync(c.ObligationId, c.AnsweredIndex),
            ObligationWentOverdue c => writer.MarkObligationOverdueAsync(c.ObligationId, c.OverdueIndex),
            BreachStageReached c => writer.UpdateBreachAsync(c.BreachId, c.Status, c.UpdatedIndex),
            BreachAssessedAt c => writer.MarkBreachAssessedAsync(c.BreachId, c.AssessedIndex),
            BreachReviewAnswered c => writer.MarkBreachReviewedAsync(c.ObligationId, c.ReviewedIndex, c.ReviewedAtMs),
            _ => throw new InvalidOperationException($"No projection for {change}."),
        };
    }

    // The same copies as PersonModel gives the consents of HoldingRoots.For: every copy by the hop the
    // transfer's consent, then the categories that inherit theirs; and the basis of HoldingRoots.OnOwnBasis
    // to the categories it names (the receipt made every copy standing on none).
    private static async Task InheritAsync(CustodyProjectionWriter writer, HoldingsInherited change)
    {
        await writer.InheritHoldingsAsync(change.HopId, change.RootConsentId, change.TermsSha256).ConfigureAwait(false);
        foreach (var roots in change.Inherited ?? [])
        {
            var (first, further) = HoldingRoots.Columns(roots.Consents);
            await writer.InheritCategoryRootsAsync(change.HopId, roots.Category, first, further).ConfigureAwait(false);
        }
        foreach (var category in change.OwnBasis ?? [])
        {
            await writer.InheritOwnBasisAsync(change.HopId, category).ConfigureAwait(false);
        }
    }

    // The same copies and values as PersonModel gives: by category, every copy by the hop its consents, its basis
    // where it stands on one of its own, and the entry that handed them down.
    private static async Task HandDownAsync(CustodyProjectionWriter writer, CopiesHandedDown change)
    {
        foreach (var inherited in change.Categories)
        {
            var (first, further) = HoldingRoots.Columns(inherited.Consents);
            await writer.HandDownAsync(change.HopId, inherited.Category, first, further, inherited.OwnBasis, change.HandedDownIndex).ConfigureAwait(false);
        }
    }
}
