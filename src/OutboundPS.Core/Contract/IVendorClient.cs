using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Contract;

/// <summary>
/// What a vendor's client implements: the operations every vendor offers. Optional ones are separate interfaces
/// (ITaskUpdates, ITaskStops) that a client implements only when its vendor offers them.
/// </summary>
internal interface IVendorClient : IDisposable
{
    /// <summary>Proves the credentials work (iFlytek: obtain a token; BYRobot: a signed read).</summary>
    Task ValidateCredentialsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboundLine>> GetLinesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboundRobot>> GetRobotsAsync(CancellationToken cancellationToken);

    /// <summary>Creates a task and returns it as the vendor now reports it.</summary>
    Task<OutboundTask> CreateTaskAsync(NewTaskSpec spec, CancellationToken cancellationToken);

    Task<OutboundTask> GetTaskAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Why a task will not move until someone acts outside OutboundPS (an account in arrears), or null.</summary>
    OutboundException? StalledBy(OutboundTask task);

    /// <summary>One page (1-based) of tasks matching the filter, at the vendor's largest page size.</summary>
    Task<TaskPage> GetTaskPageAsync(TaskFilter filter, int pageIndex, CancellationToken cancellationToken);

    Task StartTaskAsync(string taskId, CancellationToken cancellationToken);

    Task PauseTaskAsync(string taskId, CancellationToken cancellationToken);

    Task DeleteTaskAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Checks the task can take customers with these columns and returns where to send batches.</summary>
    Task<ICustomerSink> OpenImportAsync(string taskId, CustomerColumns columns, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboundCallResult>> CallAsync(CallSpec spec, CancellationToken cancellationToken);
}
