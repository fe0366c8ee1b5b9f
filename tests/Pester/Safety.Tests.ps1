# Nothing changes under -WhatIf, whatever the cmdlet's ConfirmImpact and $ConfirmPreference; a non-interactive run
# never waits on a prompt.
BeforeDiscovery {
    $script:stateChanging = 'New-OutboundTask', 'Set-OutboundTask', 'Start-OutboundTask', 'Suspend-OutboundTask', 'Stop-OutboundTask',
    'Remove-OutboundTask', 'Import-OutboundCustomer', 'Invoke-OutboundCall'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    # Every value: -WhatIf must win over the prompt (High) and over no confirmation at all (None).
    $script:confirmPreferences = 'None', 'Low', 'Medium', 'High'
}

Describe '<_> supports -WhatIf' -ForEach $script:stateChanging {
    It 'declares the WhatIf and Confirm parameters' {
        $command = Get-Command -Name $_ -Module OutboundPS
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe '-WhatIf changes nothing on the ByRobot sandbox, whatever $ConfirmPreference' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor ByRobot -Sandbox -Name pester-whatif -PassThru
        # A task that stays New, and one that stays Running for the whole Describe (one seat, 100 customers: ~50 s).
        $script:idle = New-OutboundTask -Name 'Pester WhatIf idle' -RobotId '5002' -Line '101' -Confirm:$false
        $script:running = New-OutboundTask -Name 'Pester WhatIf running' -RobotId '5002' -Line '101' -Concurrency 1 -Confirm:$false
        foreach ($task in $script:idle, $script:running) {
            $null = 1..100 | ForEach-Object { [pscustomobject]@{ Name = "客户$_"; Phone = '137{0:D8}' -f $_ } } |
                Import-OutboundCustomer -TaskId $task -Confirm:$false
        }
        Start-OutboundTask $script:running -Confirm:$false
        $null = Wait-TaskStatus -Task $script:running -Status Running
    }
    AfterAll {
        Stop-OutboundTask $script:running -Confirm:$false -ErrorAction SilentlyContinue
        Remove-OutboundTask -Id $script:idle, $script:running -Force -ErrorAction SilentlyContinue
        Disconnect-Outbound -Session $script:session
    }

    It 'New-OutboundTask -WhatIf creates no task' {
        $before = @(Get-OutboundTask).Count
        foreach ($preference in $script:confirmPreferences) {
            $ConfirmPreference = $preference
            New-OutboundTask -Name 'Pester WhatIf never' -RobotId '5002' -Line '101' -WhatIf | Should -BeNullOrEmpty
        }
        $ConfirmPreference = 'High'
        @(Get-OutboundTask).Count | Should -Be $before
        Get-OutboundTask -Name 'Pester WhatIf never' | Should -BeNullOrEmpty
    }

    It 'Set-OutboundTask -WhatIf leaves the name unchanged' {
        foreach ($preference in $script:confirmPreferences) {
            $ConfirmPreference = $preference
            Set-OutboundTask $script:idle -Name 'Pester WhatIf renamed' -WhatIf | Should -BeNullOrEmpty
        }
        $ConfirmPreference = 'High'
        (Get-OutboundTask -Id $script:idle.Id).Name | Should -Be 'Pester WhatIf idle'
    }

    It '<Command> -WhatIf leaves the task <Status>' -ForEach @(
        @{ Command = 'Start-OutboundTask'; Task = 'idle'; Status = 'New' }
        @{ Command = 'Suspend-OutboundTask'; Task = 'running'; Status = 'Running' }
        @{ Command = 'Stop-OutboundTask'; Task = 'running'; Status = 'Running' }
    ) {
        $target = if ($Task -eq 'idle') { $script:idle } else { $script:running }
        foreach ($preference in $script:confirmPreferences) {
            $ConfirmPreference = $preference
            & $Command $target -WhatIf -PassThru | Should -BeNullOrEmpty
        }
        $ConfirmPreference = 'High'
        (Get-OutboundTask -Id $target.Id).Status | Should -Be $Status
    }

    It 'Remove-OutboundTask -WhatIf (also with -Force) leaves the task in place' {
        foreach ($preference in $script:confirmPreferences) {
            $ConfirmPreference = $preference
            Remove-OutboundTask -Id $script:idle -WhatIf
            Remove-OutboundTask -Id $script:idle -WhatIf -Force
        }
        $ConfirmPreference = 'High'
        $task = Get-OutboundTask -Id $script:idle.Id
        $task | Should -Not -BeNullOrEmpty
        $task.Status | Should -Be 'New'
    }

    It 'Import-OutboundCustomer -WhatIf adds no customer (Total unchanged)' {
        $before = (Get-OutboundTask -Id $script:idle.Id).Total
        foreach ($preference in $script:confirmPreferences) {
            $ConfirmPreference = $preference
            [pscustomobject]@{ Name = '新客户'; Phone = '13600136000' } | Import-OutboundCustomer -TaskId $script:idle -WhatIf |
                Should -BeNullOrEmpty
        }
        $ConfirmPreference = 'High'
        (Get-OutboundTask -Id $script:idle.Id).Total | Should -Be $before
    }

}

