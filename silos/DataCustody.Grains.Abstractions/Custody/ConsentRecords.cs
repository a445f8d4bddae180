using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody;

/// <summary>Where a consent stands.</summary>
public enum ConsentStatus
{
    /// <summary>In force.</summary>
    Active,

    /// <summary>Withdrawn by the person.</summary>
    Revoked,

    /// <summary>Past its expiry.</summary>
    Expired,
}

/// <summary>A consent as its person sees it.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.ConsentView")]
public sealed record ConsentView(
    [property: Id(0)] string ConsentId,
    [property: Id(1)] string Holder,
    [property: Id(2)] string Handle,
    [property: Id(3)] ConsentTerms Terms,
    [property: Id(4)] ConsentStatus Status,
    [property: Id(5)] DateTimeOffset GrantedAt,
    [property: Id(6)] long GrantedIndex,
    [property: Id(7)] long? EndedIndex,
    [property: Id(8)] string? RequestId);

/// <summary>Where a consent request stands.</summary>
public enum ConsentRequestStatus
{
    /// <summary>Waiting for the person.</summary>
    Pending,

    /// <summary>Approved: a consent was granted.</summary>
    Approved,

    /// <summary>Rejected by the person.</summary>
    Rejected,
}

/// <summary>A provider's request for a consent.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.ConsentRequestView")]
public sealed record ConsentRequestView(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Holder,
    [property: Id(2)] ConsentTerms Terms,
    [property: Id(3)] ConsentRequestStatus Status,
    [property: Id(4)] long RequestedIndex);

/// <summary>"May this sender pass these categories of this person to that recipient for these purposes?"</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.TransferQuestion")]
public sealed record TransferQuestion(
    [property: Id(0)] string Sender,
    [property: Id(1)] string Handle,
    [property: Id(2)] string Recipient,
    [property: Id(3)] IReadOnlyList<string> Categories,
    [property: Id(4)] IReadOnlyList<string> Purposes,
    [property: Id(5)] string? TermsSha256);

/// <summary>The answer, with the consent that allows it or the reasons it is not allowed.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.TransferDecision")]
public sealed record TransferDecision(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] string? ConsentId,
    [property: Id(2)] IReadOnlyList<string> Reasons);
