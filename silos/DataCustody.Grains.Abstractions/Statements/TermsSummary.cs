namespace DataCustody.Grains.Statements;

/// <summary>The machine-readable summary of model-contract terms.</summary>
/// <param name="OnwardTransferAllowed">Whether a recipient under these terms may pass the data on.</param>
/// <param name="BreachNotificationHours">How soon, in hours (1-8760), a breach must be notified.</param>
/// <param name="DeletionDays">How soon, in days (0-3650), data must be deleted once asked.</param>
/// <param name="GoverningJurisdiction">The ISO 3166-1 alpha-2 code of the governing law.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.TermsSummary")]
public sealed record TermsSummary(
    [property: Id(0)] bool OnwardTransferAllowed,
    [property: Id(1)] int BreachNotificationHours,
    [property: Id(2)] int DeletionDays,
    [property: Id(3)] string GoverningJurisdiction);
