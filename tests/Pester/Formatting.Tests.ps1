# Every output type has a default table view (OutboundPS.format.ps1xml) that fits a 120-column console.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:rendering = $PSStyle.OutputRendering
    $PSStyle.OutputRendering = 'PlainText'

    $script:iflytek = Connect-Outbound -Vendor IFlytek -Sandbox -Name pester-format-iflytek -PassThru
    $script:task = New-OutboundTask -Name '格式化测试 Pester formatting check' -RobotId '720' -Line '055169101401' `
        -WorkingHours '09:00-12:00', '13:30-20:00' -Confirm:$false
    $rows = @(
        [pscustomobject]@{ 姓名 = '张三'; 手机号码 = '13800138000' }
        [pscustomobject]@{ 姓名 = '欧阳娜娜的一个很长很长的名字'; 手机号码 = '13900139001' }
        [pscustomobject]@{ 姓名 = '李四'; 手机号码 = '+1 312 555 0123' }
        [pscustomobject]@{ 姓名 = '王五'; 手机号码 = '13800138000' }
    )
    $script:import = $rows | Import-OutboundCustomer -TaskId $script:task -PassThru -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
    $script:call = Invoke-OutboundCall -Phone 13800138000 -Name '张三' -RobotId 720 -Line 055169101401 -Confirm:$false

    $script:byrobot = Connect-Outbound -Vendor ByRobot -Sandbox -Name pester-format-byrobot -PassThru

    function Format-AsTable {
        <# The default view of the objects, as a console of unlimited width would show it. #>
        param([Parameter(Mandatory)] [object[]] $InputObject)
        $InputObject | Format-Table | Out-String -Width 500
    }
}

AfterAll {
    Remove-OutboundTask -Id $script:task -Force -ErrorAction SilentlyContinue
    Disconnect-Outbound -Session $script:iflytek
    Disconnect-Outbound -Session $script:byrobot
    $PSStyle.OutputRendering = $script:rendering
}

Describe 'The default view of <Type>' -ForEach @(
    @{ Type = 'OutboundSession'; Make = { Get-OutboundSession }; Columns = 'Name', 'Vendor', 'BaseUri' }
    @{ Type = 'OutboundLine'; Make = { Get-OutboundLine -Session pester-format-iflytek; Get-OutboundLine -Session pester-format-byrobot }; Columns = 'Vendor', 'Id', 'Number' }
    @{ Type = 'OutboundRobot'; Make = { Get-OutboundRobot -Session pester-format-iflytek; Get-OutboundRobot -Session pester-format-byrobot }; Columns = 'Vendor', 'Id', 'Variables' }
    @{ Type = 'OutboundTask'; Make = { Get-OutboundTask -Id $script:task.Id -Session pester-format-iflytek }; Columns = 'Vendor', 'Id', 'Status' }
    @{ Type = 'OutboundImportResult'; Make = { $script:import }; Columns = 'TaskId', 'Submitted', 'Accepted' }
    @{ Type = 'OutboundImportRow'; Make = { $script:import.Rows }; Columns = 'RowNumber', 'Phone', 'Outcome', 'Error' }
    @{ Type = 'OutboundCallResult'; Make = { $script:call }; Columns = 'Vendor', 'Phone', 'Accepted' }
    @{ Type = 'OutboundCallRecord'; Make = { '{"call_uuid":"u-1","callee":"13800138000","direction":2,"task_id":"42","task_result":"0","time_dial":1527737756729,"duration_call":28}' | ConvertFrom-OutboundPush }; Columns = 'Vendor', 'Phone', 'Outcome', 'Intent' }
) {
    BeforeAll {
        $script:objects = @(& $Make)
        $script:text = Format-AsTable -InputObject $script:objects
        $script:lines = $script:text -split '\r?\n'
    }

    It 'has objects of type OutboundPS.<Type> to show' {
        $script:objects | Should -Not -BeNullOrEmpty
        foreach ($item in $script:objects) { $item.GetType().FullName | Should -Be "OutboundPS.$Type" }
    }

    It 'is a table: a header line above a line of dashes' {
        $dashes = [array]::FindIndex([string[]]$script:lines, [Predicate[string]] { param($line) $line -match '^\s*-+(\s+-+)+\s*$' })
        $dashes | Should -BeGreaterThan 0 -Because $script:text
        $header = $script:lines[$dashes - 1]
        foreach ($column in $Columns) { $header | Should -Match "\b$column\b" }
    }

    It 'fits within 120 columns' {
        foreach ($line in $script:lines) {
            $line.TrimEnd().Length | Should -BeLessOrEqual 120 -Because "this line is too wide: '$line'"
        }
    }
}
