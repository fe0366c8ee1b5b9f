# Sessions belong to a runspace (Azure Automation runs jobs as runspaces of one process), and a task object acts in
# the session it came from, whatever session is newest.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force
}

Describe 'Two runspaces of one process, each with a session named ''runbook''' {
    BeforeAll {
        $script:runspaces = foreach ($n in 1..2) {
            $runspace = [runspacefactory]::CreateRunspace()
            $runspace.Open()
            Invoke-InRunspace -Runspace $runspace -ScriptBlock { param($Path) Import-Module $Path -ErrorAction Stop } -ArgumentList (Get-BuiltModulePath)
            $runspace
        }
        $connect = { param($Vendor) Connect-Outbound -Vendor $Vendor -Sandbox -Name runbook -PassThru }
        $script:first = Invoke-InRunspace -Runspace $script:runspaces[0] -ScriptBlock $connect -ArgumentList 'IFlytek'
        $script:second = Invoke-InRunspace -Runspace $script:runspaces[1] -ScriptBlock $connect -ArgumentList 'ByRobot'
        $list = { Get-OutboundSession }
        $script:firstList = @(Invoke-InRunspace -Runspace $script:runspaces[0] -ScriptBlock $list)
        $script:secondList = @(Invoke-InRunspace -Runspace $script:runspaces[1] -ScriptBlock $list)
    }
    AfterAll {
        foreach ($runspace in $script:runspaces) {
            Invoke-InRunspace -Runspace $runspace -ScriptBlock { Get-OutboundSession | Disconnect-Outbound }
            $runspace.Dispose()
        }
    }

    It 'each runspace lists only its own session' {
        $script:firstList | Should -HaveCount 1
        $script:firstList[0].Name | Should -Be 'runbook'
        $script:firstList[0].Vendor | Should -Be 'IFlytek'
        [object]::ReferenceEquals($script:firstList[0], $script:first) | Should -BeTrue
        $script:secondList | Should -HaveCount 1
        $script:secondList[0].Name | Should -Be 'runbook'
        $script:secondList[0].Vendor | Should -Be 'ByRobot'
        [object]::ReferenceEquals($script:secondList[0], $script:second) | Should -BeTrue
    }

    It 'neither runspace''s session shows in this one' {
        Get-OutboundSession -Name runbook | Should -BeNullOrEmpty
    }

    It 'connecting in the second runspace leaves the first runspace''s session connected' {
        $script:first.IsConnected | Should -BeTrue
        $script:second.IsConnected | Should -BeTrue
        $lines = Invoke-InRunspace -Runspace $script:runspaces[0] -ScriptBlock { Get-OutboundLine -Session runbook }
        $lines | Should -Not -BeNullOrEmpty
        $lines[0].Vendor | Should -Be 'IFlytek'
    }

    It 'reconnecting ''runbook'' in one runspace replaces only that runspace''s session' {
        $again = Invoke-InRunspace -Runspace $script:runspaces[1] -ScriptBlock { Connect-Outbound -Vendor ByRobot -Sandbox -Name runbook -PassThru }
        $script:second.IsConnected | Should -BeFalse
        $again.IsConnected | Should -BeTrue
        $script:first.IsConnected | Should -BeTrue
        $script:second = $again
    }
}

Describe 'A task object in a runspace with two sessions open' {
    BeforeAll {
        $script:a = Connect-Outbound -Vendor IFlytek -Sandbox -Name a -PassThru
        $script:task = New-OutboundTask -Name 'Pester own session' -RobotId '720' -Line '055169101401' -Confirm:$false
        $null = @(
            [pscustomobject]@{ 姓名 = '张三'; 手机号码 = '13800138000' }
            [pscustomobject]@{ 姓名 = '李四'; 手机号码 = '13900139001' }
        ) | Import-OutboundCustomer -TaskId $script:task -Confirm:$false
        $script:b = Connect-Outbound -Vendor ByRobot -Sandbox -Name b -PassThru
    }
    AfterAll {
        Remove-OutboundTask -Id $script:task -Force -ErrorAction SilentlyContinue
        Disconnect-Outbound -Name a
        Disconnect-Outbound -Name b
    }

    It 'has ''b'' as the newest (default) session' {
        (Get-OutboundSession | Select-Object -Last 1).Name | Should -Be 'b'
        $script:task.Session.Name | Should -Be 'a'
    }

    It 'Start-OutboundTask $task -Session b is a SessionConflict error' {
        $failure = $null
        try { Start-OutboundTask $script:task -Session b -Confirm:$false -ErrorAction Stop }
        catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'OutboundPS.SessionConflict*'
        (Get-OutboundTask -Id $script:task.Id -Session a).Status | Should -Be 'New'
    }

    It 'Start-OutboundTask $task starts it in its own session ''a''' {
        Start-OutboundTask $script:task -Confirm:$false -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        (Get-OutboundTask -Id $script:task.Id -Session a).Status | Should -Not -Be 'New'
    }

    It '$task | Wait-OutboundTask waits in its own session ''a''' {
        $done = $script:task | Wait-OutboundTask -PollInterval 1 -Timeout 120
        $done.Status | Should -Be 'Completed'
        $done.Vendor | Should -Be 'IFlytek'
        $done.Session.Name | Should -Be 'a'
    }

    It 'Get-OutboundTask -Session a (a name) reads the task' {
        $read = Get-OutboundTask -Id $script:task.Id -Session a
        $read.Id | Should -Be $script:task.Id
        $read.Vendor | Should -Be 'IFlytek'
        [object]::ReferenceEquals($read.Session, $script:a) | Should -BeTrue
    }
}
