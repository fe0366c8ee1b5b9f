using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Contract;

/// <summary>Sends batches of validated customers to one task; batch sizes are the vendor descriptor's limits.</summary>
internal interface ICustomerSink
{
    /// <summary>Serializes one batch into the vendor's request body.</summary>
    PreparedBatch Prepare(IReadOnlyList<CustomerRow> batch);

    /// <summary>Sends one prepared batch. Throws OutboundException when the vendor refuses it or its fate is unknown.</summary>
    Task<BatchOutcome> SendAsync(PreparedBatch batch, CancellationToken cancellationToken);
}
