# How the commands that take rows read a row's columns, in a real pwsh: rows from Import-Csv, [pscustomobject] literals
# whose columns come in another order, names in another case, and .NET objects. The commands remember where a column
# was in the row before; these rows are built so that a remembered position points at the wrong column.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    class PesterColumnsCustomer {
        [string] $Phone
        [string] $Name
    }
}

Describe 'Reading a row''s columns' {
    It 'reads every row''s own values when rows list their columns in different orders' {
        $rows = @(
            [pscustomobject]@{ 手机号码 = '13800138000'; 姓名 = '甲' }
            [pscustomobject]@{ 姓名 = '乙'; 手机号码 = '13900139000' }
            [pscustomobject]@{ 备注 = '新客户'; 姓名 = '丙'; 手机号码 = '13700137000' }
            [pscustomobject]@{ 手机号码 = '13600136000'; 姓名 = '丁' }
        )

        ($rows | Test-OutboundPhone).Input | Should -Be @('13800138000', '13900139000', '13700137000', '13600136000')

        $session = Connect-Outbound -Vendor IFlytek -Sandbox -Name pester-columns -PassThru
        try {
            $task = New-OutboundTask -Session $session -Name 'Pester columns' -RobotId 720 -Line 055169101401 -Confirm:$false
            $result = $rows | Import-OutboundCustomer -Session $session -TaskId $task -PassThru -Confirm:$false
            $result.Accepted | Should -Be 4
            $result.Rows.Phone | Should -Be @('13800138000', '13900139000', '13700137000', '13600136000')
            $result.Rows.Name | Should -Be @('甲', '乙', '丙', '丁')
        }
        finally {
            Disconnect-Outbound -Session $session
        }
    }

    It 'finds a column named in another case than -PhoneProperty' {
        $rows = @(
            [pscustomobject]@{ Mobile = '13800138000'; Name = 'A' }
            [pscustomobject]@{ Name = 'B'; mobile = '13900139000' }
        )

        ($rows | Test-OutboundPhone -PhoneProperty MOBILE).National | Should -Be @('13800138000', '13900139000')
    }

    It 'reads .NET objects'' properties, and a row without the column as empty, between Import-Csv-like rows' {
        $rows = @(
            [pscustomobject]@{ Phone = '13800138000'; Name = 'A' }
            [PesterColumnsCustomer]@{ Phone = '13900139000'; Name = 'B' }
            [pscustomobject]@{ Name = 'C' }
            [pscustomobject]@{ Phone = '13700137000'; Name = 'D' }
        )

        $checks = $rows | Test-OutboundPhone -ErrorAction SilentlyContinue
        $checks.National | Should -Be @('13800138000', '13900139000', $null, '13700137000')
        $checks[2].Valid | Should -BeFalse
    }

    It 'reads positions in this PowerShell, so an import does not look every column up by name' {
        # Where PowerShell's store of instance members cannot be read, every row takes the lookup by name: same values,
        # slower imports. Seen here first rather than as a slower benchmark.
        $positions = (Get-Command Import-OutboundCustomer).ImplementingType.Assembly.GetType('OutboundPS.Commands.Infrastructure.NotePropertyPositions', $true)
        $positions.GetProperty('Available', [Reflection.BindingFlags]'NonPublic, Static').GetValue($null) | Should -BeTrue
    }
}
