namespace DataCustody.Sdk.Models;

/// <summary>A holder's duty to delete data of a person by a deadline, because a consent its copy depends on was revoked.</summary>
/// <param name="ObligationId">The obligation's id, which the answering <c>data.deleted</c> names.</param>
/// <param name="Holder">The provider that must delete.</param>
/// <param name="Handle">The holder's handle for the person.</param>
/// <param name="Categories">What to delete.</param>
/// <param name="ConsentId">The revoked consent that caused it.</param>
/// <param name="DueAt">The deadline.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="DueIndex">The log entry of its <c>obligation.due</c>.</param>
/// <param name="AnsweredIndex">The log entry of the deletion that answered it, if answered.</param>
/// <param name="OverdueIndex">The log entry of its <c>obligation.overdue</c>, if overdue.</param>
public sealed record Obligation(
    string ObligationId,
    string Holder,
    string Handle,
    IReadOnlyList<string> Categories,
    string ConsentId,
    DateTimeOffset DueAt,
    ObligationStatus Status,
    long DueIndex,
    long? AnsweredIndex,
    long? OverdueIndex);
