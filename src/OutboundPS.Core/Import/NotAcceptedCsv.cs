using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace OutboundPS.Import;

/// <summary>
/// The -NotAcceptedPath file: every row that did not end Accepted, its input columns followed by Outcome, Reason and
/// Code, written as its outcome becomes known. UTF-8 with a byte-order mark, because Windows PowerShell 5.1's
/// Import-Csv and Excel read a file without one as the ANSI code page and garble Chinese names; every field quoted and
/// CRLF between records (RFC 4180), as Export-Csv writes. Used from the import's one logical thread, never concurrently.
/// </summary>
internal sealed class NotAcceptedCsv : IDisposable
{
    /// <summary>The columns the import adds after the row's own; an input column of the same name gives way to them.</summary>
    internal static readonly string[] OutcomeColumns = { "Outcome", "Reason", "Code" };

    private readonly StreamWriter _writer;
    private string[]? _inputColumns;
    private HashSet<string>? _known;
    private string? _firstMissingColumn;
    private long _rowsWithOtherColumns;
    private bool _broken;

    private NotAcceptedCsv(string path, StreamWriter writer)
    {
        Path = path;
        _writer = writer;
    }

    /// <summary>The file's full path.</summary>
    internal string Path { get; }

    /// <summary>Rows written so far.</summary>
    internal long RowsWritten { get; private set; }

    /// <summary>Rows that had a column the header lacks (its value is not in the file), and the first such column.</summary>
    internal (long Rows, string? Column) RowsWithOtherColumns => (_rowsWithOtherColumns, _firstMissingColumn);

    /// <summary>Creates (or empties) the file now, so no earlier run's rows survive and a bad path fails before any row is sent.</summary>
    internal static NotAcceptedCsv Create(string path)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            return new NotAcceptedCsv(path, new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" });
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw OutboundErrors.InvalidArgument("NotAcceptedPath", path, $"cannot be written: {error.Message}",
                "Give a file path in a folder that exists and that you may write to.");
        }
    }

    /// <summary>Writes one row; the first row written fixes the header.</summary>
    internal void Write(IInputRow row, ImportOutcome outcome, string? reason, string? code)
    {
        if (_broken) return;
        try
        {
            WriteRecord(row, outcome, reason, code);
        }
        catch (IOException error)
        {
            throw Broken(error);
        }
    }

    /// <summary>Puts what is written on disk, whole records only (called between records).</summary>
    internal void Flush()
    {
        if (_broken) return;
        try
        {
            _writer.Flush();
        }
        catch (IOException error)
        {
            throw Broken(error);
        }
    }

    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (IOException) when (_broken)
        {
            // Already reported when the file first failed; the import's account is on the session regardless.
        }
    }

    /// <summary>A file that failed once (a full disk) is written no more, and the import stops: the user asked to keep these rows.</summary>
    private OutboundException Broken(IOException error)
    {
        _broken = true;
        return OutboundErrors.InvalidArgument("NotAcceptedPath", Path, $"could not be written to after {RowsWritten} rows: {error.Message}",
            "Free space or choose another path, and import the rows not yet sent again.");
    }

    private void WriteRecord(IInputRow row, ImportOutcome outcome, string? reason, string? code)
    {
        var names = row.PropertyNames;
        if (_inputColumns is null) WriteHeader(names);
        else NoteOtherColumns(names);

        var columns = _inputColumns!;
        for (var i = 0; i < columns.Length; i++)
        {
            WriteField(row.GetValue(columns[i]));
            _writer.Write(',');
        }

        WriteField(outcome.ToString());
        _writer.Write(',');
        WriteField(reason);
        _writer.Write(',');
        WriteField(code);
        _writer.WriteLine();
        RowsWritten++;
    }

    private void WriteHeader(IReadOnlyList<string> names)
    {
        var columns = new List<string>(names.Count);
        foreach (var name in names)
            if (!IsOutcomeColumn(name)) columns.Add(name);
        _inputColumns = columns.ToArray();
        _known = new HashSet<string>(_inputColumns, StringComparer.OrdinalIgnoreCase);
        foreach (var name in _inputColumns)
        {
            WriteField(name);
            _writer.Write(',');
        }

        for (var i = 0; i < OutcomeColumns.Length; i++)
        {
            if (i > 0) _writer.Write(',');
            WriteField(OutcomeColumns[i]);
        }

        _writer.WriteLine();
    }

    /// <summary>Rows of another shape (hashtables, mixed objects) keep the first row's header, as Export-Csv does; counted so the user is told.</summary>
    private void NoteOtherColumns(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (_known!.Contains(name) || IsOutcomeColumn(name)) continue;
            _rowsWithOtherColumns++;
            _firstMissingColumn ??= name;
            return;
        }
    }

    private static bool IsOutcomeColumn(string name)
    {
        foreach (var column in OutcomeColumns)
            if (string.Equals(column, name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private void WriteField(string? value)
    {
        _writer.Write('"');
        if (value is not null)
        {
            if (value.IndexOf('"') < 0) _writer.Write(value);
            else _writer.Write(value.Replace("\"", "\"\""));
        }

        _writer.Write('"');
    }
}
