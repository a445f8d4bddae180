using System.Text.Json;

namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>One version of a provider's model-contract terms.</summary>
/// <param name="Sha256">The SHA-256 of the terms' text, lower-case hex.</param>
/// <param name="Version">The version, from 1.</param>
/// <param name="Title">The terms' title.</param>
/// <param name="DeletionDays">How soon data must be deleted once asked.</param>
/// <param name="OnwardTransferAllowed">Whether a recipient under these terms may pass the data on.</param>
/// <param name="DeclaredAt">When the provider declared them.</param>
/// <param name="EntryIndex">The log entry of the declaration.</param>
/// <param name="Statement">The <c>provider.terms</c> statement payload as logged.</param>
public sealed record TermsVersionResponse(
    string Sha256, long Version, string Title, int DeletionDays, bool OnwardTransferAllowed, DateTimeOffset DeclaredAt, long EntryIndex, JsonElement Statement)
{
    internal static TermsVersionResponse From(TermsVersion terms) => new(
        terms.Sha256, terms.Version, terms.Title, terms.DeletionDays, terms.OnwardTransferAllowed, terms.DeclaredAt, terms.EntryIndex,
        JsonPayload.Parse(terms.Statement));
}
