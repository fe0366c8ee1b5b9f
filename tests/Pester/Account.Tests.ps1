# The account reads: Get-OutboundSeat (AI seats: all, in use, free) and Get-OutboundSmsTemplate (templates and their
# review status) return typed objects on BYRobot; iFlytek offers neither, and says what to use instead.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    function Export-AsCsv {
        <# Exports the objects with Export-Csv as a user would and reads the file back: its header, rows and text. #>
        param([Parameter(Mandatory)] [object[]] $InputObject, [Parameter(Mandatory)] [string] $Name)
        $path = Join-Path $TestDrive "$Name.csv"
        $InputObject | Export-Csv -Path $path -Encoding utf8 -NoTypeInformation
        [pscustomobject]@{
            Header = (Get-Content $path -TotalCount 1 -Encoding utf8) -replace '"', '' -split ','
            Rows   = @(Import-Csv -Path $path -Encoding utf8)
            Text   = Get-Content $path -Raw -Encoding utf8
        }
    }
}

Describe 'Get-OutboundSeat on the ByRobot sandbox' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor ByRobot -Sandbox -Name pester-account-seats -PassThru
    }
    AfterAll {
        Get-OutboundTask -Session $script:session -Name 'Pester seats' | Remove-OutboundTask -Force -ErrorAction SilentlyContinue
        Disconnect-Outbound -Session $script:session
    }

    It 'returns one OutboundSeat: all seats free while nothing runs' {
        $seats = @(Get-OutboundSeat)
        $seats | Should -HaveCount 1
        $seats[0].PSObject.TypeNames[0] | Should -Be 'OutboundPS.OutboundSeat'
        $seats[0].Vendor.Key | Should -Be 'ByRobot'
        $seats[0].CompanyId | Should -Be $script:session.CompanyId
        $seats[0].Total | Should -BeGreaterThan 0
        $seats[0].InUse | Should -Be 0
        $seats[0].Free | Should -Be $seats[0].Total
    }

    It 'counts the seats a running task holds as in use, and the rest as free' {
        $task = New-OutboundTask -Name 'Pester seats' -RobotId 5002 -Line 101 -Concurrency 4 -Confirm:$false
        $null = 1..200 | ForEach-Object { [pscustomobject]@{ Name = '客户'; Phone = '138{0:D8}' -f $_ } } | Import-OutboundCustomer -TaskId $task -Confirm:$false
        Start-OutboundTask $task -Confirm:$false
        $null = Wait-TaskStatus -Task $task -Status Running
        $seats = Get-OutboundSeat -Session $script:session
        $seats.InUse | Should -Be 4
        $seats.Free | Should -Be ($seats.Total - 4)
        Suspend-OutboundTask $task -Confirm:$false
        (Get-OutboundSeat).InUse | Should -Be 0
    }

    It 'exports to CSV as readable text' {
        $csv = Export-AsCsv (Get-OutboundSeat) -Name seats
        $csv.Header | Should -Be @('Vendor', 'CompanyId', 'Total', 'InUse', 'Free')
        $csv.Rows[0].Vendor | Should -Be 'ByRobot'
        $csv.Rows[0].Free | Should -Be $csv.Rows[0].Total
        $csv.Text | Should -Not -Match 'System\.|\[\]'
    }
}

