using System.CommandLine;
using DataCustody.Transparency.Notes;

namespace DataCustody.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    /// <summary><c>--url</c>: the broker's base URL, absolute http or https.</summary>
    public static Option<Uri> Url(string description = "The broker's base URL, such as http://127.0.0.1:5080/.") => new("--url")
    {
        Description = description,
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }
            result.AddError($"--url '{text}' is not an absolute http or https URL.");
            return null;
        },
    };

    /// <summary><c>--key</c> and <c>--key-file</c>: the log's verifier key, exactly one of them.</summary>
    public static (Option<string?> Key, Option<string?> KeyFile) VerifierKey(Command command)
    {
        var key = new Option<string?>("--key") { Description = "The log's verifier key, name+keyid+base64 (GET /log/v1/key, obtained out of band and pinned)." };
        var keyFile = new Option<string?>("--key-file") { Description = "A file holding the log's verifier key." };
        command.Options.Add(key);
        command.Options.Add(keyFile);
        command.Validators.Add(result =>
        {
            if ((result.GetResult(key) is null) == (result.GetResult(keyFile) is null))
            {
                result.AddError("Give the log's verifier key with exactly one of --key and --key-file.");
            }
        });
        return (key, keyFile);
    }

    /// <summary>
    /// Reads and parses the verifier key; on failure writes why to <paramref name="error"/> and returns
    /// the exit code (1: file unreadable, 2: not a key) instead.
    /// </summary>
    public static async Task<(NoteVerifierKey? Key, int ExitCode)> ReadVerifierKeyAsync(string? text, string? file, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            text ??= await File.ReadAllTextAsync(file!, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(e.Message);
            return (null, ExitCodes.Failure);
        }
        try
        {
            return (NoteVerifierKey.Parse(text.Trim()), ExitCodes.Success);
        }
        catch (NoteException e)
        {
            await error.WriteLineAsync($"The log's verifier key is not valid: {e.Message}");
            return (null, ExitCodes.InvalidInput);
        }
    }

    /// <summary>
    /// The text of <paramref name="file"/>, or of standard input for <c>-</c>; null, after writing why to
    /// <paramref name="error"/>, when it cannot be read.
    /// </summary>
    public static async Task<string?> ReadInputAsync(string file, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return file == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(e.Message);
            return null;
        }
    }
}
