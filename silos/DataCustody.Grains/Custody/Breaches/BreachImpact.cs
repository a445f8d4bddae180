using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody.Breaches;

/// <summary>
/// A breach's impact as computed from the projections: the figures, and, when asked for, each affected
/// person with their copies at the holder and where the holder had passed them on.
/// </summary>
/// <param name="Figures">The impact in figures.</param>
/// <param name="LowestLevel">The lowest protection level any affected copy was held at (0: none declared; 4 when nobody is affected).</param>
/// <param name="AppiSpecialCare">Whether special-care data (APPI art. 2(3)) of anyone is affected.</param>
/// <param name="Financial">Whether financial data (<c>user.financial</c>) of anyone is affected.</param>
/// <param name="Sources">Each provider the affected copies came from, with the number of people, unabridged.</param>
/// <param name="People">The affected people, when computed with people; empty otherwise.</param>
/// <param name="Names">The registered name of each provider named in the impact.</param>
public sealed record BreachImpact(
    BreachFigures Figures,
    int LowestLevel,
    bool AppiSpecialCare,
    bool Financial,
    IReadOnlyDictionary<string, int> Sources,
    IReadOnlyList<AffectedPerson> People,
    IReadOnlyDictionary<string, string> Names);

/// <summary>One affected person: the holder's handle for them and, while the broker still knows, who they are.</summary>
/// <param name="Handle">The breached holder's handle for the person.</param>
/// <param name="PersonId">The broker's person id; null once the person was forgotten.</param>
/// <param name="Copies">The copies the holder held in the window.</param>
/// <param name="PassedOn">Where the holder had passed the person's data before or during the window.</param>
public sealed record AffectedPerson(string Handle, string? PersonId, IReadOnlyList<AffectedCopy> Copies, IReadOnlyList<OnwardCopy> PassedOn);

/// <summary>A copy of one category at the breached holder.</summary>
/// <param name="Category">The data category.</param>
/// <param name="Sensitive">Whether the category is sensitive.</param>
/// <param name="Level">The holder's protection level when it got the copy (0: none declared).</param>
/// <param name="SourceHolder">Who passed it to the holder; null when collected from the person.</param>
/// <param name="SourceHandle">The source's handle for the person.</param>
/// <param name="TermsSha256">The terms it came under.</param>
public sealed record AffectedCopy(string Category, bool Sensitive, int Level, string? SourceHolder, string? SourceHandle, string? TermsSha256);

/// <summary>Data the breached holder had passed on to another provider.</summary>
/// <param name="Recipient">The provider it went to.</param>
/// <param name="RecipientHandle">The recipient's handle for the person, once known.</param>
/// <param name="Categories">The categories passed on that the breach involves.</param>
/// <param name="TermsSha256">The terms the hop named.</param>
public sealed record OnwardCopy(string Recipient, string? RecipientHandle, IReadOnlyList<string> Categories, string TermsSha256);
