using System;
using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using OutboundPS.Contract;

namespace OutboundPS.ByRobot;

/// <summary>
/// BYRobot request signing (docs/vendors/byrobot.md#signing): sign = Base64(HMAC-SHA1(AppSecret, AppKey + "\n" + datetime)),
/// datetime in RFC 1123 GMT. Every attempt is signed afresh: the vendor refuses a datetime 3 minutes off (408).
/// </summary>
internal sealed class ByRobotSigner : IDisposable
{
    private readonly string _appKey;
    private readonly SecureString _appSecret;
    private readonly Func<DateTimeOffset> _now;

    internal ByRobotSigner(string appKey, SecureString appSecret, Func<DateTimeOffset> now)
    {
        _appKey = appKey;
        // A copy: the caller's SecureString (a PSCredential's password) stays theirs.
        _appSecret = appSecret.Copy();
        _now = now;
    }

    /// <summary>The three headers for one attempt.</summary>
    internal (string AppKey, string DateTime, string Sign) Sign()
    {
        var dateTime = _now().UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        return (_appKey, dateTime, Compute(_appKey, SecretText.Reveal(_appSecret), dateTime));
    }

    internal static string Compute(string appKey, string appSecret, string dateTime)
    {
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(appSecret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(appKey + "\n" + dateTime)));
    }

    public void Dispose() => _appSecret.Dispose();
}
