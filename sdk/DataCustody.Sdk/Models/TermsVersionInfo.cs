using System.Text.Json;

namespace DataCustody.Sdk.Models;

/// <summary>One model-contract terms document a provider declared.</summary>
/// <param name="Sha256">The SHA-256 of the terms' text.</param>
/// <param name="Version">The version number among the provider's terms.</param>
/// <param name="Title">The terms' title.</param>
/// <param name="DeletionDays">How soon data must be deleted once asked.</param>
/// <param name="OnwardTransferAllowed">Whether a recipient may pass the data on.</param>
/// <param name="DeclaredAt">When they were declared.</param>
/// <param name="EntryIndex">The log entry of the declaration.</param>
/// <param name="Statement">The declaring <c>provider.terms</c> statement's payload.</param>
public sealed record TermsVersionInfo(string Sha256, long Version, string Title, int DeletionDays, bool OnwardTransferAllowed, DateTimeOffset DeclaredAt, long EntryIndex, JsonElement Statement);
