<#
.SYNOPSIS
    Azure Automation runbook: follows the task that Import-Customers.runbook.ps1 started, for at most one job's time,
    and writes one line of progress or the final counts.
.DESCRIPTION
    Schedule it (hourly, say) after the import runbook. Each run waits at most -WaitMinutes, well inside the 3-hour
    limit of a cloud job, then reports and ends; the next scheduled run picks up where it left off, because the task
    runs at the vendor whether or not anything waits for it. When the task is done, the run says so; read its results
    with Export-CallRecords.runbook.ps1 (BYRobot) or from the stored pushes (iFlytek).

    Needs the credential asset 'yeta-app' and the variable asset 'outbound-task-id' (written by the import runbook),
    or a -TaskId.
#>
param(
    [string] $TaskId = (Get-AutomationVariable -Name 'outbound-task-id'),
    [ValidateRange(1, 150)] [int] $WaitMinutes = 50
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

Connect-Outbound -Vendor IFlytek -Credential (Get-AutomationPSCredential -Name 'yeta-app') -Name wait

# A wait that runs out is a non-terminating OutboundPS.WaitTimeout error and returns nothing: report progress instead.
$done = Wait-OutboundTask -Id $TaskId -Timeout ($WaitMinutes * 60) -PollInterval 60 -ErrorAction SilentlyContinue
$task = if ($done) { $done } else { Get-OutboundTask -Id $TaskId }
Write-Output ('Task {0} ({1}) {2}: {3} of {4} called, {5} connected, {6} remaining{7}' -f
    $task.Name, $task.Id, $task.Status, $task.Called, $task.Total, $task.Connected, $task.Remaining,
    $(if ($done) { '; done.' } else { "; still running after $WaitMinutes minutes, the next run follows on." }))

Disconnect-Outbound -Name wait
