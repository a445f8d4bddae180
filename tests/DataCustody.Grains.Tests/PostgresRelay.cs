using System.Net;
using System.Net.Sockets;

namespace DataCustody.Grains.Tests;

/// <summary>
/// A loopback TCP relay in front of a PostgreSQL server that loses a connection the way a network
/// can during COMMIT: armed with <see cref="CutAtNextCommitAsync"/>, it passes the next COMMIT a
/// client sends to the server, waits for the server's answer, which comes once the transaction is
/// committed, and closes the connection instead of passing the answer on. The client cannot tell
/// whether its transaction committed. Cutting before the answer, it closes the connection as soon as
/// the COMMIT has gone out, while the server may still be committing. Going down after the cut, it also closes every other
/// connection and each new one until <see cref="ComeBack"/>, so that nothing can be read either.
/// </summary>
public sealed class PostgresRelay : IAsyncDisposable
{
    // The simple-protocol query Npgsql sends to commit: 'Q', the length of what follows, "COMMIT\0".
    private static readonly byte[] CommitQuery = [(byte)'Q', 0, 0, 0, 11, .. "COMMIT\0"u8];

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _server;
    private readonly Lock _gate = new();
    private readonly List<Link> _links = [];
    private readonly Task _accepting;
    private ArmedCut? _armed;
    private bool _down;

    public PostgresRelay(int serverPort)
    {
        _server = new IPEndPoint(IPAddress.Loopback, serverPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port clients connect to instead of the server's.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>
    /// Cuts the connection of the next COMMIT once the server has answered it (or, with
    /// <paramref name="beforeAnswer"/>, once the COMMIT has gone out), and with <paramref name="goDown"/>
    /// every other connection too; completes when that has happened.
    /// </summary>
    public Task CutAtNextCommitAsync(bool goDown, bool beforeAnswer = false)
    {
        var cut = new ArmedCut(goDown, beforeAnswer);
        lock (_gate)
        {
            _armed = cut;
        }
        return cut.Done.Task;
    }

    /// <summary>Lets new connections through again after a cut that went down.</summary>
    public void ComeBack()
    {
        lock (_gate)
        {
            _down = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _accepting;
        lock (_gate)
        {
            _down = true;
            foreach (var link in _links)
            {
                link.Close();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (SocketException)
            {
                // Stopped.
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        var link = new Link(client, server);
        lock (_gate)
        {
            if (_down)
            {
                link.Close();
                return;
            }
            _links.Add(link);
        }
        try
        {
            await server.ConnectAsync(_server);
            await Task.WhenAny(PumpAsync(link, toServer: true), PumpAsync(link, toServer: false));
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            // The link was cut, or one side went away: as a network would, the other side is dropped too.
        }
        finally
        {
            link.Close();
            lock (_gate)
            {
                _links.Remove(link);
            }
        }
    }

    private async Task PumpAsync(Link link, bool toServer)
    {
        var from = (toServer ? link.Client : link.Server).GetStream();
        var to = (toServer ? link.Server : link.Client).GetStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }
            if (toServer && link.Cut is null && buffer.AsSpan(0, read).IndexOf(CommitQuery) >= 0)
            {
                // Marked before the COMMIT goes out, so the answer cannot slip past.
                link.Cut = TakeArmed();
            }
            else if (!toServer && link.Cut is { } cut)
            {
                // The server answered the COMMIT: the transaction is committed, and the client never hears of it.
                Sever(link, cut);
                return;
            }
            await to.WriteAsync(buffer.AsMemory(0, read));
            if (toServer && link.Cut is { BeforeAnswer: true } early)
            {
                Sever(link, early);
                return;
            }
        }
    }

    private ArmedCut? TakeArmed()
    {
        lock (_gate)
        {
            var armed = _armed;
            _armed = null;
            return armed;
        }
    }

    private void Sever(Link link, ArmedCut cut)
    {
        lock (_gate)
        {
            link.Close();
            if (cut.GoDown)
            {
                _down = true;
                foreach (var other in _links)
                {
                    other.Close();
                }
            }
        }
        cut.Done.TrySetResult();
    }

    private sealed class Link(TcpClient client, TcpClient server)
    {
        public TcpClient Client { get; } = client;

        public TcpClient Server { get; } = server;

        // Written by the pump towards the server before the COMMIT goes out, read by the one back.
        public volatile ArmedCut? Cut;

        public void Close()
        {
            Client.Dispose();
            Server.Dispose();
        }
    }

    private sealed class ArmedCut(bool goDown, bool beforeAnswer)
    {
        public bool GoDown { get; } = goDown;

        public bool BeforeAnswer { get; } = beforeAnswer;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
