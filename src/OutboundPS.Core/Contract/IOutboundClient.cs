using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Contract;

/// <summary>
/// What the cmdlets and the engine call: every operation, for every vendor. A session hands out a GuardedClient around
/// the vendor's own client, so an operation the vendor lacks ends with NotImplemented naming the alternative from its
/// descriptor; it never does something else instead. The reads of call results are optional too (ICallRecordReads,
/// IFailedPushReads), as are the account reads (ISeatReads, ISmsTemplateReads). Voices (IVoiceReads) are not: a vendor
/// without voices lists none.
/// </summary>
internal interface IOutboundClient : IVendorClient, ICallRecordReads, IFailedPushReads, IVoiceReads, ISeatReads, ISmsTemplateReads
{
    /// <summary>The vendor, with its limits, rules and capability table.</summary>
    VendorDescriptor Descriptor { get; }

    OutboundVendor Vendor { get; }

    /// <summary>Changes a task that is not running (ITaskUpdates), or NotImplemented.</summary>
    Task UpdateTaskAsync(TaskUpdateSpec spec, CancellationToken cancellationToken);

    /// <summary>Ends a task for good (ITaskStops), or NotImplemented.</summary>
    Task StopTaskAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>The vendor's blocklists (IBlocklists); NotImplemented, before anything is sent, when it keeps none.</summary>
    IBlocklists Blocklists { get; }
}
