using System;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Sandbox;
using OutboundPS.Sessions;

namespace OutboundPS.Tests.Support;

/// <summary>Connects a session to a simulator, in process or over Kestrel, and tears both down.</summary>
internal sealed class SandboxConnection : IAsyncDisposable
{
    private readonly KestrelSandbox? _server;

    private SandboxConnection(OutboundSession session, KestrelSandbox? server)
    {
        Session = session;
        _server = server;
    }

    internal OutboundSession Session { get; }

    /// <summary>The sessions of the tests, as one runspace would hold them.</summary>
    internal static SessionRegistry Registry { get; } = new();

    /// <summary>The most requests the HTTP server had open at once (0 in process).</summary>
    internal int MaxInFlight => _server?.MaxInFlight ?? 0;

    internal static async Task<SandboxConnection> OpenAsync(IVendorSimulator simulator, ConnectRequest request, bool overHttp)
    {
        request.Name ??= "test-" + Guid.NewGuid().ToString("N");
        request.RetryDelay ??= TimeSpan.FromMilliseconds(1);
        KestrelSandbox? server = null;
        if (overHttp)
        {
            server = await KestrelSandbox.StartAsync(simulator);
            request.BaseUri = server.BaseUri;
        }
        else
        {
            request.SandboxHandler = new SandboxHandler(simulator);
        }

        try
        {
            return new SandboxConnection(await SessionConnector.ConnectAsync(request, Registry, CancellationToken.None), server);
        }
        catch
        {
            if (server is not null) await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Registry.Remove(Session);
        if (_server is not null) await _server.DisposeAsync();
    }
}
