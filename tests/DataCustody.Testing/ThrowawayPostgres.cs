using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace DataCustody.Testing;

/// <summary>
/// A private PostgreSQL server for one test class or benchmark run: a fresh data folder under the
/// temporary folder, a free loopback port, trust authentication for the superuser
/// <c>postgres</c>. Disposing stops the server and deletes the folder.
/// </summary>
/// <remarks>
/// Needs the PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>) on PATH or under
/// <c>/usr/lib/postgresql/*/bin</c>. PostgreSQL refuses to run as root, so a root process runs
/// the server as the <c>postgres</c> user that Debian's <c>postgresql</c> package creates.
/// </remarks>
public sealed partial class ThrowawayPostgres : IAsyncDisposable
{
    /// <summary>The database that <see cref="ConnectionString"/> names.</summary>
    public const string DefaultDatabase = "datacustody";

    private const string ServiceUser = "postgres";
    private const string InstallHint = "apt-get install -y postgresql";
    private const int StartAttempts = 3;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);

    private readonly string _binDirectory;
    private readonly bool _asServiceUser;
    private readonly string _rootDirectory;
    private readonly List<string> _handedOut = [];
    private bool _started;
    private int _disposed;

    private ThrowawayPostgres(string binDirectory, bool asServiceUser, string rootDirectory)
    {
        _binDirectory = binDirectory;
        _asServiceUser = asServiceUser;
        _rootDirectory = rootDirectory;
    }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The server's data folder; it also holds the server's Unix socket.</summary>
    public string DataDirectory => Path.Combine(_rootDirectory, "data");

    /// <summary>The Npgsql connection string of <see cref="DefaultDatabase"/>.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    private string LogFile => Path.Combine(_rootDirectory, "server.log");

    /// <summary>Starts a server with PostgreSQL's default durability, and creates <see cref="DefaultDatabase"/>.</summary>
    public static Task<ThrowawayPostgres> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(durable: true, cancellationToken);

    /// <summary>
    /// Starts a server and creates <see cref="DefaultDatabase"/>. With <paramref name="durable"/>
    /// false the server skips fsync, which makes tests faster and commit-latency benchmarks wrong.
    /// </summary>
    public static async Task<ThrowawayPostgres> StartAsync(bool durable, CancellationToken cancellationToken = default)
    {
        var binDirectory = FindBinDirectory();
        var asServiceUser = Environment.UserName == "root";
        if (asServiceUser)
        {
            await EnsureServiceUserExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        var server = new ThrowawayPostgres(binDirectory, asServiceUser, Directory.CreateTempSubdirectory("datacustody-pg-").FullName);
        try
        {
            await server.InitializeAsync(durable, cancellationToken).ConfigureAwait(false);
            await server.StartServerAsync(cancellationToken).ConfigureAwait(false);
            server.ConnectionString = await server.CreateDatabaseAsync(DefaultDatabase, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Creates another empty database on this server and returns its connection string. Names are
    /// lower-case letters, digits and underscores, so they never need quoting.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a database name of 1-63 lower-case letters, digits and underscores, starting with a letter or underscore.", nameof(name));
        }
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // Unpooled, so the maintenance database holds no idle connection after this call.
        await using (var connection = new NpgsqlConnection(BuildConnectionString("postgres", pooling: false)))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var connectionString = BuildConnectionString(name, pooling: true);
        lock (_handedOut)
        {
            _handedOut.Add(connectionString);
        }
        return connectionString;
    }

    /// <summary>
    /// Stops the server (fast shutdown) and keeps its data, as an outage would: connections are cut and new ones
    /// refused until <see cref="StartAgainAsync"/>.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await StopServerAsync("fast", cancellationToken).ConfigureAwait(false);
        _started = false;
    }

    /// <summary>Starts the server <see cref="StopAsync"/> stopped, on the same port, so the connection strings handed out work again.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await StartOnPortAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
    }

    /// <summary>Stops the server (fast shutdown) and deletes its folder. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Idle pooled connections would only be cut by the shutdown; closing them first is cleaner.
        string[] handedOut;
        lock (_handedOut)
        {
            handedOut = [.. _handedOut];
        }
        foreach (var connectionString in handedOut)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        Exception? failure = null;
        if (_started)
        {
            try
            {
                await StopServerAsync("fast", CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                failure = e;
                // A server left running would outlive its deleted data folder.
                await TryStopImmediatelyAsync().ConfigureAwait(false);
            }
        }

        try
        {
            Directory.Delete(_rootDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure ??= e;
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task InitializeAsync(bool durable, CancellationToken cancellationToken)
    {
        if (_asServiceUser)
        {
            // "user:" also sets the group to the user's login group.
            await RunAsync("chown", [$"{ServiceUser}:", _rootDirectory], _rootDirectory, cancellationToken).ConfigureAwait(false);
        }

        // --no-sync: a throwaway cluster need not survive a power cut during initdb.
        await PostgresToolAsync(
            "initdb",
            ["-D", DataDirectory, "-U", ServiceUser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"],
            cancellationToken).ConfigureAwait(false);

        // Settings go into the configuration file rather than pg_ctl's -o, which passes through a
        // shell and would need the folder path quoted for it.
        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine("# Added by DataCustody.Testing.ThrowawayPostgres")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{DataDirectory.Replace("'", "''", StringComparison.Ordinal)}'")
            // Tests put many databases, each with its own connection pool, on one server.
            .AppendLine("max_connections = 200");
        if (!durable)
        {
            settings
                .AppendLine("fsync = off")
                .AppendLine("synchronous_commit = off")
                .AppendLine("full_page_writes = off");
        }
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        // The free port can be taken between FreePort.Next and the server's bind: try another one.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            File.Delete(LogFile);
            try
            {
                await StartOnPortAsync(cancellationToken).ConfigureAwait(false);
                _started = true;
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                var log = ReadLogTail();
                if (attempt < StartAttempts && log.Contains("Address already in use", StringComparison.Ordinal))
                {
                    continue;
                }
                // pg_ctl may have left a server behind, e.g. after a timeout.
                _started = File.Exists(Path.Combine(DataDirectory, "postmaster.pid"));
                throw new InvalidOperationException($"{e.Message}{Environment.NewLine}Server log ({LogFile}):{Environment.NewLine}{log}", e);
            }
        }
    }

    private Task StartOnPortAsync(CancellationToken cancellationToken) => PostgresToolAsync(
        "pg_ctl",
        ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)}", "start"],
        cancellationToken);

    private Task StopServerAsync(string mode, CancellationToken cancellationToken) =>
        PostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-m", mode, "-w", "-t", "60", "stop"], cancellationToken);

    private async Task TryStopImmediatelyAsync()
    {
        try
        {
            await StopServerAsync("immediate", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // The first failure is the one reported.
        }
    }

    private string BuildConnectionString(string database, bool pooling) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = ServiceUser,
        Database = database,
        Pooling = pooling,
        // Small pools that let go of idle connections soon keep many databases under max_connections.
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
        IncludeErrorDetail = true,
    }.ConnectionString;

    private string ReadLogTail()
    {
        const int tail = 4000;
        try
        {
            var text = File.ReadAllText(LogFile);
            return text.Length <= tail ? text : text[^tail..];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(not readable: {e.Message})";
        }
    }

    private Task PostgresToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_binDirectory, tool);
        return _asServiceUser
            ? RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments], _rootDirectory, cancellationToken)
            : RunAsync(path, arguments, _rootDirectory, cancellationToken);
    }

    private static async Task EnsureServiceUserExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync("id", ["-u", ServiceUser], workingDirectory: null, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(
                $"PostgreSQL refuses to run as root, and there is no '{ServiceUser}' user to run it as. The postgresql package creates that user: {InstallHint}",
                e);
        }
    }

    private static string FindBinDirectory()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var directory in path.Concat(DebianBinDirectories()))
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return directory;
            }
        }
        throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were found neither on PATH nor under /usr/lib/postgresql/*/bin. Install them: {InstallHint}");
    }

    // Debian keeps the server binaries out of PATH, one folder per major version; the newest wins.
    private static IEnumerable<string> DebianBinDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }
        return Directory.GetDirectories(root)
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : -1)
            .Select(d => Path.Combine(d, "bin"));
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // As the postgres user, a working folder it may not enter (such as /root) makes the tools fail.
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        // Messages end up in exceptions; keep them in one language.
        startInfo.Environment["LC_ALL"] = "C";
        var command = string.Join(' ', arguments.Prepend(fileName));

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"'{command}' did not start.");
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ToolTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            await Task.WhenAll(output, error).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{command}' did not finish within {ToolTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command}' failed with exit code {process.ExitCode}: {(await error.ConfigureAwait(false)).Trim()} {(await output.ConfigureAwait(false)).Trim()}".TrimEnd());
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
