using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody;

/// <summary>
/// "Is this transfer allowed", asked of the person's grain directly. The handle's owner is found
/// here, beside the caller, instead of by way of the provider's grain: a check is one grain call,
/// not two.
/// </summary>
public sealed class TransferChecks(HandleOwners owners, GrainReferences references)
{
    /// <summary>The answer to <paramref name="question"/>, which its sender asks.</summary>
    /// <exception cref="ArgumentException">The handle is not one the broker issued to the sender.</exception>
    public Task<TransferDecision> CheckAsync(TransferQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var person = PersonAsync(question.Sender, question.Handle);
        // A remembered owner is found at once: the person's own task is returned, without a state
        // machine of this method's own to allocate.
        return person.IsCompletedSuccessfully ? Ask(person.Result, question) : AskAsync(person, question);
    }

    private static Task<TransferDecision> Ask(ICitizenGrain? person, TransferQuestion question) =>
        person?.CheckTransfer(question)
            ?? Task.FromException<TransferDecision>(new ArgumentException($"{question.Handle} is not a handle of {question.Sender}.", nameof(question)));

    private static async Task<TransferDecision> AskAsync(ValueTask<ICitizenGrain?> person, TransferQuestion question) =>
        await Ask(await person, question);

    private async ValueTask<ICitizenGrain?> PersonAsync(string sender, string handle)
    {
        if (await owners.OwnerAsync(handle) is not { } owner || owner.ProviderId != sender)
        {
            return null;
        }
        return references.Citizen(owner.PersonId);
    }
}
