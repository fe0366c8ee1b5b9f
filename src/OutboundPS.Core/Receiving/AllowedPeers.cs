using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace OutboundPS.Receiving;

/// <summary>
/// The addresses Receive-OutboundPush admits (-AllowedAddress): single addresses and CIDR ranges, IPv4 and IPv6, and
/// the shorthands ByRobot (the sender BYRobot documents), Loopback and Any. An IPv4 peer that reaches a dual-stack
/// socket as an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as the IPv4 address it is.
/// </summary>
internal sealed class AllowedPeers
{
    /// <summary>BYRobot's documented callback sender (docs/vendors/byrobot.md#callback-delivery).</summary>
    internal const string ByRobotSender = "120.55.46.3";

    internal const string ByRobotName = "ByRobot";
    internal const string LoopbackName = "Loopback";
    internal const string AnyName = "Any";

    private const string Fix =
        "Give IP addresses (120.55.46.3, 2001:db8::10), CIDR ranges (10.0.0.0/8, 2001:db8::/32), or the shorthands ByRobot " +
        "(BYRobot's documented sender, " + ByRobotSender + "), Loopback (this machine) or Any (every address).";

    private readonly Range[] _ranges;

    private AllowedPeers(IEnumerable<Range> ranges) => _ranges = ranges.Distinct().ToArray();

    /// <summary>This machine only: 127.0.0.0/8 and ::1, what Receive-OutboundPush admits without -AllowedAddress.</summary>
    internal static AllowedPeers Loopback { get; } = new(LoopbackRanges());

    /// <summary>Whether every address is admitted.</summary>
    internal bool AdmitsAny => _ranges.Any(r => r.Length == 0 && r.Family == AddressFamily.InterNetwork)
                               && _ranges.Any(r => r.Length == 0 && r.Family == AddressFamily.InterNetworkV6);

    /// <summary>
    /// Reads -AllowedAddress values; a value may also hold several separated by commas or spaces. A value that is no
    /// address, range or shorthand is refused, naming it and the forms that are accepted.
    /// </summary>
    internal static AllowedPeers Parse(IEnumerable<string?> values)
    {
        var ranges = new List<Range>();
        foreach (var given in values)
        {
            var parts = (given ?? string.Empty).Split(new[] { ',', ' ', '\t', ';' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) throw Invalid(given, "is empty.");
            foreach (var part in parts) ranges.AddRange(ParseOne(part));
        }

        if (ranges.Count == 0) throw Invalid(string.Empty, "names no address.");
        return new AllowedPeers(ranges);
    }

    /// <summary>Whether a peer may push; an IPv4-mapped IPv6 address is judged as IPv4.</summary>
    internal bool Admits(IPAddress peer)
    {
        peer = Normalize(peer);
        var bytes = peer.GetAddressBytes();
        foreach (var range in _ranges)
            if (range.Family == peer.AddressFamily && range.Contains(bytes))
                return true;
        return false;
    }

    /// <summary>The address a peer is judged and shown as: IPv4 for an IPv4-mapped IPv6 address, without a scope.</summary>
    internal static IPAddress Normalize(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        return address;
    }

    /// <summary>The ranges admitted, for a verbose line: "120.55.46.3, 10.0.0.0/8".</summary>
    public override string ToString() => AdmitsAny ? "every address" : string.Join(", ", _ranges.Select(r => r.ToString()));

    private static IEnumerable<Range> ParseOne(string value)
    {
        if (string.Equals(value, AnyName, StringComparison.OrdinalIgnoreCase))
            return new[] { new Range(IPAddress.Any, 0), new Range(IPAddress.IPv6Any, 0) };
        if (string.Equals(value, LoopbackName, StringComparison.OrdinalIgnoreCase)) return LoopbackRanges();
        if (string.Equals(value, ByRobotName, StringComparison.OrdinalIgnoreCase)) return new[] { new Range(IPAddress.Parse(ByRobotSender), 32) };

        var slash = value.IndexOf('/');
        var addressText = slash < 0 ? value : value.Substring(0, slash);
        if (!TryParseAddress(addressText, out var address))
            throw Invalid(value, slash < 0 ? "is not an IP address, a CIDR range or a shorthand." : $"does not start with an IP address ('{addressText}').");
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = bits;
        if (slash >= 0)
        {
            var lengthText = value.Substring(slash + 1);
            if (!PlainNumber.TryRead(lengthText, 3, bits, out var parsed))
                throw Invalid(value, $"has a prefix length '/{lengthText}' that is not a whole number from 0 to {bits}.");
            length = (int)parsed;
        }

        return new[] { new Range(address, length) };
    }

    /// <summary>
    /// Strict: IPAddress.TryParse alone takes "10.1" for 10.0.0.1 and "1" for 0.0.0.1, which no one means in an
    /// allow-list. IPv4 must be four dotted decimal parts; IPv6 anything TryParse reads that has a colon (no scope id).
    /// </summary>
    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.IndexOf(':') >= 0)
        {
            if (text.IndexOf('%') >= 0 || !IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6) return false;
            address = Normalize(v6);
            return true;
        }

        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        foreach (var part in parts)
            if (!PlainNumber.TryRead(part, 3, 255, out _)) return false;
        address = IPAddress.Parse(text);
        return true;
    }

    private static Range[] LoopbackRanges() => new[] { new Range(IPAddress.Parse("127.0.0.0"), 8), new Range(IPAddress.IPv6Loopback, 128) };

    private static OutboundException Invalid(string? value, string problem) => OutboundErrors.InvalidAllowedAddress(value ?? string.Empty, problem, Fix);

    /// <summary>A network and the number of leading bits a peer must share with it.</summary>
    private readonly struct Range : IEquatable<Range>
    {
        private readonly byte[] _network;

        internal Range(IPAddress address, int length)
        {
            Length = length;
            Family = address.AddressFamily;
            // Host bits past the prefix are cleared: 10.1.2.3/8 is the range 10.0.0.0/8.
            _network = address.GetAddressBytes();
            for (var bit = length; bit < _network.Length * 8; bit++) _network[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        internal int Length { get; }

        internal AddressFamily Family { get; }

        internal IPAddress Network => new(_network);

        internal bool Contains(byte[] peer)
        {
            if (peer.Length != _network.Length) return false;
            var whole = Length / 8;
            for (var i = 0; i < whole; i++)
                if (peer[i] != _network[i]) return false;
            var rest = Length % 8;
            if (rest == 0) return true;
            var mask = (byte)(0xFF << (8 - rest));
            return (peer[whole] & mask) == _network[whole];
        }

        public bool Equals(Range other) => Length == other.Length && _network.SequenceEqual(other._network);

        public override bool Equals(object? obj) => obj is Range other && Equals(other);

        public override int GetHashCode() => Length ^ _network.Aggregate(17, (hash, b) => unchecked((hash * 31) + b));

        public override string ToString() =>
            Length == _network.Length * 8 ? Network.ToString() : Network + "/" + Length.ToString(CultureInfo.InvariantCulture);
    }
}
