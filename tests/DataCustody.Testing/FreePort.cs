using System.Net;
using System.Net.Sockets;

namespace DataCustody.Testing;

/// <summary>Finds loopback TCP ports that nothing listens on, for servers started by tests.</summary>
public static class FreePort
{
    /// <summary>
    /// Returns a port that was free a moment ago. Another process may take it before the caller
    /// binds, so callers that can retry on "address in use" should.
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
}