Describe 'Get-OutboundSmsTemplate on the ByRobot sandbox' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor ByRobot -Sandbox -Name pester-account-sms -PassThru
    }
    AfterAll {
        Disconnect-Outbound -Session $script:session
    }

    It 'lists every template as an OutboundSmsTemplate, in each review state' {
        $templates = @(Get-OutboundSmsTemplate)
        $templates | Should -Not -BeNullOrEmpty
        @($templates | ForEach-Object { $_.PSObject.TypeNames[0] } | Sort-Object -Unique) | Should -Be 'OutboundPS.OutboundSmsTemplate'
        @($templates.Status | Sort-Object -Unique) | Should -Be @('UnderReview', 'Approved', 'Rejected')
        $rejected = $templates | Where-Object Status -EQ Rejected | Select-Object -First 1
        $rejected.FailReason | Should -Not -BeNullOrEmpty
        $rejected.Created.Offset | Should -Be ([timespan]::FromHours(8))
        $rejected.SignName | Should -Not -BeNullOrEmpty
        $rejected.Type.GetType().FullName | Should -Be 'OutboundPS.SmsTemplateType'
    }

    It '-Status <_> lists only templates in that state' -ForEach 'Approved', 'UnderReview', 'Rejected' {
        $templates = @(Get-OutboundSmsTemplate -Status $_)
        $templates | Should -Not -BeNullOrEmpty
        @($templates.Status | Sort-Object -Unique) | Should -Be @($_)
    }

    It '-Status takes several states' {
        $templates = @(Get-OutboundSmsTemplate -Status Approved, Rejected)
        @($templates.Status | Sort-Object -Unique) | Should -Be @('Approved', 'Rejected')
        $templates.Count | Should -Be @(Get-OutboundSmsTemplate | Where-Object Status -In Approved, Rejected).Count
    }

    It 'honours -First and -Skip, and -IncludeTotalCount gives the total first' {
        $all = @(Get-OutboundSmsTemplate)
        @(Get-OutboundSmsTemplate -First 2).Id | Should -Be @($all[0..1].Id)
        @(Get-OutboundSmsTemplate -Skip 1 -First 2).Id | Should -Be @($all[1..2].Id)
        $counted = @(Get-OutboundSmsTemplate -First 1 -IncludeTotalCount)
        $counted[0].ToString() | Should -BeLike "*$($all.Count)*"
    }

    It 'gives the count alone for -IncludeTotalCount -First 0, as Get-OutboundTask does' {
        $all = @(Get-OutboundSmsTemplate)
        $counted = @(Get-OutboundSmsTemplate -First 0 -IncludeTotalCount)
        $counted | Should -HaveCount 1
        $counted[0].ToString() | Should -BeLike "*$($all.Count)*"

        $tasks = 1..3 | ForEach-Object { New-OutboundTask -Name "Pester paging $_" -RobotId 5002 -Line 101 -Confirm:$false }
        try {
            $taskCount = @(Get-OutboundTask -Name 'Pester paging' -First 0 -IncludeTotalCount)
            $taskCount | Should -HaveCount 1
            $taskCount[0].ToString() | Should -BeLike '*3*'
        }
        finally {
            $tasks | Remove-OutboundTask -Force
        }
    }

    It 'exports to CSV as readable text' {
        $csv = Export-AsCsv @(Get-OutboundSmsTemplate) -Name templates
        $csv.Header | Should -Be @('Vendor', 'Id', 'Name', 'Type', 'Content', 'Status', 'VendorStatus', 'FailReason', 'SignId', 'SignName', 'Created', 'Modified')
        $csv.Rows | Where-Object Status -EQ 'Rejected' | ForEach-Object { $_.FailReason | Should -Not -BeNullOrEmpty }
        $csv.Rows[0].Created | Should -Match '\+08:00$'
        $csv.Text | Should -Not -Match 'System\.|\[\]'
    }
}

Describe 'The account reads on the IFlytek sandbox' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor IFlytek -Sandbox -Name pester-account-iflytek -PassThru
    }
    AfterAll {
        Disconnect-Outbound -Session $script:session
    }

    It 'Get-OutboundSeat is NotImplemented and points to Get-OutboundLine' {
        { Get-OutboundSeat -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.IFlytek.NotImplemented*' -ExpectedMessage '*Get-OutboundLine*'
    }

    It 'Get-OutboundSmsTemplate is NotImplemented and says -SendSms is BYRobot only' {
        { Get-OutboundSmsTemplate -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.IFlytek.NotImplemented*' -ExpectedMessage '*no SMS templates*-SendSms*BYRobot*'
    }

    It 'the error is a terminating one of category NotImplemented, with nothing written before it' {
        $output = $null
        $record = try { $output = @(Get-OutboundSeat); $null } catch { $_ }
        $record | Should -Not -BeNullOrEmpty
        $record.CategoryInfo.Category | Should -Be 'NotImplemented'
        $output | Should -BeNullOrEmpty
    }
}
