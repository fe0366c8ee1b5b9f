using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Vendors;

/// <summary>Sends batches of validated customers to one task.</summary>
internal interface ICustomerSink
{
    /// <summary>The vendor's hard limit of rows per request.</summary>
    int MaxBatchSize { get; }

    /// <summary>The batch size used when the user does not choose one.</summary>
    int DefaultBatchSize { get; }

    /// <summary>Serializes one batch into the vendor's request body.</summary>
    PreparedBatch Prepare(IReadOnlyList<CustomerRow> batch);

    /// <summary>Sends one prepared batch. Throws OutboundException when the vendor refuses it or its fate is unknown.</summary>
    Task<BatchOutcome> SendAsync(PreparedBatch batch, CancellationToken cancellationToken);
}
