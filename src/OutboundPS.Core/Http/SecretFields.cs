using System.Text.RegularExpressions;

namespace OutboundPS.Http;

/// <summary>Names whose values no log line or error message may quote, whichever vendor's they are.</summary>
internal static class SecretFields
{
    internal static readonly string[] Names = { "token", "sign", "app_secret" };

    // A preview is cut at 200 bytes, so a value may lack its closing quote.
    private static readonly Regex JsonValue = new("\"(" + string.Join("|", Names) + ")\"\\s*:\\s*\"[^\"]*\"?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>JSON text with the values of these names replaced, for quoting an answer nobody could read.</summary>
    internal static string RedactJson(string text) => JsonValue.Replace(text, "\"$1\":\"<redacted>\"");
}
