# Runs where pwsh exists (build.ps1 Test): the README quick start against the in-process sandbox.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/OutboundPS/OutboundPS.psd1') -Force
}

Describe 'Quick start on the iFlytek sandbox' {
    BeforeAll {
        Connect-Outbound -Vendor IFlytek -Sandbox -Name pester
        $robot = Get-OutboundRobot | Where-Object Id -eq '719'
        $line = Get-OutboundLine | Select-Object -First 1
        $task = New-OutboundTask -Name 'Pester quick start' -RobotId $robot.Id -Line $line.Id -Confirm:$false
    }
    AfterAll { Disconnect-Outbound -Name pester }

    It 'imports the sample CSV with Chinese headers' {
        $csv = Join-Path $PSScriptRoot '../../docs/examples/customers.zh-CN.csv'
        $result = Import-Csv $csv | Import-OutboundCustomer -TaskId $task -PassThru -Confirm:$false
        $result.Accepted | Should -Be 3
        $result.Rows.Outcome | Should -Not -Contain 'Failed'
    }

    It 'starts, waits to Completed and reads the task back through the pipeline' {
        Get-OutboundTask -Id $task.Id | Start-OutboundTask -Confirm:$false
        $done = Wait-OutboundTask -Id $task.Id -PollInterval 1 -Timeout 120
        $done.Status | Should -Be 'Completed'
        (Get-OutboundTask -Id $task.Id).Called | Should -Be 3
    }

    It 'gives the NotImplemented error for Stop-OutboundTask on iFlytek' {
        { Stop-OutboundTask -Id $task.Id -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'OutboundPS.IFlytek.NotImplemented*'
    }
}
