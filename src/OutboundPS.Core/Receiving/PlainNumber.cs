namespace OutboundPS.Receiving;

/// <summary>
/// A whole number as the receiver's inputs write one (a port, a prefix length, an IPv4 part, a Content-Length): ASCII
/// digits only, with no sign, space or other script's digits, which the framework's parsers would take.
/// </summary>
internal static class PlainNumber
{
    /// <summary>True when <paramref name="text"/> is 1 to <paramref name="maxDigits"/> (at most 18) digits worth at most <paramref name="max"/>.</summary>
    internal static bool TryRead(string text, int maxDigits, long max, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > maxDigits || text.Length > 18) return false;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = (value * 10) + (c - '0');
        }

        return value <= max;
    }
}
