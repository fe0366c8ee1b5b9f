using System.Collections.Generic;

namespace OutboundPS.Contract;

/// <summary>
/// A batch serialized once before sending, so that a retry resends exactly the same bytes. The import serializes it
/// on the thread that sends it, not on the pipeline's.
/// </summary>
internal sealed class PreparedBatch
{
    internal PreparedBatch(IReadOnlyList<CustomerRow> rows, byte[] body)
    {
        Rows = rows;
        Body = body;
    }

    internal IReadOnlyList<CustomerRow> Rows { get; }
    internal byte[] Body { get; }
}
