using OutboundPS.Receiving;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The receiver's ports, prefix lengths, IPv4 parts and Content-Lengths: ASCII digits within their bounds, nothing else.</summary>
public sealed class PlainNumberTests
{
    [Theory]
    [InlineData("0", 5, 65535, 0)]
    [InlineData("8080", 5, 65535, 8080)]
    [InlineData("65535", 5, 65535, 65535)]
    [InlineData("032", 3, 128, 32)]
    [InlineData("999999999999999999", 18, long.MaxValue, 999999999999999999)]
    public void AsciiDigits_WithinTheBounds_AreRead(string text, int maxDigits, long max, long expected)
    {
        Assert.True(PlainNumber.TryRead(text, maxDigits, max, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("", 5, 65535)]
    [InlineData("65536", 5, 65535)]
    [InlineData("000080", 5, 65535)]
    [InlineData("+80", 5, 65535)]
    [InlineData("-1", 5, 65535)]
    [InlineData(" 80", 5, 65535)]
    [InlineData("8 0", 5, 65535)]
    [InlineData("８０", 5, 65535)] // full-width digits, as a Chinese input method types them
    [InlineData("٨٠", 5, 65535)] // Arabic-Indic digits, which char.IsDigit takes
    [InlineData("1e3", 5, 65535)]
    [InlineData("1234567890123456789", 19, long.MaxValue)] // 19 digits could overflow a long: never read
    public void AnythingElse_IsRefused(string text, int maxDigits, long max) =>
        Assert.False(PlainNumber.TryRead(text, maxDigits, max, out _));
}
