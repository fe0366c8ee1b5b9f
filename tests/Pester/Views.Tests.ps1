# Every default table view reads in an 80-column console (Linux terminals, many remote shells) and uses a 120-column
# one: no header is broken over several lines, and no line is wider than the console. A console draws at its width
# less one, so 79 and 119 are rendered too.
BeforeDiscovery {
    $script:widths = 79, 80, 119, 120
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    $session = Connect-Outbound -Vendor ByRobot -Sandbox -Name pester-views -PassThru
    $task = New-OutboundTask -Name '还款提醒 十一月 第二批客户' -RobotId 5001 -Line 101 -Confirm:$false
    $import = Import-Csv (Join-Path $PSScriptRoot '../../docs/examples/customers.zh-CN.csv') |
        Import-OutboundCustomer -TaskId $task -PassThru -Confirm:$false
    Start-OutboundTask $task -Confirm:$false
    $finished = $task | Wait-OutboundTask -PollInterval 1 -Timeout 120
    $blocklist = New-OutboundBlocklist -Name '催收客户免打扰名单（投诉）' -Remark '客户来电要求不再拨打，按投诉处理' -Confirm:$false
    $blocked = @([pscustomobject]@{ 姓名 = '欧阳娜娜'; 手机号码 = '13800138000' }, '12345') |
        Add-OutboundBlocklistNumber -ListId $blocklist -Remark '投诉升级处理中' -PassThru -Confirm:$false -ErrorAction SilentlyContinue
    $call = Invoke-OutboundCall -Phone 13800000099 -RobotId 5001 -Variable @{ 客户名称 = '张三'; 金额 = '100' } -Confirm:$false -WarningAction SilentlyContinue
    # One sample list per type that has a view, keyed by the view's type name.
    $script:samples = @{
        'OutboundPS.OutboundSession'      = @($session)
        'OutboundPS.OutboundTask'         = @($finished)
        'OutboundPS.OutboundLine'         = @(Get-OutboundLine)
        'OutboundPS.OutboundRobot'        = @(Get-OutboundRobot)
        'OutboundPS.OutboundImportResult' = @($import)
        'OutboundPS.OutboundImportRow'    = @($import.Rows)
        'OutboundPS.OutboundCallResult'   = @($call)
        'OutboundPS.OutboundCallRecord'   = @(Get-OutboundCallRecord -TaskId $task)
        'OutboundPS.OutboundSeat'         = @(Get-OutboundSeat)
        'OutboundPS.OutboundSmsTemplate'  = @(Get-OutboundSmsTemplate)
        'OutboundPS.OutboundPhoneCheck'   = @(Test-OutboundPhone 13800138000, '0551-65123456', '024-23456789', 15412345678, 4008001234, '+1 312 555 0123')
        'OutboundPS.OutboundBlocklist'       = @(Get-OutboundBlocklist)
        'OutboundPS.OutboundBlocklistNumber' = @($blocklist | Get-OutboundBlocklistNumber)
        'OutboundPS.OutboundBlocklistResult' = @($blocked)
        'OutboundPS.OutboundBlocklistEntry'  = @($blocked.Numbers)
    }
    $script:session = $session

    function Get-HeaderLine {
        <# The lines of a rendered table above its dashes: one when no header is broken. #>
        param([string[]] $Lines)
        $dashes = [array]::FindIndex($Lines, [Predicate[string]] { param($line) $line -match '^[- ]+$' -and $line -match '-' })
        if ($dashes -lt 0) { throw "No header underline in:`n$($Lines -join "`n")" }
        @($Lines[0..($dashes - 1)] | Where-Object { $_.Trim() })
    }
}

AfterAll {
    Disconnect-Outbound -Session $script:session
}

Describe 'Default table views' {
    It 'has a sample for every type the format file gives a view' {
        $viewed = (Get-FormatData -TypeName 'OutboundPS.*').TypeNames | Sort-Object -Unique
        $viewed | Should -Not -BeNullOrEmpty
        $viewed | Where-Object { $_ -notin $script:samples.Keys } | Should -BeNullOrEmpty
        foreach ($type in $script:samples.Keys) { $script:samples[$type] | Should -Not -BeNullOrEmpty -Because $type }
    }

    It 'measures a line in console cells, a Chinese character as two' {
        Measure-DisplayWidth '安徽省合肥市 0551' | Should -Be 17
        Measure-DisplayWidth '１３８' | Should -Be 6
    }

    It 'renders <_> columns wide with every header on one line, no line wider' -ForEach $script:widths {
        $width = $_
        foreach ($type in $script:samples.Keys) {
            $lines = @($script:samples[$type] | Out-String -Width $width -Stream)
            $headers = Get-HeaderLine -Lines $lines
            $headers | Should -HaveCount 1 -Because "$type at $width columns draws its header as:`n$($headers -join "`n")"
            $headers[0] | Should -Match '^\S' -Because "$type's table view is used"
            foreach ($line in $lines) {
                Measure-DisplayWidth $line.TrimEnd() | Should -BeLessOrEqual $width -Because "$type at $width columns: $line"
            }
        }
    }
}
