<#
.SYNOPSIS
    The main job, end to end, on the embedded sandbox: connect, create a task, import the sample customers, start it,
    wait for it to finish and show the call records.
.DESCRIPTION
    Needs only the module built from this repository (dotnet tool restore, then dotnet pwsh ./build.ps1, or
    ./build.ps1 -Task Build alone). -Sandbox is an in-process simulator of the vendor: no account, no secret, nothing
    is dialled, and its clock runs 60 times faster than real time, so the task finishes in seconds.
    The same lines run on either vendor; only the robot and line ids differ, and they are picked from the lists.
.EXAMPLE
    dotnet pwsh -NoProfile -File docs/examples/Invoke-SandboxCallTask.ps1

    The iFlytek yeta sandbox.
.EXAMPLE
    dotnet pwsh -NoProfile -File docs/examples/Invoke-SandboxCallTask.ps1 -Vendor ByRobot
#>
[CmdletBinding()]
param(
    [ValidateSet('IFlytek', 'ByRobot')]
    [string] $Vendor = 'IFlytek',

    # The customers to call: UTF-8 with Chinese headers, as Excel saves them.
    [string] $CustomerCsv = (Join-Path $PSScriptRoot 'customers.zh-CN.csv'),

    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/OutboundPS/OutboundPS.psd1')
)
$ErrorActionPreference = 'Stop'
if (-not (Test-Path -LiteralPath $ModulePath)) {
    throw "The module is not built at $ModulePath. Run 'dotnet tool restore' and 'dotnet pwsh ./build.ps1 -Task Build' in the repository first."
}
Import-Module $ModulePath

Connect-Outbound -Vendor $Vendor -Sandbox
# A robot that reads the customer's amount (金额, a column of the CSV), and the first caller line.
$robot = Get-OutboundRobot | Where-Object Variables -Contains '金额' | Select-Object -First 1
$line = Get-OutboundLine | Select-Object -First 1
$task = New-OutboundTask -Name 'Sandbox main job' -RobotId $robot.Id -Line $line.Id

$import = Import-Csv -LiteralPath $CustomerCsv | Import-OutboundCustomer -TaskId $task -PassThru
# Out-Host draws each table on its own, in its type's default view (80 columns wide or more).
$import | Format-Table Submitted, Accepted, Rejected, Failed, Unknown | Out-Host

$task | Start-OutboundTask
$finished = $task | Wait-OutboundTask -PollInterval 1 -Timeout 300
$finished | Out-Host

Get-OutboundCallRecord -TaskId $task | Out-Host
Disconnect-Outbound
if ($finished.Status -ne 'Completed' -or $import.Accepted -ne $import.Submitted) {
    throw "The sandbox job did not complete as expected: task $($finished.Status), $($import.Accepted) of $($import.Submitted) customers accepted."
}
