using DataCustody.Grains.Custody;

namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// What the generator learns about a person from the broker as their steps run: the handle each
/// provider knows them by, their consents, and the obligations their revocation created. Only the
/// person's own step touches it, and a person takes one step a day.
/// </summary>
internal sealed class PersonState
{
    public Dictionary<int, string> Handles { get; } = [];

    /// <summary>The consent given to each collector.</summary>
    public Dictionary<int, string> Consents { get; } = [];

    /// <summary>The deletion obligations of the person's revocation, in a fixed order.</summary>
    public IReadOnlyList<ObligationView> Obligations { get; set; } = [];
}
