using DataCustody.Storage.Ledger;

namespace DataCustody.Storage.Custody;

/// <summary>
/// Writes the custody projections inside a ledger append transaction. Each method is one change
/// that one log entry makes; the projector calls them in entry order.
/// </summary>
public sealed class CustodyProjectionWriter(LedgerWrite write) : IDisposable
{
    private readonly ReusedCommands _commands = new(write.Connection, write.Transaction);

    public Task InsertProviderAsync(ProviderRow row) => InsertAsync(row, "providers");

    public Task InsertProviderKeyAsync(ProviderKeyRow row) => InsertAsync(row, "provider_keys");

    public Task RetireProviderKeyAsync(string providerId, string kid, long retiredAtMs) => ExecuteAsync(
        "UPDATE provider_keys SET retired_at_ms = @retiredAtMs WHERE provider_id = @providerId AND kid = @kid",
        new { providerId, kid, retiredAtMs });

    public Task InsertProfileAsync(ProfileRow row) => InsertAsync(row, "provider_profiles");

    public Task InsertTermsAsync(TermsRow row) => InsertAsync(row, "provider_terms");

    public Task InsertStatementAsync(StatementRow row) => InsertAsync(row, "statements");

    public Task InsertHandleAsync(HandleRow row) => InsertAsync(row, "handles");

    public Task InsertConsentRequestAsync(ConsentRequestRow row) => InsertAsync(row, "consent_requests");

    public Task DecideConsentRequestAsync(string requestId, string status, long decidedIndex) => ExecuteAsync(
        "UPDATE consent_requests SET status = @status, decided_index = @decidedIndex WHERE request_id = @requestId",
        new { requestId, status, decidedIndex });

    public Task InsertConsentAsync(ConsentRow row) => InsertAsync(row, "consents");

    public Task EndConsentAsync(string consentId, string status, long endedIndex) => ExecuteAsync(
        "UPDATE consents SET status = @status, ended_index = @endedIndex WHERE consent_id = @consentId",
        new { consentId, status, endedIndex });

    public Task InsertHopAsync(HopRow row) => InsertAsync(row, "hops");

    /// <summary>Adds the recipient's side to a hop the sender reported.</summary>
    public Task ConfirmHopAsync(long hopId, string recipientHandle, long receivedAtMs, long receivedIndex, string obtainedVia) => ExecuteAsync(
        "UPDATE hops SET recipient_handle = @recipientHandle, received_at_ms = @receivedAtMs, received_index = @receivedIndex, obtained_via = @obtainedVia WHERE hop_id = @hopId",
        new { hopId, recipientHandle, receivedAtMs, receivedIndex, obtainedVia });

    /// <summary>Adds the sender's side to a hop the recipient reported first.</summary>
    public Task CompleteHopAsync(HopRow senderSide) => ExecuteAsync(
        """
        UPDATE hops SET sender_handle = @SenderHandle, purposes = @Purposes, legal_basis = @LegalBasis,
            consent_id = @ConsentId, root_consent_id = @RootConsentId, terms_sha256 = @TermsSha256, sender_profile_version = @SenderProfileVersion,
            recipient_profile_version = @RecipientProfileVersion, transferred_at_ms = @TransferredAtMs,
            transfer_index = @TransferIndex
        WHERE hop_id = @HopId
        """,
        senderSide);

    public Task InsertHoldingAsync(HoldingRow row) => InsertAsync(row, "holdings");

    /// <summary>Sets what the copies that came by a hop depend on, once the sender reports the hop.</summary>
    public Task InheritHoldingsAsync(long hopId, string? rootConsentId, string? termsSha256) => ExecuteAsync(
        "UPDATE holdings SET root_consent_id = @rootConsentId, terms_sha256 = @termsSha256 WHERE via_hop = @hopId",
        new { hopId, rootConsentId, termsSha256 });

    /// <summary>Sets the consents that the copies of one category that came by a hop depend on instead.</summary>
    public Task InheritCategoryRootsAsync(long hopId, string category, string? rootConsentId, string? furtherRootConsentIds) => ExecuteAsync(
        """
        UPDATE holdings SET root_consent_id = @rootConsentId, further_root_consent_ids = @furtherRootConsentIds
        WHERE via_hop = @hopId AND category = @category
        """,
        new { hopId, category, rootConsentId, furtherRootConsentIds });

