using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Receiving;

/// <summary>
/// A file of pushes, one JSON body a line, appended and flushed to disk before each push is acknowledged. Appends that
/// arrive while a write is under way are written together and flushed once (group commit): one disk flush per push
/// would cap a receiver at the disk's flush rate, far below the pushes a busy account sends.
/// </summary>
internal sealed class PushJournal : IPushStore
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly FileStream _file;
    private readonly object _gate = new();
    private List<(byte[] Line, TaskCompletionSource<bool> Written)> _waiting = new();
    private bool _writing;
    private bool _closed;
    private Task _writer = Task.CompletedTask;

    private PushJournal(string path, FileStream file)
    {
        Path = path;
        _file = file;
    }

    internal string Path { get; }

    /// <summary>
    /// Opens (or creates) the file to append to; other processes may read it meanwhile, none may write. A last line
    /// cut short (a crash while writing it; such a push was never acknowledged) is ended, so the next line stays whole.
    /// </summary>
    internal static PushJournal Open(string path)
    {
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
            try
            {
                if (file.Length > 0)
                {
                    file.Seek(-1, SeekOrigin.End);
                    if (file.ReadByte() != '\n') file.WriteByte((byte)'\n');
                }

                file.Seek(0, SeekOrigin.End);
                return new PushJournal(path, file);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw OutboundErrors.PushFileUnusable(path, error.Message);
        }
    }

    /// <summary>The lines already in a file, for a receiver that appends to it to recognise redeliveries of them.</summary>
    internal static IEnumerable<string> ReadLines(string path)
    {
        if (!File.Exists(path)) yield break;
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), Utf8);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) yield return line;
    }

    /// <inheritdoc />
    public Task AppendAsync(string line)
    {
        var entry = (Utf8.GetBytes(line + "\n"), new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            if (_closed) throw new ObjectDisposedException(nameof(PushJournal));
            _waiting.Add(entry);
            if (!_writing)
            {
                _writing = true;
                _writer = Task.Run(WriteWaiting);
            }
        }

        return entry.Item2.Task;
    }

    /// <summary>Writes what has queued up, as one write and one flush to disk, until nothing waits.</summary>
    private void WriteWaiting()
    {
        var buffer = new MemoryStream();
        while (true)
        {
            List<(byte[] Line, TaskCompletionSource<bool> Written)> group;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                group = _waiting;
                _waiting = new List<(byte[], TaskCompletionSource<bool>)>(group.Count);
            }

            buffer.SetLength(0);
            foreach (var (line, _) in group) buffer.Write(line, 0, line.Length);
            var before = _file.Position;
            try
            {
                _file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                _file.Flush(flushToDisk: true);
            }
            catch (Exception error)
            {
                // None of these pushes is acknowledged, so each comes again: take back what part of them reached the file.
                try
                {
                    _file.SetLength(before);
                    _file.Position = before;
                }
                catch (Exception)
                {
                    // The file is unusable; the next append fails as well and is not acknowledged either.
                }

                foreach (var (_, written) in group) written.TrySetException(error);
                continue;
            }

            foreach (var (_, written) in group) written.TrySetResult(true);
        }
    }

    /// <summary>Waits for the lines accepted so far to be written, then closes the file.</summary>
    public void Dispose()
    {
        Task writer;
        lock (_gate)
        {
            if (_closed) return;
            _closed = true;
            writer = _writer;
        }

        try
        {
            writer.Wait(Timeout.InfiniteTimeSpan);
        }
        catch (AggregateException)
        {
            // Failures reached the appends that waited for them.
        }

        _file.Dispose();
    }
}
