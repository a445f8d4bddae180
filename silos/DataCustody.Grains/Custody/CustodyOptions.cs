namespace DataCustody.Grains.Custody;

/// <summary>Rules of the custody domain that the operator may tune.</summary>
public sealed class CustodyOptions
{
    /// <summary>The deletion deadline after a revocation when the terms in force name none.</summary>
    public int DefaultDeletionDays { get; set; } = 30;

    /// <summary>How long an upstream provider has to review what it passed to a breached holder.</summary>
    public int BreachReviewDays { get; set; } = 14;

    /// <summary>How far in the future a statement's issued-at may lie before it is refused.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often passed deadlines are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most deadlines one sweep logs; the next sweep takes the rest.</summary>
    public int SweepBatch { get; set; } = 500;
}
