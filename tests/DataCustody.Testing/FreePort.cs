using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;

namespace DataCustody.Testing;

/// <summary>Finds loopback TCP ports that nothing listens on, for servers started by tests.</summary>
public static class FreePort
{
    private const int StartAttempts = 3;

    /// <summary>
    /// Returns a port that was free a moment ago. Another process may take it before the caller
    /// binds, so callers start their servers through <see cref="RetryWhileTakenAsync{T}"/>.
    /// </summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// Runs <paramref name="start"/>, which takes its ports from <see cref="Next"/>, and runs it again
    /// (three times in all) while it fails because one of them was taken before the server bound it.
    /// </summary>
    public static async Task<T> RetryWhileTakenAsync<T>(Func<Task<T>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start();
            }
            catch (Exception e) when (attempt < StartAttempts && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Free when chosen, a port can still be taken by an outgoing connection (Chromium's, a
                // client's, another test's) before the server binds it; other ports will do.
            }
        }
    }

    /// <summary>
    /// Builds a host with <paramref name="build"/>, which takes its ports from <see cref="Next"/>, and
    /// starts it, as <see cref="RetryWhileTakenAsync{T}"/> does; a host that did not start is disposed.
    /// </summary>
    public static Task<IHost> StartWhileTakenAsync(Func<IHost> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        return RetryWhileTakenAsync(async () =>
        {
            var host = build();
            try
            {
                await host.StartAsync(cancellationToken);
                return host;
            }
            catch
            {
                host.Dispose();
                throw;
            }
        });
    }
}
