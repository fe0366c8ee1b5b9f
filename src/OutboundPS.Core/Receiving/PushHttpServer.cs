using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Diagnostics;

namespace OutboundPS.Receiving;

/// <summary>A request that passed the HTTP checks (allowed peer, push path, POST, size), for the receiver to answer.</summary>
internal sealed class PushHttpRequest
{
    internal PushHttpRequest(IPAddress peer, string shownPath, string body)
    {
        Peer = peer;
        ShownPath = shownPath;
        Body = body;
    }

    /// <summary>The sender's address (IPv4 for an IPv4-mapped IPv6 peer).</summary>
    internal IPAddress Peer { get; }

    /// <summary>The path as messages show it, the push path hidden (<see cref="ListenPrefix.RedactPath"/>).</summary>
    internal string ShownPath { get; }

    /// <summary>The body, read as UTF-8 (both vendors post UTF-8: docs/vendors/byrobot.md#callback-delivery, docs/vendors/iflytek.md#push-delivery).</summary>
    internal string Body { get; }
}

/// <summary>What the receiver answers a request: a status and a plain-text body.</summary>
internal sealed class PushHttpAnswer
{
    internal PushHttpAnswer(int status, string body)
    {
        Status = status;
        Body = body;
    }

    internal int Status { get; }

    internal string Body { get; }
}

/// <summary>
/// Receive-OutboundPush's HTTP/1.1 listener on plain sockets, so that every bound is its own on every platform (the
/// managed HttpListener of Linux and macOS has none a caller can set, and reading a request's body is left to a caller
/// that cannot abort it in time):
/// <list type="bullet">
/// <item>a peer outside the allow-list gets 403 once its request head is in, and nothing of it reaches the receiver;</item>
/// <item>a request to another path than the push path gets 404, a method other than POST 405, a body past the limit 413;</item>
/// <item>a connection must deliver a complete request within <see cref="PushReceiverOptions.RequestTimeout"/> of opening
/// (or of the previous answer on a kept-alive connection), or it is closed: idle sockets and slow heads or bodies hold
/// nothing for long;</item>
/// <item>each connection is served on its own, so none waits for another.</item>
/// </list>
/// </summary>
internal sealed class PushHttpServer
{
    private const int MaxHeadBytes = 32 * 1024;
    private const int MaxLineBytes = 8 * 1024;
    private static readonly Encoding Utf8 = new UTF8Encoding(false);
    private static readonly TimeSpan LingerTime = TimeSpan.FromSeconds(2);

    private readonly ListenPrefix _prefix;
    private readonly AllowedPeers _allowed;
    private readonly TimeSpan _requestTimeout;
    private readonly int _maxBodyBytes;
    private readonly Func<PushHttpRequest, Task<PushHttpAnswer?>> _serve;
    private readonly List<Socket> _listeners = new();
    private readonly ConcurrentDictionary<Connection, byte> _connections = new();
    private volatile bool _closing;
    private int _requests;
    private int _busy;
    private int _forbidden;
    private int _notFound;
    private int _rejected;
    private int _cutOff;
    private int _warnedForbidden;
    private int _warnedNotFound;

    internal PushHttpServer(ListenPrefix prefix, AllowedPeers allowed, TimeSpan requestTimeout, int maxBodyBytes,
        Func<PushHttpRequest, Task<PushHttpAnswer?>> serve)
    {
        _prefix = prefix;
        _allowed = allowed;
        _requestTimeout = requestTimeout;
        _maxBodyBytes = maxBodyBytes;
        _serve = serve;
    }

    /// <summary>The port listened on (the one the system picked, for port 0).</summary>
    internal int Port { get; private set; }

    /// <summary>The local endpoints listened on.</summary>
    internal IReadOnlyList<EndPoint> Endpoints => _listeners.Select(l => l.LocalEndPoint!).ToList();

    /// <summary>Complete request heads received, from any peer.</summary>
    internal int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests the receiver is answering: from a complete body to the answer sent.</summary>
    internal int Busy => Volatile.Read(ref _busy);

    /// <summary>Requests from peers outside the allow-list, answered 403.</summary>
    internal int Forbidden => Volatile.Read(ref _forbidden);

    /// <summary>Requests to a path other than the push path, answered 404.</summary>
    internal int NotFound => Volatile.Read(ref _notFound);