    /// <summary>
    /// Sets what the copies of one category that came by a hop depend on from the entry at <paramref name="handedDownIndex"/>
    /// on, which handed it down: the consents, and a basis of their own where <paramref name="ownBasis"/> (a hand-down only
    /// adds to what the copies stood on).
    /// </summary>
    public Task HandDownAsync(long hopId, string category, string? rootConsentId, string? furtherRootConsentIds, bool ownBasis, long handedDownIndex) => ExecuteAsync(
        """
        UPDATE holdings SET root_consent_id = @rootConsentId, further_root_consent_ids = @furtherRootConsentIds,
            on_own_basis = on_own_basis OR @ownBasis, handed_down_index = @handedDownIndex
        WHERE via_hop = @hopId AND category = @category
        """,
        new { hopId, category, rootConsentId, furtherRootConsentIds, ownBasis, handedDownIndex });

    /// <summary>Marks the copies of one category that came by a hop as standing on a basis of their own.</summary>
    public Task InheritOwnBasisAsync(long hopId, string category) => ExecuteAsync(
        "UPDATE holdings SET on_own_basis = @onOwnBasis WHERE via_hop = @hopId AND category = @category",
        new { hopId, category, onOwnBasis = true });

    /// <summary>Ends the holder's current copies of the categories and of every category beneath them.</summary>
    public async Task ReleaseHoldingsAsync(string holder, string handle, IReadOnlyList<string> categories, long releasedIndex, long releasedAtMs)
    {
        ArgumentNullException.ThrowIfNull(categories);
        // One category at a time keeps this a single reusable statement in both dialects. A fideslang key
        // is beneath another when it starts with it and a dot; substr rather than LIKE, whose _ would
        // match any character of keys such as user.financial.bank_account.
        foreach (var category in categories.Distinct())
        {
            await ExecuteAsync(
                """
                UPDATE holdings SET released_index = @releasedIndex, released_at_ms = @releasedAtMs
                WHERE holder = @holder AND handle = @handle AND released_index IS NULL
                    AND (category = @category OR substr(category, 1, length(@beneath)) = @beneath)
                """,
                new { holder, handle, category, beneath = category + ".", releasedIndex, releasedAtMs }).ConfigureAwait(false);
        }
    }

    public Task InsertObligationAsync(ObligationRow row) => InsertAsync(row, "obligations");

    public Task AnswerObligationAsync(string obligationId, long answeredIndex) => ExecuteAsync(
        "UPDATE obligations SET status = 'answered', answered_index = @answeredIndex WHERE obligation_id = @obligationId",
        new { obligationId, answeredIndex });

    public Task MarkObligationOverdueAsync(string obligationId, long overdueIndex) => ExecuteAsync(
        "UPDATE obligations SET status = 'overdue', overdue_index = @overdueIndex WHERE obligation_id = @obligationId",
        new { obligationId, overdueIndex });

    public Task InsertViolationAsync(ViolationRow row) => InsertAsync(row, "violations");

    public Task InsertBreachAsync(BreachRow row) => InsertAsync(row, "breaches");

    public Task InsertBreachEntryAsync(BreachEntryRow row) => InsertAsync(row, "breach_entries");

    public Task InsertBreachReviewAsync(BreachReviewRow row) => InsertAsync(row, "breach_reviews");

    /// <summary>Records an update: the stage reached, and the entry that reached it.</summary>
    public Task UpdateBreachAsync(string breachId, string status, long updatedIndex) => ExecuteAsync(
        "UPDATE breaches SET status = @status, updated_index = @updatedIndex WHERE breach_id = @breachId",
        new { breachId, status, updatedIndex });

    public Task MarkBreachAssessedAsync(string breachId, long assessedIndex) => ExecuteAsync(
        "UPDATE breaches SET assessed_index = @assessedIndex WHERE breach_id = @breachId",
        new { breachId, assessedIndex });

    public Task MarkBreachReviewedAsync(string obligationId, long reviewedIndex, long reviewedAtMs) => ExecuteAsync(
        "UPDATE breach_reviews SET reviewed_index = @reviewedIndex, reviewed_at_ms = @reviewedAtMs WHERE obligation_id = @obligationId",
        new { obligationId, reviewedIndex, reviewedAtMs });

    /// <inheritdoc />
    public void Dispose() => _commands.Dispose();

    private Task InsertAsync<TRow>(TRow row, string table)
        where TRow : notnull => ExecuteAsync(RowInsert<TRow>.Into(table), row);

    private Task ExecuteAsync<TParameters>(string sql, TParameters parameters)
        where TParameters : notnull => _commands.ExecuteAsync(sql, parameters);
}
