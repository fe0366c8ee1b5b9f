<#
.SYNOPSIS
    Azure Automation runbook: exports yesterday's call records of every BYRobot task to a CSV, and writes a summary.
.DESCRIPTION
    Needs a credential asset 'byrobot-app' (user name = app key, password = app secret) and the OutboundPS module
    imported into the Automation account. Schedule it daily after midnight (China time). The CSV holds one row per
    call; the job's output is a summary only, so it stays far below the 1 MiB output-stream limit however many calls
    there were. Calls whose callback never reached your server are read with -MissedCallback.

    For iFlytek, whose results come only by push, store the pushes (see docs/examples/push-function) and convert a
    day of them with ConvertFrom-OutboundPush; Get-OutboundCallRecord -FailedPushDate reads the ones yeta could not
    deliver.
#>
param(
    [string] $OutFolder = $env:TEMP,
    [datetime] $Day = (Get-Date).AddDays(-1).Date
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

Connect-Outbound -Vendor ByRobot -Credential (Get-AutomationPSCredential -Name 'byrobot-app') -Name results

$path = Join-Path $OutFolder ('call-records-{0:yyyy-MM-dd}.csv' -f $Day)
# Streamed from the vendor to the file, not gathered first, so a busy day fits a cloud job's 400 MB as a quiet one does.
Get-OutboundTask -Status Running, Paused, SystemPaused, Completed, Stopped |
    Get-OutboundCallRecord |
    Where-Object { $_.Dialled -and $_.Dialled.Date -eq $Day } |
    Select-Object TaskId, CallId, Phone, Name, Outcome, VendorStatus, Intent, IntentLabel, Duration, Rounds, Dialled, HungUp, RecordingUri |
    Export-Csv $path -NoTypeInformation -Encoding utf8

# A summary per outcome: the only output of the job.
$summary = Import-Csv $path | Group-Object Outcome | Sort-Object Count -Descending | ForEach-Object { '{0} {1}' -f $_.Count, $_.Name }
Write-Output ('{0:yyyy-MM-dd}: {1} -> {2}' -f $Day, ($summary -join ', '), $path)

Disconnect-Outbound -Name results
