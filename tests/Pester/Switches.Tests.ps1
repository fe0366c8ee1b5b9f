# PowerShell's switch convention, for every switch of every cmdlet: -Name:$false behaves exactly as leaving the switch
# out, so one script serves both vendors (-Manual:($vendor -eq 'ByRobot')) and splatting can carry switches. Each case
# runs the same command twice on a fresh sandbox state, once without the switch and once with it set to $false, and
# compares what a user sees: the output, the state left behind, or the error id.
BeforeDiscovery {
    # Cmdlet, switch, and the vendors the case runs on. The coverage test below keeps this list complete.
    $script:cases = @(
        @{ Cmdlet = 'Connect-Outbound'; Switch = 'Sandbox'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'Connect-Outbound'; Switch = 'PassThru'; Vendor = 'IFlytek' }
        @{ Cmdlet = 'New-OutboundTask'; Switch = 'Manual'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'New-OutboundTask'; Switch = 'SendSms'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'Import-OutboundCustomer'; Switch = 'AllowDuplicate'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'Import-OutboundCustomer'; Switch = 'PassThru'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'Remove-OutboundTask'; Switch = 'Force'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'Set-OutboundTask'; Switch = 'PassThru'; Vendor = 'ByRobot' }
        @{ Cmdlet = 'Start-OutboundTask'; Switch = 'PassThru'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'Suspend-OutboundTask'; Switch = 'PassThru'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'Stop-OutboundTask'; Switch = 'PassThru'; Vendor = 'ByRobot' }
        @{ Cmdlet = 'Get-OutboundTask'; Switch = 'IncludeTotalCount'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'Get-OutboundCallRecord'; Switch = 'IncludeTranscript'; Vendor = 'ByRobot' }
        @{ Cmdlet = 'Get-OutboundCallRecord'; Switch = 'Pending'; Vendor = 'ByRobot' }
        @{ Cmdlet = 'Get-OutboundCallRecord'; Switch = 'MissedCallback'; Vendor = 'ByRobot' }
        @{ Cmdlet = 'Get-OutboundCallRecord'; Switch = 'IncludeTotalCount'; Vendor = 'ByRobot' }
        @{ Cmdlet = 'Get-OutboundSmsTemplate'; Switch = 'IncludeTotalCount'; Vendor = 'ByRobot' }
        @{ Cmdlet = 'Import-OutboundCustomer'; Switch = 'AllowUnassignedRange'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'Invoke-OutboundCall'; Switch = 'AllowUnassignedRange'; Vendor = 'IFlytek', 'ByRobot' }
        @{ Cmdlet = 'Test-OutboundPhone'; Switch = 'AllowUnassignedRange'; Vendor = 'IFlytek' }
        @{ Cmdlet = 'Set-OutboundBlocklist'; Switch = 'PassThru'; Vendor = 'ByRobot' }
        @{ Cmdlet = 'Remove-OutboundBlocklist'; Switch = 'Force'; Vendor = 'ByRobot' }
        @{ Cmdlet = 'Get-OutboundBlocklistNumber'; Switch = 'IncludeTotalCount'; Vendor = 'ByRobot' }
        @{ Cmdlet = 'Add-OutboundBlocklistNumber'; Switch = 'PassThru'; Vendor = 'ByRobot' }
    )
    $script:runs = foreach ($case in $script:cases) {
        foreach ($vendor in $case.Vendor) { @{ Cmdlet = $case.Cmdlet; Switch = $case.Switch; Vendor = $vendor } }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    $script:sessions = @{}
    $script:finished = @{}
    foreach ($vendor in 'IFlytek', 'ByRobot') {
        $session = Connect-Outbound -Vendor $vendor -Sandbox -Name "pester-switches-$vendor" -PassThru
        $script:sessions[$vendor] = $session
    }
    # The sandbox robots without variables and their first line: a customer needs only a name and a phone.
    $script:robot = @{ IFlytek = '720'; ByRobot = '5002' }
    $script:line = @{ IFlytek = '055169101401'; ByRobot = '101' }

    function Initialize-SwitchTask {
        <# A fresh task in the vendor's sandbox session with -Customers customers (enough to keep it running a while). #>
        param([string] $Vendor, [int] $Customers = 3)
        $session = $script:sessions[$Vendor]
        $task = New-OutboundTask -Session $session -Name 'Pester switches' -RobotId $script:robot[$Vendor] -Line $script:line[$Vendor] -Confirm:$false
        if ($Customers) {
            $null = 1..$Customers | ForEach-Object { [pscustomobject]@{ Name = '客户'; Phone = '138{0:D8}' -f $_ } } |
                Import-OutboundCustomer -TaskId $task -Confirm:$false
        }
        $task
    }

    function Initialize-SwitchBlocklist {
        <# A fresh blocklist group in the vendor's sandbox session holding -Numbers numbers. #>
        param([string] $Vendor, [int] $Numbers = 2)
        $list = New-OutboundBlocklist -Session $script:sessions[$Vendor] -Name 'Pester switches' -Confirm:$false
        if ($Numbers) { $null = 1..$Numbers | ForEach-Object { '136{0:D8}' -f $_ } | Add-OutboundBlocklistNumber -ListId $list -Session $script:sessions[$Vendor] -Confirm:$false }
        $list
    }

    function Invoke-OnRunningTask {
        <# Runs -Command on a task kept running by its 200 customers; what a user sees is its output and the status after. #>
        param([string] $Vendor, [string] $Command, [hashtable] $Switch)
        $task = Initialize-SwitchTask -Vendor $Vendor -Customers 200
        Start-OutboundTask $task -Confirm:$false
        $output = @(& $Command $task -Confirm:$false @Switch)
        "output: $($output.Count); status: $((Get-OutboundTask -Session $script:sessions[$Vendor] -Id $task.Id).Status)"
        Remove-OutboundTask -Id $task -Force -ErrorAction SilentlyContinue
    }

    # A finished BYRobot task, for the call-record reads.
    $script:finishedTask = Initialize-SwitchTask -Vendor ByRobot
    Start-OutboundTask $script:finishedTask -Confirm:$false
    $null = $script:finishedTask | Wait-OutboundTask -PollInterval 1 -Timeout 120

    $closedPort = Get-FreeTcpPort
    $secret = ConvertTo-SecureString 'not-a-secret' -AsPlainText -Force

    # What each case runs, given the switch splat (empty, or the switch set to $false). Each returns what a user
    # would look at; an error becomes its id.
    $script:commands = @{
        'Connect-Outbound -Sandbox'                 = {
            param($Vendor, $Switch)
            Connect-Outbound -Vendor $Vendor -AppKey 'key' -AppSecret $secret -BaseUri "http://127.0.0.1:$closedPort/" -MaximumRetryCount 0 -TimeoutSec 5 @Switch
        }
        'Connect-Outbound -PassThru'                = {
            param($Vendor, $Switch)
            $name = "pester-switches-passthru-$([guid]::NewGuid().ToString('n'))"
            $output = @(Connect-Outbound -Vendor $Vendor -Sandbox -Name $name @Switch)
            "output: $($output.Count)"
            "connected: $([bool](Get-OutboundSession -Name $name -ErrorAction SilentlyContinue))"
            Disconnect-Outbound -Name $name
        }
        'New-OutboundTask -Manual'                  = {
            param($Vendor, $Switch)
            $task = New-OutboundTask -Session $script:sessions[$Vendor] -Name 'Pester switch' -RobotId $script:robot[$Vendor] -Line $script:line[$Vendor] -Confirm:$false @Switch
            $task | Select-Object Vendor, Name, Status, RobotId, Lines, WorkingHours, Concurrency, RecallCount | ConvertTo-Json -Compress -Depth 4
        }
        'New-OutboundTask -SendSms'                 = { param($Vendor, $Switch) & $script:commands['New-OutboundTask -Manual'] $Vendor $Switch }
        'Import-OutboundCustomer -AllowDuplicate'   = {
            param($Vendor, $Switch)
            $task = Initialize-SwitchTask -Vendor $Vendor -Customers 0
            $rows = '13800138001', '13800138002', '13800138001' | ForEach-Object { [pscustomobject]@{ Name = '客户'; Phone = $_ } }
            $output = @($rows | Import-OutboundCustomer -TaskId $task -Confirm:$false -WarningAction SilentlyContinue @Switch)
            $account = $script:sessions[$Vendor].LastImport
            "output: $($output.Count); accepted $($account.Accepted), rejected $($account.Rejected)"
        }
        'Import-OutboundCustomer -PassThru'         = { param($Vendor, $Switch) & $script:commands['Import-OutboundCustomer -AllowDuplicate'] $Vendor $Switch }
        'Remove-OutboundTask -Force'                = {
            param($Vendor, $Switch)
            $task = Initialize-SwitchTask -Vendor $Vendor -Customers 0
            Remove-OutboundTask -Id $task -Confirm:$false @Switch
            @(Get-OutboundTask -Session $script:sessions[$Vendor] -Id $task.Id -ErrorAction SilentlyContinue | Where-Object Status -NE 'Deleted').Count
        }
        'Set-OutboundTask -PassThru'                = {
            param($Vendor, $Switch)
            $task = Initialize-SwitchTask -Vendor $Vendor -Customers 0
            $output = @(Set-OutboundTask -Id $task -Name 'Pester renamed' -Confirm:$false @Switch)
            "output: $($output.Count); name: $((Get-OutboundTask -Session $script:sessions[$Vendor] -Id $task.Id).Name)"
        }
        'Start-OutboundTask -PassThru'              = {
            param($Vendor, $Switch)
            $task = Initialize-SwitchTask -Vendor $Vendor
            $output = @(Start-OutboundTask $task -Confirm:$false @Switch)
            "output: $($output.Count); started: $((Get-OutboundTask -Session $script:sessions[$Vendor] -Id $task.Id).Status -ne 'New')"
            Remove-OutboundTask -Id $task -Force -ErrorAction SilentlyContinue
        }
        'Suspend-OutboundTask -PassThru'            = { param($Vendor, $Switch) Invoke-OnRunningTask -Vendor $Vendor -Command 'Suspend-OutboundTask' -Switch $Switch }
        'Stop-OutboundTask -PassThru'               = { param($Vendor, $Switch) Invoke-OnRunningTask -Vendor $Vendor -Command 'Stop-OutboundTask' -Switch $Switch }
        'Get-OutboundTask -IncludeTotalCount'       = {
            param($Vendor, $Switch)
            $null = Initialize-SwitchTask -Vendor $Vendor -Customers 0
            Get-OutboundTask -Session $script:sessions[$Vendor] -Name 'Pester switches' -First 1 @Switch | ForEach-Object { $_.GetType().Name }
        }
        'Get-OutboundCallRecord -IncludeTranscript' = {
            param($Vendor, $Switch)
            Get-OutboundCallRecord -TaskId $script:finishedTask @Switch |
                ForEach-Object { "$($_.GetType().Name) $($_.Phone) $($_.Outcome) transcript: $($null -ne $_.Transcript)" } | Sort-Object
        }
        'Get-OutboundCallRecord -Pending'           = { param($Vendor, $Switch) & $script:commands['Get-OutboundCallRecord -IncludeTranscript'] $Vendor $Switch }
        'Get-OutboundCallRecord -MissedCallback'    = { param($Vendor, $Switch) & $script:commands['Get-OutboundCallRecord -IncludeTranscript'] $Vendor $Switch }
        'Get-OutboundCallRecord -IncludeTotalCount' = {
            param($Vendor, $Switch)
            Get-OutboundCallRecord -TaskId $script:finishedTask -First 1 @Switch | ForEach-Object { $_.GetType().Name }
        }
        'Get-OutboundSmsTemplate -IncludeTotalCount' = {
            param($Vendor, $Switch)
            Get-OutboundSmsTemplate -Session $script:sessions[$Vendor] -First 1 @Switch | ForEach-Object { $_.GetType().Name }
        }
        # 154 is a mobile block never assigned: rejected unless the switch is on.
        'Import-OutboundCustomer -AllowUnassignedRange' = {
            param($Vendor, $Switch)
            $task = Initialize-SwitchTask -Vendor $Vendor -Customers 0
            $rows = '13800138001', '15412345678' | ForEach-Object { [pscustomobject]@{ Name = '客户'; Phone = $_ } }
            $null = $rows | Import-OutboundCustomer -TaskId $task -Confirm:$false -ErrorAction SilentlyContinue @Switch
            $account = $script:sessions[$Vendor].LastImport
            "accepted $($account.Accepted), rejected $($account.Rejected)"
        }
        'Invoke-OutboundCall -AllowUnassignedRange' = {
            param($Vendor, $Switch)
            $line = if ($Vendor -eq 'IFlytek') { @{ Line = $script:line.IFlytek } } else { @{} }
            Invoke-OutboundCall -Session $script:sessions[$Vendor] -Phone 15412345678 -RobotId $script:robot[$Vendor] @line -Confirm:$false @Switch |
                ForEach-Object { "$($_.Phone) accepted: $($_.Accepted)" }
        }
        'Test-OutboundPhone -AllowUnassignedRange' = {
            param($Vendor, $Switch)
            Test-OutboundPhone 15412345678, 13800138000 @Switch | ForEach-Object { "$($_.National) $($_.Kind) $($_.Valid)" }
        }
        # Each blocklist case works on a fresh group holding two numbers; what is seen is the output's types and the group after.
        'Set-OutboundBlocklist -PassThru' = {
            param($Vendor, $Switch)
            $list = Initialize-SwitchBlocklist -Vendor $Vendor
            Set-OutboundBlocklist -Id $list.Id -Session $script:sessions[$Vendor] -Name 'Pester renamed' -Confirm:$false @Switch |
                ForEach-Object { $_.GetType().Name }
            (Get-OutboundBlocklist -Session $script:sessions[$Vendor] -Id $list.Id).Name
        }
        'Remove-OutboundBlocklist -Force' = {
            param($Vendor, $Switch)
            $list = Initialize-SwitchBlocklist -Vendor $Vendor
            try { $list | Remove-OutboundBlocklist -Confirm:$false @Switch } catch { "error: $($_.FullyQualifiedErrorId)" }
            @(Get-OutboundBlocklist -Session $script:sessions[$Vendor] -Id $list.Id).Count
        }
        'Get-OutboundBlocklistNumber -IncludeTotalCount' = {
            param($Vendor, $Switch)
            Initialize-SwitchBlocklist -Vendor $Vendor | Get-OutboundBlocklistNumber @Switch | ForEach-Object { $_.GetType().Name }
        }
        'Add-OutboundBlocklistNumber -PassThru' = {
            param($Vendor, $Switch)
            $list = Initialize-SwitchBlocklist -Vendor $Vendor -Numbers 0
            $result = '13700137001', '13700137002' | Add-OutboundBlocklistNumber -ListId $list -Session $script:sessions[$Vendor] -Confirm:$false @Switch
            "$($result.Added) added, $($result.Numbers.Count) listed"
        }
    }

    function Get-Observation {
        <# What the case's command shows, as text; a terminating error is its id. #>
        param([string] $Case, [string] $Vendor, [hashtable] $Switch)
        $ErrorActionPreference = 'Stop'
        try {
            (& $script:commands[$Case] $Vendor $Switch) -join "`n"
        }
        catch {
            "error: $($_.FullyQualifiedErrorId)"
        }
    }
}

AfterAll {
    Remove-OutboundTask -Id $script:finishedTask -Force -ErrorAction SilentlyContinue
    foreach ($session in $script:sessions.Values) { Disconnect-Outbound -Session $session }
}

Describe 'The switch convention' {
    It 'has a case for every switch of every exported cmdlet (found by reflection on the loaded commands)' -ForEach @{ Cases = $script:cases } {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $switches = Get-Command -Module OutboundPS | ForEach-Object {
            $command = $_
            $command.Parameters.Values | Where-Object { $_.SwitchParameter -and $_.Name -notin $common } |
                ForEach-Object { "$($command.Name) -$($_.Name)" }
        }
        $switches | Should -Not -BeNullOrEmpty
        $covered = $Cases | ForEach-Object { "$($_.Cmdlet) -$($_.Switch)" }
        $switches | Where-Object { $_ -notin $covered } | Should -BeNullOrEmpty -Because 'a new switch needs its case in Switches.Tests.ps1'
        $script:commands.Keys | Sort-Object | Should -Be ($covered | Sort-Object -Unique)
    }

    It '<Cmdlet> -<Switch>:$false on <Vendor> is the same as leaving it out' -ForEach $script:runs {
        $absent = Get-Observation -Case "$Cmdlet -$Switch" -Vendor $Vendor -Switch @{}
        $false_ = Get-Observation -Case "$Cmdlet -$Switch" -Vendor $Vendor -Switch @{ $Switch = $false }
        $absent | Should -Not -BeNullOrEmpty
        $false_ | Should -Be $absent
    }
}

Describe 'New-OutboundTask -Manual' {
    It 'creates a manual-start task on <_>, which Start-OutboundTask starts' -ForEach 'IFlytek', 'ByRobot' {
        $session = $script:sessions[$_]
        $task = New-OutboundTask -Session $session -Name 'Pester manual' -RobotId $script:robot[$_] -Line $script:line[$_] -Manual -Confirm:$false
        $task.Status | Should -Be 'New'
        $null = @{ Name = '客户'; Phone = '13800138009' } | Import-OutboundCustomer -TaskId $task -Confirm:$false
        Start-OutboundTask $task -Confirm:$false
        (Get-OutboundTask -Session $session -Id $task.Id).Status | Should -Not -Be 'New'
        Remove-OutboundTask -Id $task -Force
    }
}
