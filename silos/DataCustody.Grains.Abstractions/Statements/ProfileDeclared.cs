namespace DataCustody.Grains.Statements;

/// <summary>
/// <c>provider.profile</c>: a provider declares its protection profile. Each declaration is a new version;
/// a hop records the version in force when it happened.
/// </summary>
/// <param name="Id">Unique per provider; a statement repeated with the same id is a retry.</param>
/// <param name="IssuedAt">When the provider made the statement.</param>
/// <param name="Provider">The id of the issuing provider.</param>
/// <param name="Level">The declared protection level, 1 (basic) to 4 (highest).</param>
/// <param name="EncryptionAtRest">Whether stored data is encrypted.</param>
/// <param name="EncryptionInTransit">Whether data is encrypted in transit.</param>
/// <param name="Pseudonymisation">Whether data is pseudonymised where it is processed.</param>
/// <param name="AccessLogging">Whether access to the data is logged.</param>
/// <param name="Certifications">Certifications held (0-20).</param>
/// <param name="StorageJurisdictions">ISO 3166-1 alpha-2 codes of the countries where data is stored (1-20).</param>
/// <param name="RetentionDays">How long, in days (0-36500), data is kept by default.</param>
/// <param name="Subprocessors">Provider ids or names (up to 200 characters) of subprocessors (0-50).</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ProfileDeclared")]
public sealed record ProfileDeclared(
    string Id,
    DateTimeOffset IssuedAt,
    string Provider,
    [property: Id(0)] int Level,
    [property: Id(1)] bool EncryptionAtRest,
    [property: Id(2)] bool EncryptionInTransit,
    [property: Id(3)] bool Pseudonymisation,
    [property: Id(4)] bool AccessLogging,
    [property: Id(5)] EquatableArray<Certification> Certifications,
    [property: Id(6)] EquatableArray<string> StorageJurisdictions,
    [property: Id(7)] int RetentionDays,
    [property: Id(8)] EquatableArray<string> Subprocessors) : ProviderStatement(Id, IssuedAt, Provider)
{
    /// <inheritdoc/>
    public override string Type => StatementTypes.ProviderProfile;
}
