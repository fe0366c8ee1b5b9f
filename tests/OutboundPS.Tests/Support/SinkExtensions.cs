using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;

namespace OutboundPS.Tests.Support;

internal static class SinkExtensions
{
    /// <summary>Prepares and sends one batch, as the import engine does.</summary>
    internal static Task<BatchOutcome> SendAsync(this ICustomerSink sink, IReadOnlyList<CustomerRow> rows, CancellationToken cancellationToken) =>
        sink.SendAsync(sink.Prepare(rows), cancellationToken);
}
