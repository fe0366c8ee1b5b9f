using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace OutboundPS.Results;

/// <summary>Call records handed out a batch at a time as they arrive, so Get-OutboundCallRecord streams them.</summary>
internal interface ICallRecordStream : IDisposable
{
    /// <summary>Records the source holds in all (before local filtering), when it says; for progress.</summary>
    int? Total { get; }

    /// <summary>Records read so far (before local filtering).</summary>
    long Scanned { get; }

    /// <summary>The next batch of records that pass the filters (possibly none), or null when everything has been read.</summary>
    Task<IReadOnlyList<OutboundCallRecord>?> NextAsync();
}
