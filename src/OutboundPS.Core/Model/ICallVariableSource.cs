using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS;

/// <summary>Where a call record's variables are read from, when the list the record came from carried none.</summary>
internal interface ICallVariableSource
{
    /// <summary>The variables the customer was called with; the record is done with its source afterwards.</summary>
    Task<IReadOnlyDictionary<string, string>> ReadAsync(OutboundCallRecord record, CancellationToken cancellationToken);
}
