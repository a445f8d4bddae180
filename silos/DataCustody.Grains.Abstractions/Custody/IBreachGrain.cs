using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody;

/// <summary>
/// One breach, keyed by its breach id: its filing and updates, and the broker's assessment of its impact,
/// which tells the people affected and the providers upstream.
/// </summary>
[Alias("DataCustody.Custody.IBreachGrain")]
public interface IBreachGrain : IGrainWithStringKey
{
    /// <summary>Files the breach on a regulator's behalf; filing an id twice is refused.</summary>
    [Alias("File")]
    Task<BreachView> File(string holder, BreachDetails details);

    /// <summary>
    /// Records a breached provider's <c>breach.reported</c> or <c>breach.updated</c>, or an upstream provider's
    /// <c>breach.reviewed</c>, which its provider grain checked.
    /// </summary>
    [Alias("Record")]
    Task<StatementOutcome> Record(SubmittedStatement statement);

    /// <summary>Updates the breach on a regulator's behalf.</summary>
    [Alias("Revise")]
    Task<BreachView> Revise(BreachChanges changes);

    /// <summary>The breach, or null when no breach has this id.</summary>
    [Alias("Get")]
    Task<BreachView?> Get();

    /// <summary>The impact and duties as the log stands now, computed without logging or telling anyone.</summary>
    [Alias("PreviewImpact")]
    Task<BreachAssessment> PreviewImpact();

    /// <summary>
    /// Computes the impact, logs it as a signed <c>breach.assessed</c> report, sends each affected person one
    /// message and gives each upstream provider a review obligation (once per breach).
    /// </summary>
    [Alias("Assess")]
    Task<BreachView> Assess();
}
