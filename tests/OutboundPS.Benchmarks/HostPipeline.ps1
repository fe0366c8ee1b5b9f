#requires -Version 7.4
<#
.SYNOPSIS
    The cost of Import-OutboundCustomer in a real PowerShell pipeline, against the floor of reading the same CSV.
.DESCRIPTION
    Writes a CSV of -Rows customers, then times, in alternating pairs, 'Import-Csv | Out-Null' (the floor) and
    'Import-Csv | Import-OutboundCustomer' into a new task of the in-process iFlytek sandbox. Prints each pair, the
    medians, and their ratio, judged against the bar of 1.5x: over it, the script prints MISS and exits with code 1.
    The first -Warmup pairs are not counted: while the runtime is still compiling (hot code at its optimizing tier,
    and code that runs once a pair once it has run thirty times), every pair is slower and the figures are noise. Each
    pair prints how long the runtime spent compiling during it (System.Runtime.JitInfo): here that is hundreds of
    milliseconds a pair up to about pair 18, tens up to pair 30, a burst at pair 31 (the thirtieth run of each
    command's once-a-pair code) and nothing from about pair 35, hence forty warm-up pairs. The first pair, in a process
    that has run neither pipeline before, is printed too: what a one-off import costs. Each task is removed after its
    pair, so the sandbox does not hold every imported number. Build the module first (dotnet build -c Release).
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/OutboundPS.Benchmarks/HostPipeline.ps1
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/OutboundPS.Benchmarks/HostPipeline.ps1 -Warmup 20 -Pairs 15

    The pairs from the twenty-first on, through the runtime's last compilations.
#>
[CmdletBinding()]
param(
    [int] $Rows = 100000,
    [int] $Pairs = 3,
    [int] $Warmup = 40,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/OutboundPS/OutboundPS.psd1')
)
$ErrorActionPreference = 'Stop'
# The bar (README, "In the host"): the import may take at most half again as long as reading the file alone. The other
# figures' targets are in Targets.cs; this one is measured here, so it is kept here.
$ratioTarget = 1.5
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath -Force

$csv = Join-Path ([IO.Path]::GetTempPath()) "outboundps-pipeline-$Rows.csv"
if (-not (Test-Path $csv)) {
    $lines = [Collections.Generic.List[string]]::new($Rows + 1)
    $lines.Add('手机号码,姓名')
    for ($i = 0; $i -lt $Rows; $i++) { $lines.Add(('1{0:D10},客户{0}' -f (3000000000 + $i))) }
    [IO.File]::WriteAllLines($csv, $lines, [Text.UTF8Encoding]::new($true))
}

$session = Connect-Outbound -Vendor IFlytek -Sandbox -Name pipeline-benchmark -PassThru
$floor = [Collections.Generic.List[double]]::new()
$import = [Collections.Generic.List[double]]::new()
for ($pair = 1 - $Warmup; $pair -le $Pairs; $pair++) {
    $compiling = [System.Runtime.JitInfo]::GetCompilationTime($false)
    $task = New-OutboundTask -Session $session -Name "pipeline $pair" -RobotId '720' -Line '055169101401'
    [GC]::Collect()
    $floorSeconds = (Measure-Command { Import-Csv $csv | Out-Null }).TotalSeconds
    [GC]::Collect()
    $importSeconds = (Measure-Command { $script:result = Import-Csv $csv | Import-OutboundCustomer -TaskId $task.Id }).TotalSeconds
    if ($result.Accepted -ne $Rows) { throw "Pair ${pair}: only $($result.Accepted) of $Rows rows were accepted." }
    Remove-OutboundTask -Session $session -Id $task.Id -Force
    $label = if ($pair -lt 1) { 'warm-up' } else { "pair $pair" }
    $compiled = ([System.Runtime.JitInfo]::GetCompilationTime($false) - $compiling).TotalMilliseconds
    '{0,-8} Import-Csv | Out-Null {1,6:0.000} s   Import-Csv | Import-OutboundCustomer {2,6:0.000} s   JIT {3,4:0} ms' -f $label, $floorSeconds, $importSeconds, $compiled
    if ($pair -eq 1 - $Warmup) { $cold = $floorSeconds, $importSeconds }
    if ($pair -lt 1) { continue }
    $floor.Add($floorSeconds)
    $import.Add($importSeconds)
}
Disconnect-Outbound -Name pipeline-benchmark

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}
$floorMedian = Get-Median $floor
$importMedian = Get-Median $import
$ratio = $importMedian / $floorMedian
'PowerShell {0}, {1:N0} rows, median of {2} alternating pairs after {3} warm-up pairs' -f $PSVersionTable.PSVersion, $Rows, $Pairs, $Warmup
'Import-Csv | Out-Null                  {0,6:0.000} s' -f $floorMedian
'Import-Csv | Import-OutboundCustomer   {0,6:0.000} s' -f $importMedian
'ratio                                  {0,6:0.00} x' -f $ratio
if ($Warmup -gt 0) { 'first pair, in a cold process: Import-Csv | Out-Null {0:0.000} s, Import-Csv | Import-OutboundCustomer {1:0.000} s' -f $cold[0], $cold[1] }

$met = $ratio -le $ratioTarget
'median ratio {0:0.000} x, target <= {1:0.0} x: {2}' -f $ratio, $ratioTarget, ($met ? 'PASS' : 'MISS')
if (-not $met) { exit 1 }
