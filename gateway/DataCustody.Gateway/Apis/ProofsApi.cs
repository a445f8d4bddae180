using System.Buffers.Text;
using System.Security.Claims;
using DataCustody.Gateway.Apis.People;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataCustody.Gateway.Apis;

/// <summary>
/// The person's proof bundle: their own entries (every one their consents, requests, custody view,
/// obligations and inbox cite), each with its leaf and an inclusion proof to the latest checkpoint,
/// so that it verifies offline against the log's key.
/// </summary>
public static class ProofsApi
{
    /// <summary>Maps <c>/proofs</c> under the person's group.</summary>
    public static RouteGroupBuilder MapProofsApi(this RouteGroupBuilder me)
    {
        ArgumentNullException.ThrowIfNull(me);
        me.MapGet("/proofs", BundleAsync).WithName("GetMyProofs").WithSummary("The person's entries with inclusion proofs to the latest signed checkpoint, to verify offline.").WithTags("Proofs");
        return me;
    }

    /// <summary>The proof bundle of the person <paramref name="user"/> speaks for; a problem while the log has no checkpoint.</summary>
    internal static async Task<Results<Ok<ProofBundleResponse>, ProblemHttpResult>> BundleAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var ledger = grains.GetGrain<ILedgerGrain>(LedgerKey.Id);
        var checkpoint = await ledger.GetLatestCheckpoint();
        if (checkpoint is null)
        {
            return PeopleProblems.NoCheckpoint();
        }
        var verifierKey = await ledger.GetVerifierKey();
        var cited = await CitedIndices(grains.GetGrain<ICitizenGrain>(PersonId.Of(user)));
        var size = checkpoint.Size;
        var reader = grains.GetGrain<ILogReaderGrain>(0);
        var leaves = new List<LogLeaf>();
        foreach (var chunk in cited.Where(i => i < size).Chunk(LogReaderLimits.MaxLeaves))
        {
            leaves.AddRange(await reader.GetLeaves(chunk));
        }
        var proofs = await Task.WhenAll(leaves.Select(leaf => reader.GetInclusionProof(leaf.Index, size)));
        var entries = leaves.Select((leaf, i) => new ProofBundleEntryResponse(
            leaf.Index,
            Base64Url.EncodeToString(leaf.Leaf),
            [.. proofs[i].Select(hash => Base64Url.EncodeToString(hash))])).ToList();
        return TypedResults.Ok(new ProofBundleResponse(checkpoint.Note, verifierKey, size, entries, [.. cited.Where(i => i >= size)]));
    }

    /// <summary>Every entry index the person's records cite, ascending.</summary>
    private static async Task<SortedSet<long>> CitedIndices(ICitizenGrain citizen)
    {
        var consents = citizen.GetConsents();
        var requests = citizen.GetConsentRequests();
        var custody = citizen.GetCustodyView();
        var obligations = citizen.GetObligations();
        var inbox = citizen.GetInbox();
        await Task.WhenAll(consents, requests, custody, obligations, inbox);
        var cited = new SortedSet<long>();
        foreach (var consent in consents.Result)
        {
            cited.Add(consent.GrantedIndex);
            AddIf(cited, consent.EndedIndex);
        }
        foreach (var request in requests.Result)
        {
            cited.Add(request.RequestedIndex);
        }
        foreach (var holding in custody.Result.Holders.SelectMany(h => h.Holdings))
        {
            cited.UnionWith(holding.Evidence);
            cited.UnionWith(holding.Chain.SelectMany(hop => hop.Evidence));
        }
        foreach (var obligation in obligations.Result)
        {
            cited.Add(obligation.DueIndex);
            AddIf(cited, obligation.AnsweredIndex);
            AddIf(cited, obligation.OverdueIndex);
        }
        foreach (var message in inbox.Result)
        {
            AddIf(cited, message.EntryIndex);
        }
        return cited;
    }

    private static void AddIf(SortedSet<long> set, long? index)
    {
        if (index is { } i)
        {
            set.Add(i);
        }
    }
}