    /// <summary>Requests refused for their form: not HTTP, not POST, a body too large.</summary>
    internal int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Connections closed because no complete request came within the request timeout.</summary>
    internal int CutOff => Volatile.Read(ref _cutOff);

    /// <summary>Binds the listening sockets; a port in use or not permitted is an error before anything else happens.</summary>
    internal void Start()
    {
        try
        {
            foreach (var address in _prefix.Addresses)
            {
                // localhost is 127.0.0.1 and, where the machine has IPv6, ::1 on the same port.
                var optional = _listeners.Count > 0 && IPAddress.IsLoopback(address);
                if (address.AddressFamily == AddressFamily.InterNetworkV6 && !Socket.OSSupportsIPv6)
                {
                    if (address.Equals(IPAddress.IPv6Any)) Bind(IPAddress.Any);
                    else if (!optional) throw new SocketException((int)SocketError.AddressFamilyNotSupported);
                    continue;
                }

                try
                {
                    Bind(address);
                }
                catch (SocketException) when (optional)
                {
                    // No IPv6 loopback here: 127.0.0.1 serves.
                }
            }
        }
        catch (SocketException error)
        {
            CloseListeners();
            var (problem, fix) = error.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => ("the port is in use.", "Pick a free port, or stop the program listening on it."),
                SocketError.AccessDenied => ("access is denied.",
                    "Ports below 1024 need administrator (root) rights: listen on a port above 1023, behind a reverse proxy on 443 if the vendor needs it."),
                SocketError.AddressNotAvailable => ($"{_prefix.Host} is not an address of this machine.", "Give one of this machine's addresses, + for every address, or localhost."),
                _ => (error.Message, "Pick a free port, and a prefix of the form http://host:port/path/ ending in '/'."),
            };
            throw OutboundErrors.ListenFailed(_prefix.Redacted(_prefix.Port), problem, fix);
        }
    }

    /// <summary>Accepts connections until <see cref="StopAccepting"/>; each is served on its own.</summary>
    internal Task RunAsync() => Task.WhenAll(_listeners.Select(AcceptAsync).ToArray());

    /// <summary>
    /// Stops taking connections and closes those waiting for a request; requests being served are answered (with
    /// Connection: close) and their connections closed after.
    /// </summary>
    internal void StopAccepting()
    {
        _closing = true;
        CloseListeners();
        foreach (var connection in _connections.Keys) connection.CloseIfIdle();
    }

    /// <summary>Closes every connection left, and waits (briefly) for their work to end.</summary>
    internal async Task CloseAsync()
    {
        StopAccepting();
        foreach (var connection in _connections.Keys) connection.Abort();
        var until = DateTime.UtcNow.AddSeconds(5);
        while (!_connections.IsEmpty && DateTime.UtcNow < until) await Task.Delay(10).ConfigureAwait(false);
    }

    private void Bind(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Another program must not bind the same port beside this one (Windows allows it by default).
            if (Environment.OSVersion.Platform == PlatformID.Win32NT) socket.ExclusiveAddressUse = true;
            if (address.Equals(IPAddress.IPv6Any)) socket.DualMode = true;
            // localhost's second address takes the port the first one got.
            socket.Bind(new IPEndPoint(address, _listeners.Count > 0 ? Port : _prefix.Port));
            socket.Listen(512);
            Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            _listeners.Add(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void CloseListeners()
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener.Dispose();
            }
            catch (SocketException)
            {
            }
        }
    }

    private async Task AcceptAsync(Socket listener)
    {
        while (!_closing)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (_closing || error is ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // One connection failed before it was accepted, or no file handle was free for it: the next may do.
                await Task.Delay(10).ConfigureAwait(false);
                continue;
            }

            if (_closing)
            {
                client.Dispose();
                return;
            }

            Connection connection;
            try
            {
                connection = new Connection(this, client);
            }
            catch (Exception error) when (error is SocketException or IOException or ObjectDisposedException)
            {
                // Reset by the peer before it could be set up: nothing to serve, and the next one is accepted.
                client.Dispose();
                continue;
            }

            _connections.TryAdd(connection, 0);
            _ = Task.Run(connection.RunAsync);
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Payload Too Large",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "Status",
    };

    /// <summary>A request head as read: what the checks and the body reader need.</summary>
    private sealed class RequestHead
    {
        internal string Method { get; set; } = string.Empty;

        internal string Path { get; set; } = string.Empty;

        internal long ContentLength { get; set; } = -1;

        internal bool Chunked { get; set; }

        internal bool KeepAlive { get; set; }

        internal bool ExpectContinue { get; set; }

        /// <summary>Why the head cannot be served (status and reason), or null.</summary>
        internal (int Status, string Why)? Error { get; set; }
    }

    /// <summary>One client connection: its requests in turn, each within the request timeout.</summary>
    private sealed class Connection
    {
        private readonly PushHttpServer _server;
        private readonly Socket _socket;
        private readonly NetworkStream _stream;
        private readonly Timer _timer;
        private readonly object _gate = new();
        private byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;
        private int _scanned;
        private bool _armed;
        private bool _lingering;
        private bool _timedOut;
        private bool _closed;
        private bool _reading;
        private bool _serving;
        private int _served;

        internal Connection(PushHttpServer server, Socket socket)
        {
            _server = server;
            _socket = socket;
            _socket.NoDelay = true;
            _stream = new NetworkStream(socket, ownsSocket: true);
            _timer = new Timer(_ => OnTimeout(), null, Timeout.Infinite, Timeout.Infinite);
        }

        internal async Task RunAsync()
        {
            try
            {
                await ServeAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException)
            {
                // Closed: by the peer, by the request timeout, or because the receiver stopped.
            }
            catch (Exception error)
            {
                OperationLog.Warning($"A connection to the receiver failed: {error.GetType().Name}: {error.Message}");
            }
            finally
            {
                Abort();
                _timer.Dispose();
                if (_timedOut) Interlocked.Increment(ref _server._cutOff);
                _server._connections.TryRemove(this, out _);
            }
        }

        /// <summary>
        /// Closes the connection unless the receiver is answering a request on it: one still arriving could not be
        /// acknowledged anyway, so the vendor sends it again.
        /// </summary>
        internal void CloseIfIdle()
        {
            lock (_gate)
                if (_serving) return;
            Abort();
        }

        /// <summary>Closes the socket; whatever waits on it fails at once.</summary>
        internal void Abort()
        {
            lock (_gate)
            {
                if (_closed) return;
                _closed = true;
                _armed = false;
            }

            _stream.Dispose();
        }

        private async Task ServeAsync()
        {
            var peer = AllowedPeers.Normalize(((IPEndPoint)_socket.RemoteEndPoint!).Address);
            var admitted = _server._allowed.Admits(peer);
            while (true)
            {
                lock (_gate)
                {
                    if (_closed || _server._closing) return;
                    _reading = false;
                }

                Arm(_server._requestTimeout);
                var head = await ReadHeadAsync().ConfigureAwait(false);
                if (head is null) return;
                lock (_gate) _reading = true;
                Interlocked.Increment(ref _server._requests);
                if (!await ServeRequestAsync(peer, admitted, head).ConfigureAwait(false)) return;
            }
        }

        /// <summary>Serves one request whose head is in; false when the connection is to close after it.</summary>
        private async Task<bool> ServeRequestAsync(IPAddress peer, bool admitted, RequestHead head)
        {
            if (!admitted)
            {
                Interlocked.Increment(ref _server._forbidden);
                // The peer's address only: its path could be the push path, which no message shows.
                if (Interlocked.Exchange(ref _server._warnedForbidden, 1) == 0)
                    OperationLog.Warning($"Refused a request from {peer} (403): the address is not allowed. If it is the vendor's, add it: -AllowedAddress {peer} " +
                                         "(or its range, such as 10.0.0.0/8). Further refusals are counted in the closing -Verbose line.");
                else OperationLog.Verbose($"Refused a request from {peer} (403): the address is not allowed.");
                await RefuseAsync(403, "forbidden").ConfigureAwait(false);
                return false;
            }

            if (head.Error is { } error)
            {
                Interlocked.Increment(ref _server._rejected);
                OperationLog.Warning($"Refused a request from {peer} ({error.Status}): {error.Why}");
                await RefuseAsync(error.Status, "not a push").ConfigureAwait(false);
                return false;
            }

            if (!_server._prefix.Matches(head.Path))
            {
                Interlocked.Increment(ref _server._notFound);
                if (Interlocked.Exchange(ref _server._warnedNotFound, 1) == 0)
                    OperationLog.Warning($"Refused a request from {peer} (404): it did not come to the push address. If it is the vendor's, " +
                                         "check the address configured there against the one shown at the start. Further ones are counted in the closing -Verbose line.");
                else OperationLog.Verbose($"Refused a request from {peer} (404): it did not come to the push address.");
                await RefuseAsync(404, "not found").ConfigureAwait(false);
                return false;
            }

            var shownPath = _server._prefix.RedactPath(head.Path);
            if (!string.Equals(head.Method, "POST", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _server._rejected);
                OperationLog.Warning($"Refused a request from {peer} (405): {head.Method} {shownPath}: only POST carries pushes.");
                await RefuseAsync(405, "not a push").ConfigureAwait(false);
                return false;
            }

            if (head.ContentLength > _server._maxBodyBytes)
            {
                await RefuseTooLargeAsync(peer, shownPath).ConfigureAwait(false);
                return false;
            }

            if (head.ExpectContinue) await WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n")).ConfigureAwait(false);
            var body = head.Chunked ? await ReadChunkedAsync().ConfigureAwait(false) : await ReadBodyAsync((int)Math.Max(0, head.ContentLength)).ConfigureAwait(false);
            if (body is null)
            {
                await RefuseTooLargeAsync(peer, shownPath).ConfigureAwait(false);
                return false;
            }

            // The whole request is in: storing it has its own deadline (PushReceiverOptions.StoreDeadline).
            Disarm();
            lock (_gate)
            {
                if (_closed) return false;
                _serving = true;
            }

            Interlocked.Increment(ref _server._busy);
            try
            {
                var answer = await _server._serve(new PushHttpRequest(peer, shownPath, Utf8.GetString(body))).ConfigureAwait(false);
                if (answer is null)
                {
                    Abort();
                    return false;
                }

                var keepAlive = head.KeepAlive && !_server._closing;
                Arm(_server._requestTimeout);
                await WriteAsync(Response(answer.Status, answer.Body, keepAlive)).ConfigureAwait(false);
                _served++;
                return keepAlive;
            }
            finally
            {
                lock (_gate) _serving = false;
                Interlocked.Decrement(ref _server._busy);
            }
        }

        private Task RefuseTooLargeAsync(IPAddress peer, string shownPath)
        {
            Interlocked.Increment(ref _server._rejected);
            OperationLog.Warning($"Refused a request from {peer} (413): POST {shownPath}: the body is larger than {_server._maxBodyBytes} bytes.");
            return RefuseAsync(413, "not a push");
        }

        /// <summary>
        /// Answers an error and closes; what the client still sends is read and dropped for a moment first, since
        /// closing with unread data resets the connection and can destroy the answer before the client reads it.
        /// </summary>
        private async Task RefuseAsync(int status, string body)
        {
            Arm(_server._requestTimeout);
            await WriteAsync(Response(status, body, keepAlive: false)).ConfigureAwait(false);
            lock (_gate) _lingering = true;
            Arm(LingerTime);
            _socket.Shutdown(SocketShutdown.Send);
            var drop = new byte[8192];
            for (var dropped = 0; dropped < 4 * _server._maxBodyBytes;)
            {
                var read = await _stream.ReadAsync(drop, 0, drop.Length).ConfigureAwait(false);
                if (read == 0) break;
                dropped += read;
            }
        }

        private static byte[] Response(int status, string body, bool keepAlive)
        {
            var content = Utf8.GetBytes(body);
            var head = string.Format(CultureInfo.InvariantCulture,
                "HTTP/1.1 {0} {1}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {2}\r\n{3}{4}\r\n",
                status, Reason(status), content.Length, keepAlive ? string.Empty : "Connection: close\r\n", status == 405 ? "Allow: POST\r\n" : string.Empty);
            var bytes = new byte[Encoding.ASCII.GetByteCount(head) + content.Length];
            var length = Encoding.ASCII.GetBytes(head, 0, head.Length, bytes, 0);
            Buffer.BlockCopy(content, 0, bytes, length, content.Length);
            return bytes;
        }

        private async Task WriteAsync(byte[] bytes)
        {
            await _stream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
        }

        /// <summary>Closes the connection when the time is up, unless disarmed first.</summary>
        private void Arm(TimeSpan limit)
        {
            lock (_gate)
            {
                if (_closed) return;
                _armed = true;
                _timer.Change(limit, Timeout.InfiniteTimeSpan);
            }
        }

        private void Disarm()
        {
            lock (_gate)
            {
                _armed = false;
                if (!_closed) _timer.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }

        private void OnTimeout()
        {
            lock (_gate)
            {
                if (!_armed || _closed) return;
                // A kept-alive connection that has not begun another request simply expires; any other is cut off.
                _timedOut = !_lingering && (_served == 0 || _reading || _end > _start);
            }

            Abort();
        }

        // ---- reading ----

        /// <summary>The next request head; null when the peer closed the connection before sending one.</summary>
        private async Task<RequestHead?> ReadHeadAsync()
        {
            while (true)
            {
                // Empty lines before a request line are ignored (RFC 9112 §2.2).
                while (_start < _end && _buffer[_start] is (byte)'\r' or (byte)'\n') _start++;
                if (_scanned < _start) _scanned = _start;
                var end = FindHeadEnd();
                if (end >= 0)
                {
                    var head = ParseHead(_start, end);
                    _start = end;
                    _scanned = end;
                    return head;
                }

                if (_end - _start >= MaxHeadBytes)
                    return new RequestHead { Error = (431, $"the request head is larger than {MaxHeadBytes} bytes.") };
                if (await FillAsync().ConfigureAwait(false) == 0)
                {
                    if (_start == _end) return null;
                    throw new IOException("The connection closed in the middle of a request head.");
                }
            }
        }

        /// <summary>The index just past the empty line that ends the head, or -1; scans each byte once.</summary>
        private int FindHeadEnd()
        {
            for (var i = Math.Max(_scanned, _start + 1); i < _end; i++)
            {
                if (_buffer[i] != (byte)'\n') continue;
                if (_buffer[i - 1] == (byte)'\n') return i + 1;
                if (_buffer[i - 1] == (byte)'\r' && i - 2 >= _start && _buffer[i - 2] == (byte)'\n') return i + 1;
            }

            _scanned = Math.Max(_start, _end - 2);
            return -1;
        }

        private RequestHead ParseHead(int start, int end)
        {
            var head = new RequestHead();
            // Header bytes past ASCII read as '?': no header this listener reads needs them, and a path with them is no push path.
            var text = Encoding.ASCII.GetString(_buffer, start, end - start);
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var request = lines[0].Split(' ');
            if (request.Length != 3 || request[0].Length == 0 || request[1].Length == 0)
                return Bad(head, "the first line is not an HTTP request line.");
            if (!request[0].All(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
                return Bad(head, "the method is not a word.");
            head.Method = request[0];
            var version = request[2];
            if (version != "HTTP/1.1" && version != "HTTP/1.0") return Bad(head, $"the HTTP version '{Shorten(version)}' is not 1.0 or 1.1.");
            head.KeepAlive = version == "HTTP/1.1";
            head.Path = PathOf(request[1]);

            var lengths = new HashSet<string>(StringComparer.Ordinal);
            string? transfer = null;
            foreach (var line in lines.Skip(1))
            {
                if (line.Length == 0) continue;
                if (line[0] is ' ' or '\t') return Bad(head, "a header is folded over lines.");
                var colon = line.IndexOf(':');
                if (colon <= 0 || line.Substring(0, colon).Any(char.IsWhiteSpace)) return Bad(head, "a header line has no name.");
                var name = line.Substring(0, colon);
                var value = line.Substring(colon + 1).Trim(' ', '\t');
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) lengths.Add(value);
                else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) transfer = transfer is null ? value : transfer + "," + value;
                else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
                {
                    var tokens = value.Split(',').Select(t => t.Trim());
                    foreach (var token in tokens)
                    {
                        if (token.Equals("close", StringComparison.OrdinalIgnoreCase)) head.KeepAlive = false;
                        else if (token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase) && version == "HTTP/1.0") head.KeepAlive = true;
                    }
                }
                else if (name.Equals("Expect", StringComparison.OrdinalIgnoreCase) && value.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
                    head.ExpectContinue = version == "HTTP/1.1";
            }

            if (transfer is not null)
            {
                // Both framings at once is how requests are smuggled past a proxy: refused.
                if (lengths.Count > 0) return Bad(head, "it has both Transfer-Encoding and Content-Length.");
                if (!transfer.Trim().Equals("chunked", StringComparison.OrdinalIgnoreCase))
                {
                    head.Error = (501, $"the transfer coding '{Shorten(transfer)}' is not chunked.");
                    return head;
                }

                head.Chunked = true;
            }
            else if (lengths.Count > 1) return Bad(head, "it has several different Content-Length headers.");
            else if (lengths.Count == 1)
            {
                var length = lengths.First();
                if (!PlainNumber.TryRead(length, 18, long.MaxValue, out var contentLength)) return Bad(head, "its Content-Length is not a number.");
                head.ContentLength = contentLength;
            }

            return head;
        }

        private static RequestHead Bad(RequestHead head, string why)
        {
            head.Error = (400, "not an HTTP request: " + why);
            head.KeepAlive = false;
            return head;
        }

        private static string Shorten(string text) => text.Length <= 20 ? text : text.Substring(0, 20) + "…";

        /// <summary>The path of a request target, in origin form (/p?q) or absolute form (http://host/p?q).</summary>
        private static string PathOf(string target)
        {
            if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                var slash = target.IndexOf('/', target.IndexOf("//", StringComparison.Ordinal) + 2);
                target = slash < 0 ? "/" : target.Substring(slash);
            }

            var cut = target.IndexOfAny(new[] { '?', '#' });
            return cut < 0 ? target : target.Substring(0, cut);
        }

        /// <summary>A body of a known length, what is already buffered first.</summary>
        private async Task<byte[]> ReadBodyAsync(int length)
        {
            var body = new byte[length];
            var have = Math.Min(length, _end - _start);
            Buffer.BlockCopy(_buffer, _start, body, 0, have);
            _start += have;
            while (have < length)
            {
                var read = await _stream.ReadAsync(body, have, length - have).ConfigureAwait(false);
                if (read == 0) throw new IOException("The connection closed in the middle of a request body.");
                have += read;
            }

            return body;
        }

        /// <summary>A chunked body (RFC 9112 §7.1), trailers dropped; null when it grows past the limit.</summary>
        private async Task<byte[]?> ReadChunkedAsync()
        {
            using var body = new MemoryStream();
            while (true)
            {
                var line = await ReadLineAsync().ConfigureAwait(false);
                var sizeText = line.Split(';')[0].Trim();
                if (sizeText.Length == 0 || sizeText.Length > 8 || !int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                    throw new IOException("A chunk size is not a hexadecimal number.");
                if (size == 0) break;
                if (body.Length + size > _server._maxBodyBytes) return null;
                var chunk = await ReadBodyAsync(size).ConfigureAwait(false);
                body.Write(chunk, 0, chunk.Length);
                if ((await ReadLineAsync().ConfigureAwait(false)).Length != 0) throw new IOException("A chunk does not end where its size says.");
            }

            while ((await ReadLineAsync().ConfigureAwait(false)).Length != 0)
            {
                // trailer fields: none matters here
            }

            return body.ToArray();
        }

        private async Task<string> ReadLineAsync()
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    var line = Encoding.ASCII.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                    _start = newline + 1;
                    return line;
                }

                if (_end - _start > MaxLineBytes) throw new IOException("A line of the request is too long.");
                if (await FillAsync().ConfigureAwait(false) == 0) throw new IOException("The connection closed in the middle of a request.");
            }
        }

        /// <summary>Reads more into the buffer, making room first; the bytes read, 0 at the end of the stream.</summary>
        private async Task<int> FillAsync()
        {
            if (_end == _buffer.Length)
            {
                var kept = _end - _start;
                var into = kept >= _buffer.Length / 2 ? new byte[Math.Min(_buffer.Length * 2, MaxHeadBytes + 8192)] : _buffer;
                Buffer.BlockCopy(_buffer, _start, into, 0, kept);
                _buffer = into;
                _scanned -= _start;
                _start = 0;
                _end = kept;
            }

            var read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end).ConfigureAwait(false);
            _end += read;
            return read;
        }
    }
}
