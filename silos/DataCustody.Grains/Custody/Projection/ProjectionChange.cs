using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody.Projection;

/// <summary>
/// One change a log entry makes to the custody projections. The projector writes changes to the
/// database inside the append transaction; grains apply the same changes to their memory, so
/// both always agree.
/// </summary>
public abstract record ProjectionChange;

/// <summary>A new row of one of the projection tables.</summary>
public sealed record RowAdded(object Row) : ProjectionChange;

/// <summary>A key stops signing.</summary>
public sealed record KeyRetired(string ProviderId, string Kid, long RetiredAtMs) : ProjectionChange;

/// <summary>A consent request was approved or rejected.</summary>
public sealed record RequestDecided(string RequestId, string Status, long DecidedIndex) : ProjectionChange;

/// <summary>A consent was revoked or expired.</summary>
public sealed record ConsentEnded(string ConsentId, string Status, long EndedIndex) : ProjectionChange;

/// <summary>The recipient confirmed a hop the sender reported.</summary>
public sealed record HopConfirmed(long HopId, string RecipientHandle, long ReceivedAtMs, long ReceivedIndex, string ObtainedVia) : ProjectionChange;

/// <summary>The sender reported a hop the recipient had reported first.</summary>
public sealed record HopCompleted(HopRow SenderSide) : ProjectionChange;

/// <summary>
/// The sender reported a hop the recipient had reported first: the recipient's copies now depend
/// on the consent and terms the transfer names, or on the consents they inherit from the sender's
/// copies of their category (see <see cref="HoldingRoots.For"/>), and those of the categories in
/// <see cref="OwnBasis"/> stand on the transfer's basis (see <see cref="HoldingRoots.OnOwnBasis"/>).
/// </summary>
public sealed record HoldingsInherited(
    long HopId, string? RootConsentId, IReadOnlyList<InheritedRoots>? Inherited, IReadOnlyList<string>? OwnBasis, string? TermsSha256) : ProjectionChange;

/// <summary>
/// A transfer reported after its receipt handed down to copies passed on in the meantime what they depend on
/// (a <c>holdings.inherited</c> entry, at <see cref="HandedDownIndex"/>): the copies of each category that came
/// by the hop now depend on the consents named, and stand on a basis of their own where it says so.
/// </summary>
public sealed record CopiesHandedDown(long HopId, IReadOnlyList<InheritedCategory> Categories, long HandedDownIndex) : ProjectionChange;

/// <summary>A holder's current copies of categories ended.</summary>
public sealed record HoldingsReleased(string Holder, string Handle, IReadOnlyList<string> Categories, long ReleasedIndex, long ReleasedAtMs) : ProjectionChange;

/// <summary>A holder answered an obligation.</summary>
public sealed record ObligationAnswered(string ObligationId, long AnsweredIndex) : ProjectionChange;

/// <summary>An obligation's deadline passed unanswered.</summary>
public sealed record ObligationWentOverdue(string ObligationId, long OverdueIndex) : ProjectionChange;

/// <summary>A breach reached a stage (reported, investigating, contained, closed).</summary>
public sealed record BreachStageReached(string BreachId, string Status, long UpdatedIndex) : ProjectionChange;

/// <summary>The broker assessed a breach.</summary>
public sealed record BreachAssessedAt(string BreachId, long AssessedIndex) : ProjectionChange;

/// <summary>An upstream provider answered the review asked of it.</summary>
public sealed record BreachReviewAnswered(string ObligationId, long ReviewedIndex, long ReviewedAtMs) : ProjectionChange;
