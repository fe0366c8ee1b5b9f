using System.Collections.Generic;

namespace OutboundPS.Contract;

/// <summary>
/// A batch serialized ahead of sending, so that the import can prepare the next request while
/// earlier ones are still in flight and a retry resends exactly the same bytes.
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
