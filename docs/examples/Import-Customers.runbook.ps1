<#
.SYNOPSIS
    Azure Automation runbook: imports a customer CSV into a new iFlytek task, starts it and ends, with a summary only.
.DESCRIPTION
    The first of two runbooks; the second, Wait-CallTask.runbook.ps1, is scheduled to follow the task until it is done.
    This one never waits for calls: a cloud job is stopped after 3 hours (fair share), while a task dials for a day.

    Needs a credential asset 'yeta-app' (user name = app key, password = app secret), a string variable asset
    'outbound-task-id' for the hand-over to the second runbook, and the OutboundPS module imported into the Automation
    account. Runs unattended: nothing prompts, no progress is written.

    Within Azure Automation's limits (about_OutboundPS, "Runbooks in Azure Automation"):
    - 400 MB of memory: the import streams; no -PassThru, which would keep a record of every row.
    - 1 MiB per output stream: -ErrorLimit writes the first errors and one that counts the rest; every row that was
      not accepted goes to the -NotAcceptedPath file instead, with its original columns and Outcome, Reason, Code.
    - 3 hours a job: at the vendors' rates a million rows import in well under an hour; split larger files.
    - The job's temporary folder is deleted when the job ends: copy the not-accepted file to storage
      (-StorageAccountName, -Container, with the Automation account's managed identity and Az.Storage).
#>
param(
    [Parameter(Mandatory)] [string] $CsvPath,
    [Parameter(Mandatory)] [string] $RobotId,
    [Parameter(Mandatory)] [string[]] $Line,
    [string] $TaskName = "Runbook import $(Get-Date -Format 'yyyy-MM-dd')",
    [string] $StorageAccountName,
    [string] $Container = 'outbound'
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

Connect-Outbound -Vendor IFlytek -Credential (Get-AutomationPSCredential -Name 'yeta-app') -Name runbook

$task = New-OutboundTask -Name $TaskName -RobotId $RobotId -Line $Line -WorkingHours '09:00-12:00', '13:30-20:00'
$notAccepted = Join-Path ([System.IO.Path]::GetTempPath()) ('not-accepted-{0}.csv' -f $task.Id)
# Rows that are not accepted are non-terminating errors: keep going, and keep them in the file.
$result = Import-Csv $CsvPath -Encoding UTF8 |
    Import-OutboundCustomer -TaskId $task -NotAcceptedPath $notAccepted -ErrorLimit 20 -ErrorAction Continue

$kept = $notAccepted
if ($StorageAccountName -and ($result.Submitted -gt $result.Accepted)) {
    $null = Connect-AzAccount -Identity
    $context = New-AzStorageContext -StorageAccountName $StorageAccountName -UseConnectedAccount
    $blob = Set-AzStorageBlobContent -File $notAccepted -Container $Container -Blob (Split-Path $notAccepted -Leaf) -Context $context -Force
    $kept = $blob.ICloudBlob.Uri.AbsoluteUri
}

if ($result.Accepted -gt 0) {
    $task | Start-OutboundTask
    # The second runbook reads the task id from here.
    Set-AutomationVariable -Name 'outbound-task-id' -Value $task.Id
}

# The job's only output: one line.
Write-Output ('Task {0} ({1}): {2} rows, {3} accepted, {4} rejected, {5} failed, {6} unknown in {7:0} s; not accepted: {8}; {9}' -f
    $task.Name, $task.Id, $result.Submitted, $result.Accepted, $result.Rejected, $result.Failed, $result.Unknown,
    $result.Duration.TotalSeconds, $kept, $(if ($result.Accepted -gt 0) { 'started' } else { 'not started' }))

Disconnect-Outbound -Name runbook
