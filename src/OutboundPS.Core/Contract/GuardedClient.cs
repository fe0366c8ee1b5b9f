using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Contract;

/// <summary>
/// Applies a vendor's descriptor before its client sees a request: operations it lacks end with NotImplemented naming
/// the alternative, parameters it does not take and values outside its limits are refused before anything is sent.
/// The vendor clients therefore carry none of these lists, and none of the other vendor's names.
/// </summary>
internal sealed class GuardedClient : IOutboundClient
{
    private readonly IVendorClient _inner;

    internal GuardedClient(VendorDescriptor descriptor, IVendorClient inner)
    {
        Descriptor = descriptor;
        _inner = inner;
    }

    public VendorDescriptor Descriptor { get; }

    public OutboundVendor Vendor => Descriptor.Vendor;

    public Task ValidateCredentialsAsync(CancellationToken cancellationToken) => _inner.ValidateCredentialsAsync(cancellationToken);

    public Task<IReadOnlyList<OutboundLine>> GetLinesAsync(CancellationToken cancellationToken) => _inner.GetLinesAsync(cancellationToken);

    public Task<IReadOnlyList<OutboundRobot>> GetRobotsAsync(CancellationToken cancellationToken) => _inner.GetRobotsAsync(cancellationToken);

    public Task<OutboundTask> CreateTaskAsync(NewTaskSpec spec, CancellationToken cancellationToken)
    {
        foreach (var (option, given) in Given(spec))
            if (given && Descriptor.RefusedTaskOptions.TryGetValue(option, out var alternative))
                throw OutboundErrors.ParameterNotSupported(Vendor, option.ToString(), alternative);
        var most = Descriptor.Limits.MaxRecallCount;
        if (spec.RecallCount is { } count && (count < 0 || count > most))
            throw OutboundErrors.InvalidArgument("RecallCount", count, $"{Descriptor.DisplayName} allows 0 to {most} recall rounds.", $"Pass 0 (no recall) to {most}.");
        return _inner.CreateTaskAsync(spec, cancellationToken);
    }

    public Task<OutboundTask> GetTaskAsync(string taskId, CancellationToken cancellationToken) => _inner.GetTaskAsync(taskId, cancellationToken);

    public OutboundException? StalledBy(OutboundTask task) => _inner.StalledBy(task);

    public Task<TaskPage> GetTaskPageAsync(TaskFilter filter, int pageIndex, CancellationToken cancellationToken) =>
        _inner.GetTaskPageAsync(filter, pageIndex, cancellationToken);

    public Task UpdateTaskAsync(TaskUpdateSpec spec, CancellationToken cancellationToken) =>
        _inner is ITaskUpdates updates ? updates.UpdateTaskAsync(spec, cancellationToken) : throw Missing(VendorOperation.UpdateTask);

    public Task StartTaskAsync(string taskId, CancellationToken cancellationToken) => _inner.StartTaskAsync(taskId, cancellationToken);

    public Task PauseTaskAsync(string taskId, CancellationToken cancellationToken) => _inner.PauseTaskAsync(taskId, cancellationToken);

    public Task StopTaskAsync(string taskId, CancellationToken cancellationToken) =>
        _inner is ITaskStops stops ? stops.StopTaskAsync(taskId, cancellationToken) : throw Missing(VendorOperation.StopTask);

    public Task<IReadOnlyList<VendorVoice>> GetVoicesAsync(CancellationToken cancellationToken) =>
        _inner is IVoiceReads voices ? voices.GetVoicesAsync(cancellationToken) : Task.FromResult<IReadOnlyList<VendorVoice>>(Array.Empty<VendorVoice>());

    public Task DeleteTaskAsync(string taskId, CancellationToken cancellationToken) => _inner.DeleteTaskAsync(taskId, cancellationToken);

    public Task<ICustomerSink> OpenImportAsync(string taskId, CustomerColumns columns, CancellationToken cancellationToken) =>
        _inner.OpenImportAsync(taskId, columns, cancellationToken);