Describe '-WhatIf places no call on the ByRobot sandbox host, whatever $ConfirmPreference' {
    # A single call leaves nothing to read back in the in-process sandbox, so this one talks to the host, which logs
    # every request it receives.
    BeforeAll {
        $script:sandbox = Open-SandboxHost -Vendor byrobot -LogRequests
        $secret = [System.Security.SecureString]::new()
        foreach ($character in 'sandbox-app-secret'.ToCharArray()) { $secret.AppendChar($character) }
        $script:session = Connect-Outbound -Vendor ByRobot -BaseUri "http://127.0.0.1:$($script:sandbox.Port)/" -AppKey sandbox-app-key `
            -AppSecret $secret -Name pester-whatif-host -PassThru
    }
    AfterAll {
        if ($script:session) { Disconnect-Outbound -Session $script:session }
        Close-SandboxHost $script:sandbox
    }

    It 'Invoke-OutboundCall -WhatIf returns nothing and sends the vendor nothing but reads' {
        $before = @(Get-SandboxRequest $script:sandbox).Count
        foreach ($preference in $script:confirmPreferences) {
            $ConfirmPreference = $preference
            Invoke-OutboundCall -Session $script:session -Phone '13800138000' -Name '张三' -RobotId '5002' -WhatIf | Should -BeNullOrEmpty
        }
        $ConfirmPreference = 'High'
        # BYRobot reads are GETs and its writes POSTs (docs/vendors/byrobot.md): a -WhatIf may look things up, never write.
        $sent = @(Get-SandboxRequest $script:sandbox | Select-Object -Skip $before)
        $sent | Where-Object method -NE 'GET' | Should -BeNullOrEmpty

        # The same call without -WhatIf is one POST to task/singleCallByMobile, which the log does show.
        $before = @(Get-SandboxRequest $script:sandbox).Count
        $placed = Invoke-OutboundCall -Session $script:session -Phone '13800138000' -Name '张三' -RobotId '5002' -Confirm:$false
        $placed.Accepted | Should -BeTrue
        $writes = @(Get-SandboxRequest $script:sandbox | Select-Object -Skip $before | Where-Object method -NE 'GET')
        $writes | Should -HaveCount 1
        $writes[0].path | Should -BeLike '*/task/singleCallByMobile'
    }
}

Describe 'A non-interactive run (pwsh -NonInteractive) never prompts' {
    BeforeAll {
        $script:module = (Get-BuiltModulePath) -replace "'", "''"
    }

    It 'runs the quick start to the end (connect, new task, import 3 rows, start, wait, remove -Force) and exits 0' {
        $child = Invoke-ChildPwsh -TimeoutSeconds 120 -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($script:module)'
Connect-Outbound -Vendor IFlytek -Sandbox -Name noninteractive
`$task = New-OutboundTask -Name 'Pester non-interactive' -RobotId '720' -Line '055169101401'
`$result = @(
    [pscustomobject]@{ 姓名 = '张三'; 手机号码 = '13800138000' }
    [pscustomobject]@{ 姓名 = '李四'; 手机号码 = '13900139001' }
    [pscustomobject]@{ 姓名 = '王五'; 手机号码 = '13700137002' }
) | Import-OutboundCustomer -TaskId `$task
`$task | Start-OutboundTask
`$done = `$task | Wait-OutboundTask -PollInterval 1 -Timeout 100
Remove-OutboundTask -Id `$task -Force
"ACCEPTED=`$(`$result.Accepted) STATUS=`$(`$done.Status) CALLED=`$(`$done.Called)"
"@
        $child.TimedOut | Should -BeFalse -Because $child.Output
        $child.ExitCode | Should -Be 0 -Because $child.Output
        $child.Output | Should -Match 'ACCEPTED=3 STATUS=Completed CALLED=3'
        $child.Output | Should -Not -Match 'prompt'
        $child.Output | Should -Not -Match 'NonInteractive'
    }

    It 'Remove-OutboundTask without -Force or -Confirm:$false fails fast instead of waiting for an answer' {
        $child = Invoke-ChildPwsh -TimeoutSeconds 120 -Script @"
Import-Module '$($script:module)'
Connect-Outbound -Vendor IFlytek -Sandbox -Name noninteractive
`$task = New-OutboundTask -Name 'Pester must not be removed' -RobotId '720' -Line '055169101401'
`$clock = [System.Diagnostics.Stopwatch]::StartNew()
try {
    Remove-OutboundTask -Id `$task.Id -ErrorAction Stop
    'REMOVE=returned'
}
catch {
    "REMOVE=failed ERROR=`$(`$_.Exception.Message)"
}
"REMOVE_MS=`$([long] `$clock.Elapsed.TotalMilliseconds)"
"STATUS=`$((Get-OutboundTask -Id `$task.Id).Status)"
Remove-OutboundTask -Id `$task -Force
"@
        $child.TimedOut | Should -BeFalse -Because 'a prompt in a non-interactive process must fail, not wait'
        $child.Output | Should -Match 'REMOVE=failed ERROR=.*NonInteractive'
        # Failing fast: the refused prompt ends the call at once (milliseconds), far inside the 120 s the process may run.
        $elapsed = [regex]::Match($child.Output, 'REMOVE_MS=(\d+)')
        $elapsed.Success | Should -BeTrue -Because $child.Output
        [long] $elapsed.Groups[1].Value | Should -BeLessThan 5000 -Because 'Remove-OutboundTask must fail at the prompt, not wait for an answer'
        $child.Output | Should -Match 'STATUS=New'
    }
}
