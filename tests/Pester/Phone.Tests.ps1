# Test-OutboundPhone, -AllowUnassignedRange and call records' Region in a real pwsh, written the way users write
# scripts. Expected regions and kinds follow China's numbering plan: 1380013 is a Beijing block of China Mobile, 0551
# is Hefei's area code (Anhui), 154 is a mobile block never assigned, 400 numbers are shared-cost service lines.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    $script:csv = Join-Path $TestDrive 'customers.csv'
    @(
        '姓名,手机号码,备用号码'
        '张三,13800138000,0551-65123456'
        '李四,+86 154 1234 5678,400-820-8820'
        '王五,０５５１－６５１２３４５６,'
    ) | Set-Content -Path $script:csv -Encoding utf8
}

Describe 'Test-OutboundPhone' {
    It 'gives 北京市 for 13800138000 and 安徽省合肥市 for 0551-65123456' {
        $checks = Test-OutboundPhone 13800138000, '0551-65123456'

        $checks | Should -HaveCount 2
        $checks[0].Region | Should -BeExactly '北京市'
        $checks[0].Kind | Should -Be 'Mobile'
        $checks[0].National | Should -BeExactly '13800138000'
        $checks[0].E164 | Should -BeExactly '+8613800138000'
        $checks[0].Valid | Should -BeTrue
        $checks[1].Region | Should -BeExactly '安徽省合肥市'
        $checks[1].Kind | Should -Be 'Landline'
        $checks[1].National | Should -BeExactly '055165123456'
        $checks[1].E164 | Should -BeExactly '+8655165123456'
    }

    It 'loads libphonenumber into the module''s own load context, not the default one other modules share' {
        $null = Test-OutboundPhone 13800138000
        $phoneNumbers = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PhoneNumbers' })

        $phoneNumbers | Should -HaveCount 1
        [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($phoneNumbers[0]).Name | Should -Be 'OutboundPS.Dependencies'
        $phoneNumbers[0].Location | Should -BeLike '*Dependencies*PhoneNumbers.dll'
    }

    It 'gives the regions in English with -RegionLanguage English' {
        $checks = '13800138000', '0551-65123456' | Test-OutboundPhone -RegionLanguage English

        $checks.Region | Should -Be @('Beijing', 'Hefei, Anhui')
    }

    It 'refuses an unknown -RegionLanguage before reading any number' {
        { Test-OutboundPhone 13800138000 -RegionLanguage Klingon -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'answers one typed object per piped string, each with its reason when not valid' {
        $inputs = '13800138000', '15412345678', '4008208820', '95588', '+1 312 555 0123', ''
        $checks = $inputs | Test-OutboundPhone

        $checks | Should -HaveCount 6
        $checks | ForEach-Object { $_.GetType().FullName | Should -Be 'OutboundPS.OutboundPhoneCheck' }
        $checks.Input | Should -Be $inputs
        $checks.Kind | Should -Be @('Mobile', 'Unassigned', 'SharedCost', 'ShortCode', 'Invalid', 'Invalid')
        $checks.Valid | Should -Be @($true, $false, $false, $false, $false, $false)
        $checks[1].Reason | Should -BeLike "'15412345678' is in the mobile range 1541234xxxx, which libphonenumber 9.0.43 does not list as assigned.*-AllowUnassignedRange*"
        $checks[2].Reason | Should -BeLike '*400 number*'
        $checks[3].Reason | Should -BeLike '*short service code*'
        $checks[4].Reason | Should -BeLike '*outside mainland China*'
        $checks[5].Reason | Should -BeLike '*is empty*'
    }

    It 'reads rows from Import-Csv by the phone column the import would find' {
        $checks = Import-Csv $script:csv | Test-OutboundPhone

        $checks | Should -HaveCount 3
        $checks.Input | Should -Be @('13800138000', '+86 154 1234 5678', '０５５１－６５１２３４５６')
        $checks.National | Should -Be @('13800138000', '15412345678', '055165123456')
        $checks.Valid | Should -Be @($true, $false, $true)
        $checks[0].InputObject.姓名 | Should -BeExactly '张三'
        $checks[2].Region | Should -BeExactly '安徽省合肥市'
    }

    It 'reads another column with -PhoneProperty, and says which columns there are when it is missing' {
        $checks = Import-Csv $script:csv | Test-OutboundPhone -PhoneProperty 备用号码

        $checks.National | Should -Be @('055165123456', '4008208820', $null)
        $checks.Kind | Should -Be @('Landline', 'SharedCost', 'Invalid')
        { Import-Csv $script:csv | Test-OutboundPhone -PhoneProperty 座机 -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.InvalidArgument.PhoneProperty*' -ExpectedMessage '*座机*'
    }

    It 'counts an unassigned range as valid with -AllowUnassignedRange, and -AllowUnassignedRange:$false as without it' {
        $allowed = Test-OutboundPhone 15412345678 -AllowUnassignedRange
        $allowed.Valid | Should -BeTrue
        $allowed.Kind | Should -Be 'Unassigned'
        $allowed.E164 | Should -BeExactly '+8615412345678'

        $splat = @{ AllowUnassignedRange = $false }
        $refused = Test-OutboundPhone 15412345678 @splat
        $refused.Valid | Should -BeFalse
        $refused.Reason | Should -Not -BeNullOrEmpty
    }

    It 'streams: the first answers come out while the input is still being produced' {
        $script:produced = 0
        $first = & { foreach ($i in 1..1000000) { $script:produced++; '13800138000' } } | Test-OutboundPhone | Select-Object -First 3

        $first | Should -HaveCount 3
        $script:produced | Should -BeLessThan 100
    }

    It 'shows the default table at 80 columns with the region readable' {
        $lines = @(Test-OutboundPhone 13800138000, '0551-65123456' | Out-String -Width 80 -Stream | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^Input\s+National\s+Kind\s+Valid\s+Region\s+Reason'
        $lines[2] | Should -Match '^13800138000\s+13800138000\s+Mobile\s+True\s+北京市'
        $lines[3] | Should -Match '^0551-65123456\s+055165123456\s+Landline\s+True\s+安徽省合肥市'
    }

    It 'starts the table''s Reason at the problem, the input being in the first column' {
        $line = @(Test-OutboundPhone 15412345678 | Out-String -Width 80 -Stream | Where-Object { $_.Trim() })[2]
        $line | Should -Match '^15412345678\s+15412345678\s+Unassigned\s+False\s+is in the mobile'
    }
}

Describe '-AllowUnassignedRange on import and call' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor ByRobot -Sandbox -Name pester-phone -PassThru
    }

    AfterAll {
        Disconnect-Outbound -Session $script:session
    }

    It 'Import-OutboundCustomer rejects a row in an unassigned range, naming the range, and sends it with the switch' {
        $task = New-OutboundTask -Name 'Pester phone' -RobotId 5002 -Line 101 -Confirm:$false
        $rows = '13800138001', '15412345678' | ForEach-Object { [pscustomobject]@{ 姓名 = '客户'; 手机号码 = $_ } }

        $result = $rows | Import-OutboundCustomer -TaskId $task -Confirm:$false -PassThru -ErrorVariable refused -ErrorAction SilentlyContinue
        $result.Accepted | Should -Be 1
        $result.Rejected | Should -Be 1
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'OutboundPS.InvalidRow.Phone*'
        $refused[0].Exception.Message | Should -BeLike "*'15412345678': is in the mobile range 1541234xxxx, which libphonenumber 9.0.43*"

        $options = @{ TaskId = $task; AllowUnassignedRange = $true; Confirm = $false; PassThru = $true }
        $again = '15412345678' | ForEach-Object { [pscustomobject]@{ 姓名 = '客户'; 手机号码 = $_ } } | Import-OutboundCustomer @options
        $again.Accepted | Should -Be 1
        $again.Rejected | Should -Be 0
        Remove-OutboundTask -Id $task -Force
    }

    It 'Invoke-OutboundCall refuses the number, naming the range, and places it with the switch' {
        { Invoke-OutboundCall -Phone 15412345678 -Name '张三' -RobotId 5002 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.InvalidArgument.Phone*' -ExpectedMessage '*1541234xxxx*'

        $call = Invoke-OutboundCall -Phone 15412345678 -Name '张三' -RobotId 5002 -AllowUnassignedRange -Confirm:$false -WarningAction SilentlyContinue
        $call.Phone | Should -BeExactly '15412345678'
        $call.Accepted | Should -BeTrue -Because 'the switch places the call; a refused call carries its Phone too'
    }
}

Describe 'Call records carry the region' {
    It 'gives a record from each vendor''s push the region of its number, so Group-Object Region works' {
        $iflytek = '{"call_uuid":"u-1","callee":"13800138000","direction":2,"task_id":"42","task_result":"0","time_dial":1527737756729,"duration_call":28}' |
            ConvertFrom-OutboundPush
        $byrobot = (Get-ByRobotCallBody 7) -replace '13700000001', '055165123456' | ConvertFrom-OutboundPush

        $iflytek.Region | Should -BeExactly '北京市'
        $byrobot.Region | Should -BeExactly '安徽省合肥市'
        $groups = @($iflytek, $byrobot, $iflytek) | Group-Object Region | Sort-Object Count -Descending
        $groups[0].Name | Should -BeExactly '北京市'
        $groups[0].Count | Should -Be 2
    }

    It 'gives the records read back from a BYRobot task the region of their numbers' {
        $session = Connect-Outbound -Vendor ByRobot -Sandbox -Name pester-phone-records -PassThru
        $task = New-OutboundTask -Session $session -Name 'Pester regions' -RobotId 5002 -Line 101 -Confirm:$false
        $null = '13800138001', '055165123456' | ForEach-Object { [pscustomobject]@{ 姓名 = '客户'; 手机号码 = $_ } } |
            Import-OutboundCustomer -TaskId $task -Confirm:$false
        Start-OutboundTask $task -Confirm:$false
        $null = $task | Wait-OutboundTask -PollInterval 1 -Timeout 120

        $records = @(Get-OutboundCallRecord -TaskId $task)
        ($records | Where-Object Phone -EQ '13800138001').Region | Should -BeExactly '北京市'
        ($records | Where-Object Phone -EQ '055165123456').Region | Should -BeExactly '安徽省合肥市'
        Remove-OutboundTask -Id $task -Force
        Disconnect-Outbound -Session $session
    }
}
