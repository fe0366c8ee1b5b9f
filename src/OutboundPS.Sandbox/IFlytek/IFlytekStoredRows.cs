using System.Collections.Generic;

namespace OutboundPS.Sandbox.IFlytek;

/// <summary>
/// The rows a yeta task holds, kept as the insert bodies that brought them: their values are read only when a call of
/// the row makes its pushes (task_row_head, task_row_value). An import of a task never dialled, as in the host's
/// pipeline benchmark, so costs the sandbox no string per cell.
/// </summary>
internal sealed class IFlytekStoredRows
{
    private readonly List<(int FirstRow, long FirstDataId, string[] Head, byte[] Body)> _batches = new();
    private int _cachedBatch = -1;
    private List<string[]>? _cachedValues;

    /// <summary>Rows held.</summary>
    internal int Count { get; private set; }

    /// <summary>Keeps one insert's rows: their ids run from <paramref name="firstDataId"/>, their values are in <paramref name="body"/>.</summary>
    internal void Add(long firstDataId, string[] head, byte[] body, int rows)
    {
        _batches.Add((Count, firstDataId, head, body));
        Count += rows;
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
