using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OutboundPS.Tests.Support;

/// <summary>An HttpListener prefix on 127.0.0.1 at a port free a moment ago (the system picks it for a socket bound to port 0).</summary>
internal static class LoopbackPrefix
{
    internal static string Free(string path = "/push/") => "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture) + path;

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago: HttpListener cannot bind port 0 itself.</summary>
    internal static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
