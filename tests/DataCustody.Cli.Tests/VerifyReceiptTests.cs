using System.Text;
using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Sdk;
using DataCustody.Sdk.Keys;
using DataCustody.Transparency.Codecs;
using DataCustody.Sdk.Receipts;
using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;

namespace DataCustody.Cli.Tests;

public sealed class VerifyReceiptTests : IDisposable
{
    private const string Origin = "receipts.test/log";
    private readonly TemporaryDirectory _directory = new();
    private readonly NoteSignerKey _logKey = NoteSignerKey.Generate(Origin);
    private readonly ProviderKey _shopKey = ProviderKey.Generate("shop-key-1");

    [Fact]
    public async Task Accepts_a_valid_receipt()
    {
        var receipt = await ReceiptAsync(index: 5, size: 12);

        var run = await VerifyAsync(receipt);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("VALID: statement st-5 of shop is entry 5", run.Output, StringComparison.Ordinal);
        Assert.Contains("at size 12", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_pinned_key_from_a_file()
    {
        var keyFile = _directory.File("log.pub");
        await File.WriteAllTextAsync(keyFile, _logKey.Verifier + "\n");
        var path = _directory.File("receipt.json");
        await File.WriteAllTextAsync(path, (await ReceiptAsync(0, 1)).ToJson());

        var run = await Custody.RunAsync("verify", "receipt", "--receipt", path, "--key-file", keyFile);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public async Task Rejects_a_receipt_whose_leaf_hash_was_changed()
    {
        var receipt = await ReceiptAsync(index: 5, size: 12);
        var tampered = receipt with { LeafHash = StrictBase64.EncodeUrl(MerkleHash.Leaf(Encoding.UTF8.GetBytes("another entry"))) };

        var run = await VerifyAsync(tampered);

        Assert.Equal(ExitCodes.ReceiptBadProof, run.ExitCode);
        Assert.Contains("INVALID (BAD INCLUSION PROOF)", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Rejects_a_receipt_relabelled_with_the_id_of_another_statement()
    {
        var receipt = await ReceiptAsync(index: 5, size: 12);

        var run = await VerifyAsync(receipt with { StatementId = "st-6" });

        Assert.Equal(ExitCodes.ReceiptEntryMismatch, run.ExitCode);
        Assert.Equal("INVALID (ENTRY MISMATCH): Entry 5 holds statement st-5 of shop, not statement st-6.", run.Error.Trim());
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Rejects_a_receipt_without_its_entry_saying_the_statement_is_not_proven()
    {
        var receipt = await ReceiptAsync(index: 5, size: 12);

        var run = await VerifyAsync(receipt with { Leaf = null });

        Assert.Equal(ExitCodes.ReceiptNoEntry, run.ExitCode);
        Assert.StartsWith("INVALID (NO ENTRY): Entry 5 is in the log, but the receipt does not carry the entry", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Rejects_a_receipt_whose_entry_index_was_changed()
    {
        var receipt = await ReceiptAsync(index: 5, size: 12);

        var moved = await VerifyAsync(receipt with { EntryIndex = 6 });
        var outside = await VerifyAsync(receipt with { EntryIndex = 12 });

        Assert.Equal(ExitCodes.ReceiptBadProof, moved.ExitCode);
        Assert.Equal(ExitCodes.ReceiptNotCovered, outside.ExitCode);
        Assert.Contains("INVALID (NOT COVERED)", outside.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_checkpoint_signed_by_another_key()
    {
        using var impostor = NoteSignerKey.Generate(Origin);
        var receipt = await ReceiptAsync(index: 5, size: 12, impostor);

        var run = await VerifyAsync(receipt);

        Assert.Equal(ExitCodes.BadCheckpoint, run.ExitCode);
        Assert.Contains("INVALID (BAD CHECKPOINT)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_text_that_is_not_a_receipt()
    {
        var path = _directory.File("receipt.json");
        await File.WriteAllTextAsync(path, "{\"statementId\": 3");

        var run = await Custody.RunAsync("verify", "receipt", "--receipt", path, "--key", _logKey.Verifier.ToString());

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("INVALID (MALFORMED RECEIPT)", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _logKey.Dispose();
        _shopKey.Dispose();
        _directory.Dispose();
    }

    private async Task<CustodyRun> VerifyAsync(Receipt receipt)
    {
        var path = _directory.File($"receipt-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, receipt.ToJson());
        return await Custody.RunAsync("verify", "receipt", "--receipt", path, "--key", _logKey.Verifier.ToString());
    }

    /// <summary>A receipt for entry <paramref name="index"/> of an honest log of <paramref name="size"/> entries, entry i holding the shop's statement st-i.</summary>
    private async Task<Receipt> ReceiptAsync(int index, int size, NoteSignerKey? signer = null)
    {
        var leaves = Enumerable.Range(0, size).Select(Entry).ToList();
        var tree = new InMemoryNodeSource();
        foreach (var leaf in leaves)
        {
            tree.Append(MerkleHash.Leaf(leaf));
        }
        var proof = await ProofPlan.Inclusion((ulong)index, (ulong)size).ReadAsync(tree);
        var note = new Checkpoint(Origin, (ulong)size, tree.Root()).Sign(signer ?? _logKey);
        return new Receipt($"st-{index}", index, StrictBase64.EncodeUrl(MerkleHash.Leaf(leaves[index])), size,
            [.. proof.Select(h => StrictBase64.EncodeUrl(h))], note, StrictBase64.EncodeUrl(leaves[index]));
    }

    /// <summary>The leaf the broker logs for the shop's profile statement st-<paramref name="index"/>.</summary>
    private byte[] Entry(int index)
    {
        var statement = new ProfileDeclared($"st-{index}", new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero), "shop", 2, true, true, false, true, [], ["JP"], 365, []);
        return new LogEntry(statement.Type, 1_775_000_000_000, "shop", SignedStatement.Sign(statement, _shopKey).Jws, null).ToLeaf();
    }
}
