namespace DataCustody.Grains.Statements;

/// <summary>The stages a breach goes through, in order; a breach never goes back to an earlier one.</summary>
public static class BreachStatuses
{
    private static readonly string[] Order = [Reported, Investigating, Contained, Closed];

    /// <summary>Filed, not yet looked into.</summary>
    public const string Reported = "reported";

    /// <summary>Being looked into.</summary>
    public const string Investigating = "investigating";

    /// <summary>The exposure has stopped.</summary>
    public const string Contained = "contained";

    /// <summary>Done: nothing more will be added.</summary>
    public const string Closed = "closed";

    /// <summary>The statuses an update may name.</summary>
    public static IReadOnlyList<string> Updates { get; } = [Investigating, Contained, Closed];

    /// <summary>The severities a filer may judge a breach to have, mildest first.</summary>
    public static IReadOnlyList<string> Severities { get; } = ["low", "medium", "high", "critical"];

    /// <summary>The position of <paramref name="status"/> among the stages.</summary>
    public static int Rank(string status) => Array.IndexOf(Order, status);
}
