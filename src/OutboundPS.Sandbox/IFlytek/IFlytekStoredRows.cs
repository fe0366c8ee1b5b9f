using System;
using System.Collections.Generic;
using System.Linq;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>
/// The rows a yeta task holds, kept as the insert bodies that brought them: their values are read only when a call of
/// the row makes its pushes (task_row_head, task_row_value). An import of a task never dialled, as in the host's
/// pipeline benchmark, so costs the sandbox no string per cell. The bodies are copied into large shared blocks, and
/// batches with the same columns share one array of their names: the in-process sandbox shares its heap with the client, and
/// a few large arrays cost the client's garbage collections nothing to promote, where an array per insert would.
/// </summary>
internal sealed class IFlytekStoredRows
{
    private const int BlockSize = 1 << 20;
    private readonly List<(int FirstRow, long FirstDataId, string[] Head, ReadOnlyMemory<byte> Body)> _batches = new();
    private byte[] _block = Array.Empty<byte>();
    private int _blockUsed;
    private int _cachedBatch = -1;
    private List<string[]>? _cachedValues;

    /// <summary>Rows held.</summary>
    internal int Count { get; private set; }

    /// <summary>Keeps one insert's rows: their ids run from <paramref name="firstDataId"/>, their values are in <paramref name="body"/>.</summary>
    internal void Add(long firstDataId, IReadOnlyList<string> head, ReadOnlyMemory<byte> body, int rows)
    {
        var previous = _batches.Count == 0 ? null : _batches[_batches.Count - 1].Head;
        _batches.Add((Count, firstDataId, previous is not null && previous.SequenceEqual(head) ? previous : head.ToArray(), Keep(body)));
        Count += rows;
    }

    /// <summary>Drops every row and the blocks that held them (a deleted task is never dialled again).</summary>
    internal void Clear()
    {
        _batches.Clear();
        _batches.TrimExcess();
        _block = Array.Empty<byte>();
        _blockUsed = 0;
        _cachedBatch = -1;
        _cachedValues = null;
        Count = 0;
    }

    /// <summary>The row at a position (0-based, arrival order): its task_data_id, the columns and its values.</summary>
    internal (long DataId, string[] Head, string[] Values) this[int row]
    {
        get
        {
            var batch = BatchOf(row);
            var (first, firstDataId, head, body) = _batches[batch];
            if (batch != _cachedBatch)
            {
                // Calls are made in arrival order, so one batch's values serve the next fifty calls.
                _cachedValues = YetaRowsRequest.Read(body, keepValues: true)?.Values ?? new List<string[]>();
                _cachedBatch = batch;
            }

            var values = row - first < _cachedValues!.Count ? _cachedValues[row - first] : new string[0];
            return (firstDataId + row - first, head, values);
        }
    }

    private ReadOnlyMemory<byte> Keep(ReadOnlyMemory<byte> body)
    {
        // A body too large to share a block well keeps an array of its own.
        if (body.Length > BlockSize / 4) return body.ToArray();
        if (_blockUsed + body.Length > _block.Length)
        {
            // Small tasks (a test's handful of rows) get small blocks; an import's blocks grow to the large size.
            _block = new byte[Math.Max(body.Length, Math.Min(BlockSize, Math.Max(16 * 1024, _block.Length * 2)))];
            _blockUsed = 0;
        }

        var kept = new Memory<byte>(_block, _blockUsed, body.Length);
        body.CopyTo(kept);
        _blockUsed += body.Length;
        return kept;
    }

    private int BatchOf(int row)
    {
        int low = 0, high = _batches.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_batches[middle].FirstRow <= row) low = middle;
            else high = middle - 1;
        }

        return low;
    }
}
