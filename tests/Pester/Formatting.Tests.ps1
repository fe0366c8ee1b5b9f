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

    function Format-AsDefault {
        <#
        The objects as PowerShell shows them by default, on a console of unlimited width. No Format-Table: that makes
        a table of anything, so a type whose view is missing would still show a header above dashes.
        #>
        param([Parameter(Mandatory)] [object[]] $InputObject)
        $InputObject | Out-String -Width 500
    }
}

AfterAll {
    Remove-OutboundTask -Id $script:task -Force -ErrorAction SilentlyContinue
    Disconnect-Outbound -Session $script:iflytek
    Disconnect-Outbound -Session $script:byrobot
    $PSStyle.OutputRendering = $script:rendering
}

# Columns: the labels of each type's documented view in OutboundPS.format.ps1xml, in order.
Describe 'The default view of <Type>' -ForEach @(
    @{ Type = 'OutboundSession'; Make = { Get-OutboundSession }; Columns = 'Name', 'Vendor', 'IsSandbox', 'AppKey', 'CompanyId', 'BaseUri' }
    @{ Type = 'OutboundLine'; Make = { Get-OutboundLine -Session pester-format-iflytek; Get-OutboundLine -Session pester-format-byrobot }
        Columns = 'Vendor', 'Id', 'Number', 'Name', 'Concurrency', 'InUse', 'WorkingHours' }
    @{ Type = 'OutboundRobot'; Make = { Get-OutboundRobot -Session pester-format-iflytek; Get-OutboundRobot -Session pester-format-byrobot }
        Columns = 'Vendor', 'Id', 'Name', 'Status', 'SceneId', 'Variables' }
    @{ Type = 'OutboundTask'; Make = { Get-OutboundTask -Id $script:task.Id -Session pester-format-iflytek }
        Columns = 'Vendor', 'Id', 'Name', 'Status', 'Total', 'Called', 'Connected', 'StartTime' }
    @{ Type = 'OutboundImportResult'; Make = { $script:import }; Columns = 'TaskId', 'Submitted', 'Accepted', 'Rejected', 'Failed', 'Unknown', 'Batches', 'Duration' }
    @{ Type = 'OutboundImportRow'; Make = { $script:import.Rows }; Columns = 'RowNumber', 'Phone', 'Name', 'Outcome', 'DataId', 'Error' }
    @{ Type = 'OutboundCallResult'; Make = { $script:call }; Columns = 'Vendor', 'Phone', 'Name', 'Accepted', 'DataId', 'Message' }
    @{ Type = 'OutboundCallRecord'; Make = { '{"call_uuid":"u-1","callee":"13800138000","direction":2,"task_id":"42","task_result":"0","time_dial":1527737756729,"duration_call":28}' | ConvertFrom-OutboundPush }
        Columns = 'Vendor', 'TaskId', 'Phone', 'Name', 'Outcome', 'Intent', 'Duration', 'Dialled', 'CallId' }
) {
    BeforeAll {
        $script:objects = @(& $Make)
        $script:text = Format-AsDefault -InputObject $script:objects
        $script:lines = $script:text -split '\r?\n'
    }

    It 'has objects of type OutboundPS.<Type> to show' {
        $script:objects | Should -Not -BeNullOrEmpty
        foreach ($item in $script:objects) { $item.GetType().FullName | Should -Be "OutboundPS.$Type" }
    }

    It 'has a table view of its own with the documented columns, in order' {
        $format = @(Get-FormatData -TypeName "OutboundPS.$Type")
        $format | Should -HaveCount 1 -Because "OutboundPS.format.ps1xml defines a view for OutboundPS.$Type"
        $views = @($format[0].FormatViewDefinition)
        $views | Should -HaveCount 1
        $views[0].Control | Should -BeOfType ([System.Management.Automation.TableControl])
        $views[0].Control.Headers.Label | Should -Be $Columns
    }

    It 'is a table: a header line above a line of dashes' {
        $dashes = [array]::FindIndex([string[]]$script:lines, [Predicate[string]] { param($line) $line -match '^\s*-+(\s+-+)+\s*$' })
        $dashes | Should -BeGreaterThan 0 -Because $script:text
        $header = $script:lines[$dashes - 1]
        foreach ($column in $Columns) { $header | Should -Match "\b$column\b" }
    }

    It 'fits within 120 columns' {
        foreach ($line in $script:lines) {
            Measure-DisplayWidth $line.TrimEnd() | Should -BeLessOrEqual 120 -Because "this line is too wide: '$line'"
        }
    }
}
