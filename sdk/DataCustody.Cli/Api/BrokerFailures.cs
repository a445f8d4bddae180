namespace DataCustody.Cli.Api;

/// <summary>How the commands that talk to the broker's API report what went wrong, and with which exit code.</summary>
internal static class BrokerFailures
{
    /// <summary>
    /// Writes why <paramref name="failure"/> happened and returns true with its exit code if it is a
    /// failure of talking to the broker (a problem it answered, unreachable, no answer in time);
    /// returns false for anything else, so an exception filter lets it pass.
    /// </summary>
    public static bool Explain(Exception failure, Uri url, TextWriter error, CancellationToken cancellationToken, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(error);
        (var message, exitCode) = failure switch
        {
            BrokerProblemException problem => (problem.Message, ExitCodes.InvalidInput),
            HttpRequestException unreachable => ($"The broker at {url} could not be reached: {unreachable.Message}", ExitCodes.Failure),
            TaskCanceledException late when !cancellationToken.IsCancellationRequested => ($"The broker at {url} did not answer in time: {late.Message}", ExitCodes.Failure),
            _ => (null, ExitCodes.Failure),
        };
        if (message is null)
        {
            return false;
        }
        error.WriteLine(message);
        return true;
    }
}
