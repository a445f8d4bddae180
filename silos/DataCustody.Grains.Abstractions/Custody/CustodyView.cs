namespace DataCustody.Grains.Custody;

/// <summary>Where a holder's copy stands.</summary>
public enum HoldingStatus
{
    /// <summary>The holder has it.</summary>
    Holding,

    /// <summary>The holder reported deleting it.</summary>
    Deleted,

    /// <summary>The holder must delete it and the deadline has not passed.</summary>
    DeletionDue,

    /// <summary>The deadline to delete it passed.</summary>
    DeletionOverdue,
}

/// <summary>
/// A person's data as the log tells it: every holder along every hop, what each holds, since
/// when, how it got there, and the log entries that prove each fact.
/// </summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.CustodyView")]
public sealed record CustodyView(
    [property: Id(0)] IReadOnlyList<HolderView> Holders);

/// <summary>One holder of a person's data.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.HolderView")]
public sealed record HolderView(
    [property: Id(0)] string Holder,
    [property: Id(1)] IReadOnlyList<HoldingView> Holdings);

/// <summary>One category a holder got, and the chain of hops back to the person.</summary>
/// <param name="Category">The data category.</param>
/// <param name="Since">Since when the holder has had the category without a break: when it got the oldest copy it still holds, or, once deleted, the oldest copy that deletion ended.</param>
/// <param name="Until">When the holder deleted it, if it did.</param>
/// <param name="Status">Where the holder's copy stands.</param>
/// <param name="ProfileVersion">The holder's protection profile version in force when it got the latest copy.</param>
/// <param name="TermsSha256">The model-contract terms it got the latest copy under, if any.</param>
/// <param name="Chain">The hops the latest copy came by, from the collecting holder on.</param>
/// <param name="Evidence">The log entries that prove the holding.</param>
/// <param name="DependsOn">
/// The person's consents the holder's current copies of the category depend on, each once, the oldest copy's
/// first: a copy collected from the person depends on the consent it was collected under, and a copy passed on
/// depends on the consent the broker found allowing the transfer or, where it found none, on every consent the
/// sender's copy depended on. Once all of them have ended the holder must delete the category, unless it keeps it
/// <paramref name="OnOwnBasis"/> or a copy of a category above it (a holding of its own) keeps it lawful. None
/// once the holder deleted it, or when no consent stands beneath its copies.
/// </param>
/// <param name="OnOwnBasis">
/// Whether one of the holder's current copies of the category stands on a legal basis other than consent (a
/// contract, a legal obligation, ...): then no consent ending obliges the holder to delete the category.
/// </param>
/// <param name="EarlierCopies">
/// The holder's older copies of the category that it still holds beside the latest, the oldest first: the latest
/// copy's chain shows one route, and these the others by which the holder has the category. None once deleted.
/// </param>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.HoldingView")]
public sealed record HoldingView(
    [property: Id(0)] string Category,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] DateTimeOffset? Until,
    [property: Id(3)] HoldingStatus Status,
    [property: Id(4)] long? ProfileVersion,
    [property: Id(5)] string? TermsSha256,
    [property: Id(6)] IReadOnlyList<HopView> Chain,
    [property: Id(7)] IReadOnlyList<long> Evidence,
    [property: Id(8)] IReadOnlyList<string> DependsOn,
    [property: Id(9)] bool OnOwnBasis,
    [property: Id(10)] IReadOnlyList<CopyView> EarlierCopies);

/// <summary>An older copy of a category that its holder still holds beside the latest: when it got it, and how.</summary>
/// <param name="Since">When the holder got this copy.</param>
/// <param name="Chain">The hops this copy came by, from the collecting holder on; none when the holder collected it.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.CopyView")]
public sealed record CopyView(
    [property: Id(0)] DateTimeOffset Since,
    [property: Id(1)] IReadOnlyList<HopView> Chain);

/// <summary>One hop of a chain, from the person's side towards the holder.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.HopView")]
public sealed record HopView(
    [property: Id(0)] long HopId,
    [property: Id(1)] string From,
    [property: Id(2)] string To,
    [property: Id(3)] bool Confirmed,
    [property: Id(4)] string? LegalBasis,
    [property: Id(5)] string? ConsentId,
    [property: Id(9)] string? AllowedBy,
    [property: Id(6)] long? RecipientProfileVersion,
    [property: Id(7)] string? TermsSha256,
    [property: Id(8)] IReadOnlyList<long> Evidence);
