namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// Something that happens to one person's data on one day. A person takes at most one step a
/// day, so each step is judged against everything their earlier steps recorded.
/// </summary>
internal abstract record PersonStep(int Day);

/// <summary>A provider collects categories under a consent that names the recipients it will pass them to.</summary>
internal sealed record Collection(int Collector, IReadOnlyList<string> Categories, IReadOnlyList<string> Purposes, IReadOnlyList<int> ConsentedRecipients);

/// <summary>The person signs up: grants each collector a consent, and the collectors report collecting.</summary>
internal sealed record JoinStep(int Day, IReadOnlyList<Collection> Collections) : PersonStep(Day);

/// <summary>How much of a hop the two providers report.</summary>
internal enum HopReport
{
    /// <summary>data.transferred by the sender and data.received by the recipient.</summary>
    Both,

    /// <summary>Only the sender reports; the hop stays unconfirmed.</summary>
    SenderOnly,

    /// <summary>Only the recipient reports, naming a transfer the sender never reported.</summary>
    RecipientOnly,
}

/// <summary>
/// One hop. A collector passes data on under the person's consent (<paramref name="Unconsented"/>
/// when the consent does not name the recipient: the broker records and flags it); a holder further
/// down passes it on under its contract with the sender, and the copy depends on the sender's consent.
/// </summary>
internal sealed record HopStep(
    int Day, int Sender, int Recipient, IReadOnlyList<string> Categories, IReadOnlyList<string> Purposes, HopReport Report, bool UnderConsent, bool Unconsented)
    : PersonStep(Day);

/// <summary>A holder deletes some categories of its own accord (its retention ran out).</summary>
internal sealed record DeleteStep(int Day, int Holder, IReadOnlyList<string> Categories) : PersonStep(Day);

/// <summary>The person revokes their consent to a collector: every copy that depends on it becomes a deletion obligation.</summary>
internal sealed record RevokeStep(int Day, int Collector) : PersonStep(Day);

/// <summary>Holders answer some of the obligations of the revocation with data.deleted; <paramref name="Salt"/> decides which.</summary>
internal sealed record AnswerStep(int Day, int Salt) : PersonStep(Day);

/// <summary>Everything that happens to one person's data, in order of days.</summary>
internal sealed record PersonPlan(int Index, IReadOnlyList<PersonStep> Steps)
{
    public string PersonId => $"gen-{Index:0000000}";
}
