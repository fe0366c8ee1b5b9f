using System;
using System.Text;

namespace OutboundPS.Tests.Support;

/// <summary>
/// C# source with its comments and the text of its literals blanked out, while the code in interpolation holes stays:
/// a rule that reads identifiers must see $"…{Type.Member}…" and $"""…{Type.Member}…""" name a type, and no word of text.
/// Reads regular, verbatim and raw strings (C# 11, any number of quotes and of $), interpolated or not, and char literals.
/// </summary>
internal static class CSharpCode
{
    internal static string WithoutCommentsAndText(string source)
    {
        var code = new StringBuilder(source.Length);
        var at = 0;
        Code(source, ref at, code, inHole: false);
        return code.ToString();
    }

    /// <summary>Copies code from <paramref name="at"/>; inside an interpolation hole, stops at the brace that closes it.</summary>
    private static void Code(string source, ref int at, StringBuilder code, bool inHole)
    {
        var depth = 0;
        while (at < source.Length)
        {
            var c = source[at];
            if (c == '/' && At(source, at + 1) == '/')
            {
                var end = source.IndexOf('\n', at);
                Blank(source, ref at, end < 0 ? source.Length : end, code);
            }
            else if (c == '/' && At(source, at + 1) == '*')
            {
                var end = source.IndexOf("*/", at + 2, StringComparison.Ordinal);
                Blank(source, ref at, end < 0 ? source.Length : end + 2, code);
            }
            else if (c == '\'')
            {
                CharLiteral(source, ref at, code);
            }
            else if (StringOpening(source, at) is { } opening)
            {
                StringLiteral(source, ref at, code, opening);
            }
            else if (inHole && depth == 0 && c == '}')
            {
                return;
            }
            else if (inHole && depth == 0 && c == ':' && At(source, at + 1) != ':' && At(source, at - 1) != ':')
            {
                // A format string ({value:yyyy-MM-dd}) is text and runs to the closing brace.
                var end = source.IndexOf('}', at);
                Blank(source, ref at, end < 0 ? source.Length : end, code);
            }
            else
            {
                if (c is '(' or '[' or '{') depth++;
                else if (c is ')' or ']' or '}') depth--;
                code.Append(c);
                at++;
            }
        }
    }

    /// <summary>How a string literal opens at <paramref name="at"/>: its $ count, @, and the quotes of a raw string; null for no string.</summary>
    private static (int Dollars, bool Verbatim, int RawQuotes, int Length)? StringOpening(string source, int at)
    {
        var i = at;
        var dollars = 0;
        var verbatim = false;
        for (; i < source.Length && source[i] is '$' or '@'; i++)
        {
            if (source[i] == '$') dollars++;
            else verbatim = true;
        }

        if (At(source, i) != '"') return null;
        var quotes = 0;
        while (At(source, i + quotes) == '"') quotes++;
        // Three quotes or more open a raw string; "" is an empty string and @"" an empty or an escaped-quote verbatim one.
        if (!verbatim && quotes >= 3) return (dollars, false, quotes, i + quotes - at);
        return (dollars, verbatim, 0, i + 1 - at);
    }

    private static void StringLiteral(string source, ref int at, StringBuilder code, (int Dollars, bool Verbatim, int RawQuotes, int Length) opening)
    {
        Blank(source, ref at, at + opening.Length, code);
        // Braces that open a hole: one in $"…", as many as the $ signs in $$"""…""".
        var holeBraces = Math.Max(1, opening.Dollars);
        while (at < source.Length)
        {
            var c = source[at];
            if (opening.RawQuotes > 0 && c == '"' && Run(source, at, '"') >= opening.RawQuotes)
            {
                Blank(source, ref at, at + opening.RawQuotes, code);
                return;
            }

            if (opening.RawQuotes == 0 && c == '"')
            {
                var escapedQuote = opening.Verbatim && At(source, at + 1) == '"';
                Blank(source, ref at, at + (escapedQuote ? 2 : 1), code);
                if (!escapedQuote) return;
                continue;
            }

            if (opening.RawQuotes == 0 && !opening.Verbatim && c == '\\')
            {
                Blank(source, ref at, Math.Min(at + 2, source.Length), code);
                continue;
            }

            if (opening.Dollars > 0 && c == '{')
            {
                var braces = Run(source, at, '{');
                // In $"…" a doubled brace is a brace of text; in a raw string, fewer braces than a hole's are text, and so are
                // those before the hole's own.
                var text = opening.RawQuotes == 0 ? braces - braces % 2 : braces < holeBraces ? braces : braces - holeBraces;
                Blank(source, ref at, at + text, code);
                if (braces - text < holeBraces) continue;
                Blank(source, ref at, at + holeBraces, code);
                code.Append(' ');
                Code(source, ref at, code, inHole: true);
                code.Append(' ');
                Blank(source, ref at, Math.Min(at + holeBraces, source.Length), code);
                continue;
            }

            Blank(source, ref at, at + 1, code);
        }
    }

    private static void CharLiteral(string source, ref int at, StringBuilder code)
    {
        var end = at + 1;
        while (end < source.Length && source[end] != '\'' && source[end] != '\n') end += source[end] == '\\' ? 2 : 1;
        Blank(source, ref at, Math.Min(end + 1, source.Length), code);
    }

    /// <summary>Replaces the characters up to <paramref name="end"/> with spaces, keeping line breaks.</summary>
    private static void Blank(string source, ref int at, int end, StringBuilder code)
    {
        for (; at < end; at++) code.Append(source[at] == '\n' ? '\n' : ' ');
    }

    private static int Run(string source, int at, char c)
    {
        var length = 0;
        while (At(source, at + length) == c) length++;
        return length;
    }

    private static char At(string source, int index) => index >= 0 && index < source.Length ? source[index] : '\0';
}
