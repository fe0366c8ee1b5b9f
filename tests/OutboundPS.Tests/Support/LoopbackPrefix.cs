using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OutboundPS.Tests.Support;

/// <summary>An HttpListener prefix on 127.0.0.1 at a port free a moment ago (the system picks it for a socket bound to port 0).</summary>
internal static class LoopbackPrefix
{
    internal static string Free(string path = "/push/")
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + path;
    }
}
