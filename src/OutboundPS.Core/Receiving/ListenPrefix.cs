using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace OutboundPS.Receiving;

/// <summary>
/// Where Receive-OutboundPush listens, read from a prefix in HttpListener's form (http://host:port/path/): the addresses
/// to bind (every address for + or * or a host name, this machine's for localhost, or the one given) and the path
/// pushes must come to. -Port makes a prefix on every address under a random path token, so that finding the port
/// is not enough to post a push.
/// </summary>
internal sealed class ListenPrefix
{
    private const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>26 characters of 32 kinds: 130 random bits, unchanged by the case-insensitive path comparison.</summary>
    internal const int TokenLength = 26;

    private const string PrefixFix = "Give a prefix of the form http://host:port/path/ ending in '/', host being +, *, localhost, an IP address or a host name.";

    private ListenPrefix(string host, int port, string path, IPAddress[] addresses)
    {
        Host = host;
        Port = port;
        Path = path;
        Addresses = addresses;
    }

    /// <summary>The host as given: +, *, localhost, an address or a name.</summary>
    internal string Host { get; }

    /// <summary>The port given; 0 lets the system pick one.</summary>
    internal int Port { get; }

    /// <summary>The path pushes must come to (or below), beginning and ending with '/'.</summary>
    internal string Path { get; }

    /// <summary>The local addresses to listen on; IPv6Any stands for every address of both families.</summary>
    internal IPAddress[] Addresses { get; }

    /// <summary>Only this machine can connect: the addresses listened on are all loopback.</summary>
    internal bool LoopbackOnly => Addresses.All(IPAddress.IsLoopback);

    /// <summary>The prefix of -Port: every address, under a new random path token.</summary>
    internal static string ForPort(int port) => "http://+:" + port.ToString(CultureInfo.InvariantCulture) + "/" + NewToken() + "/";

    /// <summary>A path segment no one can guess: <see cref="TokenLength"/> characters from a cryptographic random source.</summary>
    internal static string NewToken()
    {
        var bytes = new byte[TokenLength];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
        var token = new StringBuilder(TokenLength);
        foreach (var b in bytes) token.Append(TokenAlphabet[b & 31]);
        return token.ToString();
    }

    /// <summary>Reads a prefix; a malformed one is refused before anything listens.</summary>
    internal static ListenPrefix Parse(string prefix)
    {
        const string scheme = "http://";
        if (prefix.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw OutboundErrors.ListenFailed(prefix, "Receive-OutboundPush serves plain HTTP; TLS belongs to a reverse proxy in front of it.",
                "Listen on http://127.0.0.1:<port>/<path>/ and let a reverse proxy (IIS, nginx, Caddy, Azure Application Gateway) take the " +
                "vendor's https:// requests and forward them there; see Get-Help about_OutboundPS.");
        if (!prefix.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) throw Malformed(prefix, "it does not begin with http://.");

        var slash = prefix.IndexOf('/', scheme.Length);
        if (slash < 0) throw Malformed(prefix, "it has no path; it must end in '/'.");
        var authority = prefix.Substring(scheme.Length, slash - scheme.Length);
        var path = prefix.Substring(slash);
        if (!path.EndsWith("/", StringComparison.Ordinal)) throw Malformed(prefix, "it must end in '/'.");
        if (path.IndexOfAny(new[] { '?', '#', '%', '\\', ' ' }) >= 0 || path.Contains("//") || path.Split('/').Any(s => s is "." or ".."))
            throw Malformed(prefix, "its path may hold only plain segments (letters, digits, - . _ ~).");

        string host;
        string portText;
        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            var close = authority.IndexOf(']');
            if (close < 0) throw Malformed(prefix, "its IPv6 address lacks the closing ']'.");
            host = authority.Substring(1, close - 1);
            var rest = authority.Substring(close + 1);
            if (rest.Length > 0 && rest[0] != ':') throw Malformed(prefix, "a ':' and the port must follow the IPv6 address.");
            portText = rest.Length > 0 ? rest.Substring(1) : string.Empty;
        }
        else
        {
            var colon = authority.IndexOf(':');
            host = colon < 0 ? authority : authority.Substring(0, colon);
            portText = colon < 0 ? string.Empty : authority.Substring(colon + 1);
        }

        var port = 80;
        if (portText.Length > 0)
        {
            if (!PlainNumber.TryRead(portText, 5, 65535, out var parsed)) throw Malformed(prefix, $"the port '{portText}' is not a number from 0 to 65535.");
            port = (int)parsed;
        }

        if (host is "+" or "*") return new ListenPrefix(host, port, path, new[] { IPAddress.IPv6Any });
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return new ListenPrefix(host, port, path, new[] { IPAddress.Loopback, IPAddress.IPv6Loopback });
        if (IPAddress.TryParse(host, out var address) && (host.IndexOf(':') >= 0 || host.Count(c => c == '.') == 3))
        {
            return new ListenPrefix(host, port, path, new[] { address });
        }

        if (host.Length == 0 || host.Length > 253 || !host.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '.'))
            throw Malformed(prefix, $"the host '{host}' is none of +, *, localhost, an IP address or a host name.");
        // HttpListener listens on every address for a host name (and matches the Host header); the allow-list and the
        // path decide what is admitted here.
        return new ListenPrefix(host, port, path, new[] { IPAddress.IPv6Any });
    }

    /// <summary>
    /// Whether a request's path (without its query) is the push path or below it. Compared without regard to case, as
    /// HttpListener did, and in time that does not depend on where a guess first differs.
    /// </summary>
    internal bool Matches(string requestPath)
    {
        var want = Path;
        if (requestPath.Length < want.Length)
        {
            // The path without its final '/' is the same place.
            if (requestPath.Length != want.Length - 1) return false;
            requestPath += "/";
        }

        var differ = 0;
        for (var i = 0; i < want.Length; i++) differ |= Lower(requestPath[i]) ^ Lower(want[i]);
        return differ == 0;
    }

    /// <summary>The address to give the vendor: the host as given, or for every address this machine's name.</summary>
    internal string Url(int port)
    {
        var host = Host is "+" or "*" || IPAddress.TryParse(Host, out var a) && (a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any))
            ? MachineName()
            : Host.IndexOf(':') >= 0 ? "[" + Host + "]" : Host;
        return "http://" + host + (port == 80 ? string.Empty : ":" + port.ToString(CultureInfo.InvariantCulture)) + Path;
    }

    /// <summary>The prefix with its path hidden, for messages other than the one that tells the user the address.</summary>
    internal string Redacted(int port) =>
        "http://" + (Host.IndexOf(':') >= 0 ? "[" + Host + "]" : Host) + ":" + port.ToString(CultureInfo.InvariantCulture) + (Path == "/" ? "/" : "/…/");

    /// <summary>A request path already known to match, as messages show it: the push path hidden, what follows it kept.</summary>
    internal string RedactPath(string requestPath) =>
        Path == "/" ? requestPath : "/…/" + requestPath.Substring(Math.Min(requestPath.Length, Path.Length));

    private static string MachineName()
    {
        try
        {
            return Dns.GetHostName();
        }
        catch (SocketException)
        {
            return Environment.MachineName;
        }
    }

    private static int Lower(char c) => c is >= 'A' and <= 'Z' ? c + 32 : c;

    private static OutboundException Malformed(string prefix, string problem) => OutboundErrors.ListenFailed(prefix, problem, PrefixFix);
}
