using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DataCustody.Grains.Statements;
using DataCustody.Transparency.Jws;
using NSec.Cryptography;

namespace DataCustody.Benchmarks.Statements;

/// <summary>
/// What the gateway does to every statement it receives before checking the signature: reading the
/// compact JWS and reading its payload strictly. The baseline only parses the payload's JSON, the
/// floor any strict reading pays; the allocated bytes are what each statement costs the collector.
/// </summary>
[MemoryDiagnoser]
public class StatementReadingBenchmarks
{
    // Shaped like the ingest load's transfers: a person's email and name sent on under a contract.
    private const string Transfer =
        """
        {"id":"st_01JQ8Z3K4M7N2P5R8T1V4X7Z0B","issuedAt":"2026-11-29T09:30:00Z","type":"data.transferred","provider":"shop.example","handle":"h_ujzdegxdncf32epf3dhodzdoci","recipient":"mailer.example","categories":["user.contact.email","user.name"],"purposes":["essential.service.operations"],"legalBasis":"consent","termsSha256":"9f2c4e1a7b3d5f6e8a0c2b4d6f8e0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f"}
        """;

    private readonly byte[] _payload = Encoding.UTF8.GetBytes(Transfer);
    private string _jws = "";

    [GlobalSetup]
    public void Setup()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        _jws = CompactJws.Sign(key, "kid-1", _payload);
        if (!ReadPayload())
        {
            throw new InvalidOperationException("The benchmark's statement does not read as valid.");
        }
    }

    [Benchmark(Baseline = true)]
    public JsonValueKind ParseJson()
    {
        using var document = JsonDocument.Parse(_payload);
        return document.RootElement.ValueKind;
    }

    [Benchmark]
    public bool ReadPayload() => StatementCodec.Parse(_payload).IsValid;

    [Benchmark]
    public int ReadJws() => CompactJws.Parse(_jws).Payload.Length;
}
