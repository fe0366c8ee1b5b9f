# Runs where pwsh exists (build.ps1 Test): the README quick start, unchanged, against each vendor's in-process sandbox.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/OutboundPS/OutboundPS.psd1') -Force
    $script:csv = Join-Path $PSScriptRoot '../../docs/examples/customers.zh-CN.csv'
}

Describe 'Quick start on the <_> sandbox' -ForEach 'IFlytek', 'ByRobot' {
    BeforeAll {
        $vendor = $_
        $session = Connect-Outbound -Vendor $vendor -Sandbox -Name "pester-$vendor" -PassThru
        $robot = Get-OutboundRobot -Session $session | Where-Object { $_.Variables -contains '金额' } | Select-Object -First 1
        $line = Get-OutboundLine -Session $session | Select-Object -First 1
        $task = New-OutboundTask -Session $session -Name 'Pester quick start' -RobotId $robot.Id -Line $line.Id -Confirm:$false
    }
    AfterAll { Disconnect-Outbound -Name "pester-$vendor" }

    It 'connects as the default session' {
        (Get-OutboundSession -Name "pester-$vendor").Vendor | Should -Be $vendor
    }

    It 'imports the sample CSV with Chinese headers, accounting for every row' {
        $result = Import-Csv $csv | Import-OutboundCustomer -Session $session -TaskId $task -PassThru -Confirm:$false
        $result.Submitted | Should -Be 3
        $result.Accepted | Should -Be 3
        $result.Rows.Outcome | Should -Not -Contain 'Failed'
    }

    It 'starts through the pipeline, waits to Completed and reads the task back' {
        Get-OutboundTask -Session $session -Id $task.Id | Start-OutboundTask -Confirm:$false
        $done = $task | Wait-OutboundTask -PollInterval 1 -Timeout 120
        $done.Status | Should -Be 'Completed'
        (Get-OutboundTask -Session $session -Id $task.Id).Called | Should -Be 3
    }

    It 'asks for confirmation metadata on Remove-OutboundTask and removes with -Force' {
        Remove-OutboundTask -Session $session -Id $task.Id -WhatIf
        Get-OutboundTask -Session $session -Id $task.Id | Should -Not -BeNullOrEmpty
        Remove-OutboundTask -Session $session -Id $task.Id -Force
    }
}

Describe 'Operations iFlytek lacks' {
    BeforeAll {
        $session = Connect-Outbound -Vendor IFlytek -Sandbox -Name pester-lacks -PassThru
        $task = New-OutboundTask -Session $session -Name 'lacks' -RobotId '720' -Line '055169101401' -Confirm:$false
    }
    AfterAll { Disconnect-Outbound -Name pester-lacks }

    It 'Stop-OutboundTask is NotImplemented and names the alternatives' {
        { Stop-OutboundTask -Session $session -Id $task.Id -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.IFlytek.NotImplemented*' -ExpectedMessage '*Suspend-OutboundTask*'
    }

    It 'Set-OutboundTask is NotImplemented' {
        { Set-OutboundTask -Session $session -Id $task.Id -Name x -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.IFlytek.NotImplemented*'
    }
}
