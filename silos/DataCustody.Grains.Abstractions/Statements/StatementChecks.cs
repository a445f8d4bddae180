using System.Security.Cryptography;
using System.Text;
using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Statements;

/// <summary>
/// The rules that relate members of a statement to each other. They run on a statement whose members are
/// each valid, and report under the member that breaks the rule.
/// </summary>
internal static class StatementChecks
{
    /// <summary>Reports every rule <paramref name="statement"/> breaks.</summary>
    public static void Check(Statement statement, ParseErrors errors)
    {
        switch (statement)
        {
            case TermsDeclared terms when terms.Text is not null && Sha256Hex(terms.Text) != terms.Sha256:
                errors.Add("text", "must have the SHA-256 given in sha256");
                break;
            case DataCollected collected:
                CheckConsentId(collected.LegalBasis, collected.ConsentId, errors);
                break;
            case DataTransferred transferred:
                if (transferred.Recipient == transferred.Provider)
                {
                    errors.Add("recipient", "must not be the sending provider");
                }
                CheckConsentId(transferred.LegalBasis, transferred.ConsentId, errors);
                break;
            case DataReceived received when received.Sender == received.Provider:
                errors.Add("sender", "must not be the receiving provider");
                break;
            case ConsentRequested requested:
                CheckTerms(requested.Terms, requested.IssuedAt, errors);
                break;
            case ConsentGranted granted:
                CheckTerms(granted.Terms, granted.IssuedAt, errors);
                break;
            case ObligationDue due when due.DueAt <= due.IssuedAt:
                errors.Add("dueAt", "must be later than issuedAt");
                break;
            case ObligationOverdue overdue when overdue.DueAt > overdue.IssuedAt:
                errors.Add("dueAt", "must not be later than issuedAt");
                break;
            case BreachReported reported:
                CheckWindow(reported.Details, errors);
                break;
            case BreachFiled filed:
                CheckWindow(filed.Details, errors);
                break;
            case BreachReviewDue review when review.DueAt <= review.IssuedAt:
                errors.Add("dueAt", "must be later than issuedAt");
                break;
            case ProviderKeyAdded key when key.ValidUntil <= key.ValidFrom:
                errors.Add("validUntil", "must be later than validFrom");
                break;
        }
    }

    private static void CheckWindow(BreachDetails details, ParseErrors errors)
    {
        if (details.WindowUntil < details.WindowFrom)
        {
            errors.Add("windowUntil", "must not be before windowFrom");
        }
    }

    private static void CheckConsentId(LegalBasis basis, string? consentId, ParseErrors errors)
    {
        if (consentId is not null && basis != LegalBasis.Consent)
        {
            errors.Add("consentId", "is only allowed when legalBasis is consent");
        }
    }

    private static void CheckTerms(ConsentTerms terms, DateTimeOffset issuedAt, ParseErrors errors)
    {
        if (terms.ExpiresAt <= issuedAt)
        {
            errors.Add("terms.expiresAt", "must be later than issuedAt");
        }
        var onward = terms.OnwardTransfer;
        if (onward.Allowed)
        {
            if (onward.Recipients.Count == 0 && onward.MinimumLevel is null)
            {
                errors.Add("terms.onwardTransfer", "must name recipients or a minimumLevel when onward transfer is allowed");
            }
            return;
        }
        // A refusal that also names recipients or levels would be read differently by different readers.
        if (onward.Recipients.Count > 0)
        {
            errors.Add("terms.onwardTransfer.recipients", "must be empty when onward transfer is not allowed");
        }
        if (onward.MinimumLevel is not null)
        {
            errors.Add("terms.onwardTransfer.minimumLevel", "must be absent when onward transfer is not allowed");
        }
        if (onward.TermsSha256.Count > 0)
        {
            errors.Add("terms.onwardTransfer.termsSha256", "must be empty when onward transfer is not allowed");
        }
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
