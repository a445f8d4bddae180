using System.CommandLine;
using System.Text;
using DataCustody.Cli.Monitoring;
using DataCustody.Sdk.Log;
using DataCustody.Transparency.Notes;

namespace DataCustody.Cli.Commands;

/// <summary>
/// <c>custody monitor</c>: follows the log's checkpoints and checks, against a pinned verifier key,
/// that the log only ever grows.
/// </summary>
internal static class MonitorCommand
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var url = CommonOptions.Url("The broker's base URL; the log is under log/v1/.");
        var key = new Option<string?>("--key") { Description = "The log's verifier key, name+keyid+base64 (GET /log/v1/key, obtained out of band)." };
        var keyFile = new Option<string?>("--key-file") { Description = "A file holding the log's verifier key." };
        var state = new Option<string>("--state") { Description = "The file that keeps the last verified checkpoint.", Required = true };
        var interval = new Option<TimeSpan>("--interval")
        {
            Description = "How long to wait between checks: 500ms, 5s, 2m, 1h.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(5),
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (!Duration.TryParse(text, out var duration))
                {
                    result.AddError($"--interval '{text}' is not a positive whole number with a unit: 500ms, 5s, 2m, 1h.");
                }
                else if (duration > LogMonitor.MaxInterval)
                {
                    result.AddError($"--interval '{text}' is longer than the monitor can wait: at most {(long)LogMonitor.MaxInterval.TotalHours}h ({(long)LogMonitor.MaxInterval.TotalDays} days).");
                }
                return duration;
            },
        };
        var once = new Option<bool>("--once") { Description = "Check once and exit." };
        var command = new Command("monitor", "Follow the log's checkpoints; verify their signatures and that each extends the last one verified.")
        {
            url, key, keyFile, state, interval, once,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(key) is null) == (result.GetResult(keyFile) is null))
            {
                result.AddError("Give the log's verifier key with exactly one of --key and --key-file.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(url), parse.GetValue(key), parse.GetValue(keyFile), new StateFile(parse.GetRequiredValue(state)),
            parse.GetValue(interval), parse.GetValue(once), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        Uri url, string? keyText, string? keyFile, StateFile state, TimeSpan interval, bool once,
        InvocationConfiguration console, CancellationToken cancellationToken)
    {
        NoteVerifierKey logKey;
        string? stored;
        try
        {
            keyText ??= await File.ReadAllTextAsync(keyFile!, cancellationToken);
            stored = await state.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine(e.Message);
            return ExitCodes.Failure;
        }
        catch (DecoderFallbackException)
        {
            // Only the state file is decoded strictly; a signed note is UTF-8, so this cannot be one.
            console.Error.WriteLine($"{state.Path} does not hold a checkpoint of this log: it is not UTF-8 text.");
            return ExitCodes.InvalidInput;
        }
        try
        {
            // The key is one line; files usually end it with a newline.
            logKey = NoteVerifierKey.Parse(keyText.TrimEnd('\n', '\r'));
        }
        catch (NoteException e)
        {
            console.Error.WriteLine($"The log's verifier key is not valid: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        VerifiedCheckpoint? trusted = null;
        if (stored is not null)
        {
            try
            {
                trusted = VerifiedCheckpoint.Open(stored, logKey);
            }
            catch (LogMisbehaviourException e)
            {
                console.Error.WriteLine($"{state.Path} does not hold a checkpoint of this log: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        }

        using var http = new HttpClient { Timeout = RequestTimeout };
        var follower = new CheckpointFollower(new LogClient(http, url), logKey, trusted);
        return await new LogMonitor(follower, state, interval, once, console.Output, console.Error).RunAsync(cancellationToken);
    }
}
