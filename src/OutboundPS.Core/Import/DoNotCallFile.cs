using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using OutboundPS.Contract;

namespace OutboundPS.Import;

/// <summary>
/// Reads a do-not-call file (-ExcludePhonePath): a .csv file is a table whose phone column is found by the import's own
/// names (Phone, Mobile, 手机号码, …); any other file holds one number a line, blank lines skipped. UTF-8 unless the
/// file starts with another encoding's byte-order mark. Each entry is passed on with the line it starts on.
/// </summary>
internal static class DoNotCallFile
{
    internal static void Read(string path, Action<string, long> entry)
    {
        using var reader = Open(path);
        if (string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase)) ReadCsv(path, reader, entry);
        else ReadLines(reader, entry);
    }

    private static StreamReader Open(string path)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            return new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw OutboundErrors.InvalidArgument("ExcludePhonePath", path, $"cannot be read: {error.Message}",
                "Give the path of a file that exists and that you may read; nothing was sent.");
        }
    }

    private static void ReadLines(StreamReader reader, Action<string, long> entry)
    {
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text)) entry(text, line);
        }
    }

    private static void ReadCsv(string path, StreamReader reader, Action<string, long> entry)
    {
        var csv = new CsvRecords(reader);
        if (!csv.Next()) return;
        var header = csv.Fields.ToArray();
        CustomerColumns columns;
        try
        {
            columns = CustomerColumnDetector.Detect(header, null, null, Array.Empty<string>());
        }
        catch (OutboundException)
        {
            throw OutboundErrors.InvalidArgument("ExcludePhonePath", path,
                $"has no phone column: looked for {string.Join(", ", CustomerColumnNames.Phone)}; its first line has {string.Join(", ", header)}.",
                "Name the column one of those, or save the numbers one a line in a file that does not end in .csv; nothing was sent.");
        }

        var phone = Array.FindIndex(header, name => string.Equals(name, columns.PhoneColumn, StringComparison.Ordinal));
        while (csv.Next())
        {
            // A blank line between records is no row; a row whose phone cell is empty is an entry that is not a number.
            if (csv.Fields.Count == 1 && csv.Fields[0].Length == 0) continue;
            entry(phone < csv.Fields.Count ? csv.Fields[phone] : string.Empty, csv.Line);
        }
    }

    /// <summary>RFC 4180 records, as Export-Csv and Excel write them: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private sealed class CsvRecords
    {
        private readonly TextReader _reader;
        private readonly StringBuilder _field = new();
        private long _nextLine = 1;

        internal CsvRecords(TextReader reader) => _reader = reader;

        internal List<string> Fields { get; } = new();

        /// <summary>The line the current record starts on.</summary>
        internal long Line { get; private set; }

        internal bool Next()
        {
            Fields.Clear();
            _field.Clear();
            Line = _nextLine;
            var c = _reader.Read();
            if (c < 0) return false;
            var quoted = false;
            while (true)
            {
                if (quoted)
                {
                    if (c < 0) break;
                    if (c == '"')
                    {
                        if (_reader.Peek() == '"') _reader.Read();
                        else quoted = false;
                        if (quoted) _field.Append('"');
                    }
                    else
                    {
                        if (c == '\n') _nextLine++;
                        _field.Append((char)c);
                    }
                }
                else if (c == '"' && _field.Length == 0) quoted = true;
                else if (c == ',') EndField();
                else if (c is '\n' or -1)
                {
                    _nextLine++;
                    break;
                }
                else if (c == '\r')
                {
                    if (_reader.Peek() == '\n') _reader.Read();
                    _nextLine++;
                    break;
                }
                else _field.Append((char)c);

                c = _reader.Read();
            }

            EndField();
            return true;
        }

        private void EndField()
        {
            Fields.Add(_field.ToString().Trim());
            _field.Clear();
        }
    }
}
