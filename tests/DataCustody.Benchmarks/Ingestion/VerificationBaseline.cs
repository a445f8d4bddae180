using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using DataCustody.Sdk;
using NSec.Cryptography;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// The ceiling the gateway's signature checks put on ingestion: raw Ed25519 verifications a
/// second on all cores (<c>Parallel.For</c> over NSec's <c>SignatureAlgorithm.Ed25519.Verify</c>,
/// as the gateway's statement verifier does), over the load's own signed statements, so payload
/// sizes and keys are the real ones. Measured in the same run, on the same loaded machine, so
/// the ratio to it says how much of the cryptography's rate survives HTTP, parsing, the grains
/// and SQLite.
/// </summary>
internal static class VerificationBaseline
{
    public sealed record Result(double VerificationsPerSecond, int AverageSigningInputBytes);

    // Enough distinct inputs that caches do not flatter the rate.
    private const int Samples = 4_096;

    public static Result Measure(IReadOnlyList<IngestMix.ProviderChunks> work, TimeSpan duration)
    {
        var keys = work.ToDictionary(w => w.Provider.Id, w => PublicKey.Import(SignatureAlgorithm.Ed25519, w.Provider.PublicKey, KeyBlobFormat.RawPublicKey));
        // Interleave the providers' statements; the split into signing input and signature is the
        // gateway's parsing work, not the verification, so it happens before the clock starts.
        var inputs = work
            .SelectMany(w => w.Chunks.SelectMany(c => c).Take(Samples / work.Count).Select(s => (Key: keys[w.Provider.Id], Statement: s)))
            .Select(x => Split(x.Key, x.Statement))
            .ToArray();
        if (inputs.Any(i => !SignatureAlgorithm.Ed25519.Verify(i.Key, i.SigningInput, i.Signature)))
        {
            throw new InvalidOperationException("A pre-signed statement does not verify: the baseline would measure failures.");
        }

        long verified = 0;
        var workers = Environment.ProcessorCount;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            long count = 0;
            var i = worker * 997;
            // Check the clock every 256 verifications: cheap against ~50 µs each.
            while ((count & 255) != 0 || Stopwatch.GetTimestamp() < deadline)
            {
                var input = inputs[i++ % inputs.Length];
                if (!SignatureAlgorithm.Ed25519.Verify(input.Key, input.SigningInput, input.Signature))
                {
                    throw new InvalidOperationException("A verification failed during the baseline.");
                }
                count++;
            }
            Interlocked.Add(ref verified, count);
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Result(verified / elapsed.TotalSeconds, (int)inputs.Average(i => i.SigningInput.Length));
    }

    private static (PublicKey Key, byte[] SigningInput, byte[] Signature) Split(PublicKey key, SignedStatement statement)
    {
        var lastDot = statement.Jws.LastIndexOf('.');
        return (key, Encoding.ASCII.GetBytes(statement.Jws[..lastDot]), Base64Url.DecodeFromChars(statement.Jws.AsSpan(lastDot + 1)));
    }
}
