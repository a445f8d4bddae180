namespace DataCustody.Sdk.Models;

/// <summary>Whether a consent is in force.</summary>
public enum ConsentStatus
{
    /// <summary>Granted and neither revoked nor expired.</summary>
    Active,

    /// <summary>Revoked by the person.</summary>
    Revoked,

    /// <summary>Past its expiry.</summary>
    Expired,
}
