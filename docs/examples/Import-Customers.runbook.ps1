<#
.SYNOPSIS
    Azure Automation runbook: imports a customer CSV into a new iFlytek task, starts it and waits for the result.
.DESCRIPTION
    Needs a credential asset 'yeta-app' (user name = app key, password = app secret) and the OutboundPS module
    imported into the Automation account. Runs unattended: nothing prompts.
#>
param(
    [Parameter(Mandatory)] [string] $CsvPath,
    [Parameter(Mandatory)] [string] $RobotId,
    [Parameter(Mandatory)] [string[]] $Line,
    [string] $TaskName = "Runbook import $(Get-Date -Format 'yyyy-MM-dd')"
)
$ErrorActionPreference = 'Stop'

Connect-Outbound -Vendor IFlytek -Credential (Get-AutomationPSCredential -Name 'yeta-app') -Name runbook

$task = New-OutboundTask -Name $TaskName -RobotId $RobotId -Line $Line -WorkingHours '09:00-12:00', '13:30-20:00'
$result = Import-Csv $CsvPath -Encoding UTF8 | Import-OutboundCustomer -TaskId $task -PassThru -ErrorAction Continue
Write-Output $result

# Keep what was not accepted, with its original columns, for a later retry.
$result.Rows | Where-Object Outcome -ne Accepted | Select-Object -ExpandProperty InputObject |
    Export-Csv (Join-Path $env:TEMP 'not-accepted.csv') -NoTypeInformation

if ($result.Accepted -gt 0) {
    $task | Start-OutboundTask
    $done = $task | Wait-OutboundTask -PollInterval 60 -Timeout 36000
    Write-Output ('{0}: {1} of {2} called, {3} connected' -f $done.Name, $done.Called, $done.Total, $done.Connected)
}

Disconnect-Outbound -Name runbook
