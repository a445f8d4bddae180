using DataCustody.Grains.Statements;

namespace DataCustody.Sdk.Models;

/// <summary>What a consent allows (JSON form of <see cref="ConsentTerms"/>).</summary>
/// <param name="Categories">fideslang data category keys; a key includes its descendants.</param>
/// <param name="Purposes">fideslang data use keys; a key includes its descendants.</param>
/// <param name="OnwardTransfer">Whether and to whom the holder may pass the data on.</param>
/// <param name="RetentionDays">How long, in days, the holder may keep the data.</param>
/// <param name="ExpiresAt">When the consent ends unless revoked earlier.</param>
public sealed record ConsentTermsModel(
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Purposes,
    OnwardTransferModel OnwardTransfer,
    int RetentionDays,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The JSON form of a statement's consent terms.</summary>
    public static ConsentTermsModel From(ConsentTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new ConsentTermsModel([.. terms.Categories], [.. terms.Purposes], OnwardTransferModel.From(terms.OnwardTransfer), terms.RetentionDays, terms.ExpiresAt);
    }
}