    public Task<IReadOnlyList<OutboundCallResult>> CallAsync(CallSpec spec, CancellationToken cancellationToken)
    {
        foreach (var (option, given) in Given(spec))
            if (given && Descriptor.RefusedCallOptions.TryGetValue(option, out var alternative))
                throw OutboundErrors.ParameterNotSupported(Vendor, option.ToString(), alternative);
        return _inner.CallAsync(spec, cancellationToken);
    }

    public Task<CallRecordPage> GetFinishedCallsAsync(CallRecordFilter filter, int pageIndex, CancellationToken cancellationToken) =>
        Records().GetFinishedCallsAsync(filter, pageIndex, cancellationToken);

    public Task<CallRecordPage> GetPendingCallsAsync(string taskId, int pageIndex, CancellationToken cancellationToken) =>
        Records().GetPendingCallsAsync(taskId, pageIndex, cancellationToken);

    public Task<OutboundCallRecord> GetCallAsync(string callId, CancellationToken cancellationToken) => Records().GetCallAsync(callId, cancellationToken);

    public Task<CallRecordPage> GetMissedCallbacksAsync(string? taskId, DateTime since, DateTime until, int pageIndex, CancellationToken cancellationToken) =>
        Records().GetMissedCallbacksAsync(taskId, since, until, pageIndex, cancellationToken);

    public Task<IReadOnlyList<Uri>> GetFailedPushFilesAsync(DateTime date, CancellationToken cancellationToken) =>
        FailedPushes().GetFailedPushFilesAsync(date, cancellationToken);

    public Task<byte[]> DownloadAsync(Uri file, CancellationToken cancellationToken) => FailedPushes().DownloadAsync(file, cancellationToken);

    public Task<OutboundSeat> GetSeatsAsync(CancellationToken cancellationToken) =>
        _inner is ISeatReads seats ? seats.GetSeatsAsync(cancellationToken) : throw Missing(VendorOperation.ReadSeats);

    public Task<SmsTemplatePage> GetSmsTemplatePageAsync(IReadOnlyList<SmsTemplateStatus>? status, int pageIndex, CancellationToken cancellationToken) =>
        _inner is ISmsTemplateReads templates ? templates.GetSmsTemplatePageAsync(status, pageIndex, cancellationToken) : throw Missing(VendorOperation.ReadSmsTemplates);

    public IBlocklists Blocklists => _inner as IBlocklists ?? throw Missing(VendorOperation.Blocklists);

    public void Dispose() => _inner.Dispose();

    private ICallRecordReads Records() => _inner as ICallRecordReads ?? throw Missing(VendorOperation.ReadCallRecords);

    private IFailedPushReads FailedPushes() => _inner as IFailedPushReads ?? throw Missing(VendorOperation.ReadFailedPushes);

    private OutboundException Missing(VendorOperation operation) =>
        OutboundErrors.NotImplemented(Vendor, VendorOperations.Describe(operation),
            Descriptor.MissingOperations.TryGetValue(operation, out var alternative) ? alternative : "No alternative is known.");

    private static IEnumerable<(TaskOption, bool)> Given(NewTaskSpec spec)
    {
        yield return (TaskOption.EndTime, spec.EndTime is not null);
        yield return (TaskOption.Concurrency, spec.Concurrency is not null);
        yield return (TaskOption.Voice, spec.Voice is not null);
        yield return (TaskOption.Manual, spec.Manual);
        yield return (TaskOption.SceneId, spec.SceneId is not null);
        yield return (TaskOption.SceneRecordId, spec.SceneRecordId is not null);
        yield return (TaskOption.CallType, spec.CallType is not null);
        yield return (TaskOption.SendSms, spec.SendSms);
        yield return (TaskOption.Remark, spec.Remark is not null);
    }

    private static IEnumerable<(CallOption, bool)> Given(CallSpec spec)
    {
        yield return (CallOption.Line, spec.Line is not null);
        yield return (CallOption.Voice, spec.Voice is not null);
        yield return (CallOption.CustomerId, spec.CustomerId is not null);
        yield return (CallOption.SceneId, spec.SceneId is not null);
        yield return (CallOption.SceneRecordId, spec.SceneRecordId is not null);
    }
}
