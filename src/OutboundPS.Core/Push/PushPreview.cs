using System.Text.RegularExpressions;
using OutboundPS.Http;

namespace OutboundPS.Push;

/// <summary>The start of a push body for an error message, with secrets redacted before it is cut.</summary>
internal static class PushPreview
{
    internal const int Length = 80;

    // JSON values are redacted by SecretFields; a body that is not JSON may carry a form-encoded sign=… instead.
    private static readonly Regex FormValue = new("\\b(" + string.Join("|", SecretFields.Names) + ")=[^&\\s\"]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    internal static string Of(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "(empty)";
        var text = Redact(body!.Trim().Replace("\r", " ").Replace("\n", " ").Replace("\t", " "));
        return text.Length <= Length ? text : text.Substring(0, Length) + "…";
    }

    /// <summary>
    /// What an error about a push carries as its target: the input as given, unless its text holds a secret field (a
    /// callback's sign), then that text redacted; Get-Error and Format-List * show the target in full.
    /// </summary>
    internal static object? ErrorTarget(object? input, string? text)
    {
        if (text is null) return input;
        var redacted = Redact(text);
        return redacted == text ? input : redacted;
    }

    private static string Redact(string text) => FormValue.Replace(SecretFields.RedactJson(text), "$1=<redacted>");

    /// <summary>The OutboundPS.InvalidPush error for a body, quoting its start.</summary>
    internal static OutboundException NotAPush(string? body, string problem) => OutboundErrors.InvalidPush(Of(body), problem);
}
