namespace OutboundPS.Contract;

/// <summary>Operations a vendor may lack; the others every vendor offers.</summary>
internal enum VendorOperation
{
    /// <summary>Set-OutboundTask.</summary>
    UpdateTask,

    /// <summary>Stop-OutboundTask.</summary>
    StopTask,

    /// <summary>Get-OutboundCallRecord reading results back by pull (-TaskId, -Pending, -MissedCallback).</summary>
    ReadCallRecords,

    /// <summary>Get-OutboundCallRecord -FailedPushDate.</summary>
    ReadFailedPushes,

    /// <summary>Get-OutboundSeat.</summary>
    ReadSeats,

    /// <summary>Get-OutboundSmsTemplate.</summary>
    ReadSmsTemplates,

    /// <summary>The blocklist cmdlets (Get-/New-/Set-/Remove-OutboundBlocklist, Get-/Add-/Remove-OutboundBlocklistNumber).</summary>
    Blocklists,
}

/// <summary>How each optional operation is named in a NotImplemented error.</summary>
internal static class VendorOperations
{
    internal static string Describe(VendorOperation operation) => operation switch
    {
        VendorOperation.UpdateTask => "changing a task (Set-OutboundTask)",
        VendorOperation.StopTask => "stopping a task (Stop-OutboundTask)",
        VendorOperation.ReadCallRecords => "reading call records back (Get-OutboundCallRecord -TaskId)",
        VendorOperation.ReadSeats => "an AI seat overview (Get-OutboundSeat)",
        VendorOperation.ReadSmsTemplates => "SMS templates (Get-OutboundSmsTemplate)",
        VendorOperation.Blocklists => "blocklists kept by the vendor (the *-OutboundBlocklist and *-OutboundBlocklistNumber cmdlets)",
        _ => "reading the files of failed pushes (Get-OutboundCallRecord -FailedPushDate)",
    };
}

/// <summary>A client that can change a task; a vendor whose client lacks it declares UpdateTask missing.</summary>
internal interface ITaskUpdates
{
    System.Threading.Tasks.Task UpdateTaskAsync(TaskUpdateSpec spec, System.Threading.CancellationToken cancellationToken);
}

/// <summary>A client that can stop a task for good; a vendor whose client lacks it declares StopTask missing.</summary>
internal interface ITaskStops
{
    System.Threading.Tasks.Task StopTaskAsync(string taskId, System.Threading.CancellationToken cancellationToken);
}
