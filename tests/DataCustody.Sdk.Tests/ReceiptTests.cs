using System.Text;
using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Sdk.Keys;
using DataCustody.Sdk.Receipts;
using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;

namespace DataCustody.Sdk.Tests;

public sealed class ReceiptTests : IDisposable
{
    private const string Origin = "log.receipts.example";
    private readonly NoteSignerKey _logKey = NoteSignerKey.Generate(Origin);
    private readonly NoteSignerKey _otherKey = NoteSignerKey.Generate(Origin);
    private readonly ProviderKey _shopKey = ProviderKey.Generate("shop-key-1");

    public void Dispose()
    {
        _logKey.Dispose();
        _otherKey.Dispose();
        _shopKey.Dispose();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 2)]
    [InlineData(5, 6)]
    [InlineData(6, 13)]
    [InlineData(12, 13)]
    [InlineData(31, 64)]
    public async Task A_valid_receipt_verifies_and_survives_json(int index, int size)
    {
        var receipt = await ReceiptAsync(index, size);

        var verified = receipt.Verify(_logKey.Verifier);
        var reread = Receipt.Verify(receipt.ToJson(), _logKey.Verifier);

        Assert.Equal((ulong)size, verified.Checkpoint.Size);
        Assert.Equal(index, reread.EntryIndex);
        Assert.Equal($"stmt-{index}", reread.StatementId);
        Assert.Equal("shop", reread.Provider);
        Assert.Equal(receipt, Receipt.FromJson(receipt.ToJson()) with { InclusionProof = receipt.InclusionProof });
    }

    [Fact]
    public async Task The_json_names_each_part()
    {
        var json = (await ReceiptAsync(3, 10)).ToJson();

        foreach (var member in new[] { "statementId", "entryIndex", "leafHash", "treeSize", "inclusionProof", "checkpoint", "leaf" })
        {
            Assert.Contains($"\"{member}\":", json, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_flipped_bit_in_the_proof_fails(int element)
    {
        var receipt = await ReceiptAsync(6, 13);
        var proof = receipt.InclusionProof.ToList();
        proof[element] = Flip(proof[element]);

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { InclusionProof = proof }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.BadInclusionProof, failure.Failure);
    }

    [Fact]
    public async Task A_flipped_bit_in_the_leaf_hash_fails()
    {
        var receipt = await ReceiptAsync(6, 13);

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { LeafHash = Flip(receipt.LeafHash) }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.BadInclusionProof, failure.Failure);
    }

    [Fact]
    public async Task Another_entry_index_fails()
    {
        var receipt = await ReceiptAsync(6, 13);

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { EntryIndex = 7 }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.BadInclusionProof, failure.Failure);
    }

    [Fact]
    public async Task A_receipt_relabelled_with_the_id_of_another_statement_fails()
    {
        var receipt = await ReceiptAsync(6, 13);

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { StatementId = "stmt-7" }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.EntryMismatch, failure.Failure);
        Assert.Equal("Entry 6 holds statement stmt-6 of shop, not statement stmt-7.", failure.Message);
    }

    [Fact]
    public async Task An_entry_that_does_not_hash_to_the_leaf_hash_fails()
    {
        var receipt = await ReceiptAsync(6, 13);
        var seventh = StrictBase64.EncodeUrl(ShopEntry(7));

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { StatementId = "stmt-7", Leaf = seventh }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.EntryMismatch, failure.Failure);
        Assert.Contains("does not hash to its leaf hash", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_that_holds_no_statement_fails()
    {
        var receipt = await ReceiptAsync(6, 13, leafAt: i => Encoding.UTF8.GetBytes($"entry {i}"));

        var failure = Assert.Throws<ReceiptVerificationException>(() => receipt.Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.EntryMismatch, failure.Failure);
        Assert.Contains("does not hold a signed statement", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_logged_for_another_provider_than_its_statement_names_fails()
    {
        var receipt = await ReceiptAsync(6, 13, leafAt: i => Entry("delivery", SdkHost.Collected($"stmt-{i}")));

        var failure = Assert.Throws<ReceiptVerificationException>(() => receipt.Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.EntryMismatch, failure.Failure);
        Assert.Equal("Entry 6 was logged for delivery, but its statement names provider shop.", failure.Message);
    }

    [Fact]
    public async Task A_receipt_without_its_entry_is_read_but_does_not_prove_its_statement()
    {
        var receipt = await ReceiptAsync(6, 13);
        // As receipts were written before they carried the entry.
        var old = receipt.ToJson().Replace($",\"leaf\":\"{receipt.Leaf}\"", "", StringComparison.Ordinal);

        var read = Receipt.FromJson(old);
        var failure = Assert.Throws<ReceiptVerificationException>(() => read.Verify(_logKey.Verifier));

        Assert.Null(read.Leaf);
        Assert.Equal(ReceiptFailure.NoEntry, failure.Failure);
        Assert.StartsWith("Entry 6 is in the log, but the receipt does not carry the entry, so nothing shows that it holds statement stmt-6.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(ReceiptFailure.BadInclusionProof, Assert.Throws<ReceiptVerificationException>(() => (read with { EntryIndex = 7 }).Verify(_logKey.Verifier)).Failure);
    }

    [Fact]
    public async Task A_leaf_that_is_not_base64url_is_malformed()
    {
        var receipt = await ReceiptAsync(6, 13);

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { Leaf = receipt.Leaf + "=" }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.Malformed, failure.Failure);
    }

    [Fact]
    public async Task A_flipped_bit_in_the_checkpoint_signature_fails()
    {
        var receipt = await ReceiptAsync(6, 13);
        var lines = receipt.Checkpoint.Split('\n');
        var signatureLine = Array.FindIndex(lines, l => l.StartsWith("\u2014 ", StringComparison.Ordinal));
        var parts = lines[signatureLine].Split(' ');
        var signature = Convert.FromBase64String(parts[2]);
        signature[^1] ^= 1;
        lines[signatureLine] = $"{parts[0]} {parts[1]} {Convert.ToBase64String(signature)}";

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { Checkpoint = string.Join('\n', lines) }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.BadCheckpoint, failure.Failure);
        Assert.Contains("does not verify", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_root_in_the_checkpoint_fails()
    {
        var receipt = await ReceiptAsync(6, 13);
        var lines = receipt.Checkpoint.Split('\n');
        lines[2] = Convert.ToBase64String(Convert.FromBase64String(lines[2]).Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray());

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { Checkpoint = string.Join('\n', lines) }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.BadCheckpoint, failure.Failure);
    }

    [Fact]
    public async Task A_checkpoint_signed_by_another_key_fails()
    {
        var receipt = await ReceiptAsync(6, 13, signer: _otherKey);

        var failure = Assert.Throws<ReceiptVerificationException>(() => receipt.Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.BadCheckpoint, failure.Failure);
        Assert.False(receipt.TryVerify(_logKey.Verifier, out var reason));
        Assert.Contains("No signature", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_of_another_log_signed_by_the_pinned_key_fails()
    {
        var receipt = await ReceiptAsync(6, 13, origin: "some.other.log");

        var failure = Assert.Throws<ReceiptVerificationException>(() => receipt.Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.BadCheckpoint, failure.Failure);
        Assert.Contains($"The origin 'some.other.log' is not '{Origin}'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verifying_with_another_key_fails()
    {
        var receipt = await ReceiptAsync(6, 13);

        var failure = Assert.Throws<ReceiptVerificationException>(() => receipt.Verify(_otherKey.Verifier));

        Assert.Equal(ReceiptFailure.BadCheckpoint, failure.Failure);
    }

    [Fact]
    public async Task A_tree_size_other_than_the_checkpoints_fails()
    {
        var receipt = await ReceiptAsync(6, 13);

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { TreeSize = 14 }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.NotCovered, failure.Failure);
    }

    [Fact]
    public async Task An_entry_beyond_the_checkpoint_fails()
    {
        var receipt = await ReceiptAsync(6, 13);

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { EntryIndex = 13 }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.NotCovered, failure.Failure);
    }

    [Fact]
    public async Task A_hash_that_is_not_32_bytes_is_malformed()
    {
        var receipt = await ReceiptAsync(6, 13);

        var failure = Assert.Throws<ReceiptVerificationException>(() => (receipt with { LeafHash = "AAAA" }).Verify(_logKey.Verifier));

        Assert.Equal(ReceiptFailure.Malformed, failure.Failure);
    }

    [Fact]
    public void Json_that_is_not_a_receipt_is_malformed()
    {
        Assert.Equal(ReceiptFailure.Malformed, Assert.Throws<ReceiptVerificationException>(() => Receipt.FromJson("{\"statementId\":1}")).Failure);
        Assert.Equal(ReceiptFailure.Malformed, Assert.Throws<ReceiptVerificationException>(() => Receipt.FromJson("{}")).Failure);
    }

    /// <summary>
    /// A receipt for entry <paramref name="index"/> of a log of <paramref name="size"/> entries; entry i is the
    /// shop's statement stmt-i as the broker logs it, unless <paramref name="leafAt"/> says otherwise.
    /// </summary>
    private async Task<Receipt> ReceiptAsync(int index, int size, NoteSignerKey? signer = null, string origin = Origin, Func<int, byte[]>? leafAt = null)
    {
        leafAt ??= ShopEntry;
        var leaves = Enumerable.Range(0, size).Select(leafAt).ToList();
        var tree = new InMemoryNodeSource();
        foreach (var leaf in leaves)
        {
            tree.Append(MerkleHash.Leaf(leaf));
        }
        var proof = await ProofPlan.Inclusion((ulong)index, (ulong)size).ReadAsync(tree);
        var note = new Checkpoint(origin, tree.Size, tree.Root()).Sign(signer ?? _logKey);
        return new Receipt(
            $"stmt-{index}",
            index,
            StrictBase64.EncodeUrl(MerkleHash.Leaf(leaves[index])),
            size,
            [.. proof.Select(h => StrictBase64.EncodeUrl(h))],
            note,
            StrictBase64.EncodeUrl(leaves[index]));
    }

    private byte[] ShopEntry(int index) => Entry("shop", SdkHost.Collected($"stmt-{index}"));

    /// <summary>The leaf the broker logs for <paramref name="statement"/>, taken from provider <paramref name="by"/>.</summary>
    private byte[] Entry(string by, ProviderStatement statement) =>
        new LogEntry(statement.Type, 1_775_000_000_000, by, SignedStatement.Sign(statement, _shopKey).Jws, null).ToLeaf();

    private static string Flip(string base64Url)
    {
        Assert.True(StrictBase64.TryDecodeUrl(Encoding.ASCII.GetBytes(base64Url), out var bytes));
        bytes[bytes.Length / 2] ^= 0x10;
        return StrictBase64.EncodeUrl(bytes);
    }
}
