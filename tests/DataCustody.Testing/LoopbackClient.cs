using System.Net;
using System.Net.Sockets;

namespace DataCustody.Testing;

/// <summary>HTTP clients whose connections come from a loopback address of the caller's choosing.</summary>
public static class LoopbackClient
{
    /// <summary>
    /// A client of <paramref name="baseAddress"/> that connects from <paramref name="local"/>: any 127.x address is
    /// this machine, and to the server each is another client (or another proxy). It follows no redirect, so the
    /// test sees each answer.
    /// </summary>
    public static HttpClient From(IPAddress local, Uri baseAddress) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress };
}
