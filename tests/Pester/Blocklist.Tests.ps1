# BYRobot's blacklist (黑名单, docs/vendors/byrobot.md#blacklist) as the blocklist cmdlets, the way users script them:
# a round trip on the sandbox host over HTTP (create a group, add 1,200 numbers from the pipeline, page them back,
# remove one, delete the group) with every number accounted for, -WhatIf that sends nothing (the host's request log),
# Import-Csv rows read as the import reads them, a listed number's call ending as Blocked, and iFlytek's NotImplemented.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    # 1,200 distinct mobiles, written as people write them: some with +86, some with dashes.
    $script:phones = 1..1200 | ForEach-Object { '1391234{0:D4}' -f $_ }
    $script:written = for ($i = 0; $i -lt $script:phones.Count; $i++) {
        $phone = $script:phones[$i]
        switch ($i % 3) {
            0 { $phone }
            1 { "+86 $phone" }
            2 { '{0}-{1}-{2}' -f $phone.Substring(0, 3), $phone.Substring(3, 4), $phone.Substring(7) }
        }
    }
}

Describe 'The blocklist round trip on the ByRobot sandbox host over HTTP' {
    BeforeAll {
        $script:sandbox = Open-SandboxHost -Vendor byrobot -LogRequests
        $secret = [System.Security.SecureString]::new()
        foreach ($character in 'sandbox-app-secret'.ToCharArray()) { $secret.AppendChar($character) }
        $connect = @{
            Vendor    = 'ByRobot'
            BaseUri   = "http://127.0.0.1:$($script:sandbox.Port)/"
            AppKey    = 'sandbox-app-key'
            AppSecret = $secret
            Name      = 'pester-blocklist-host'
        }
        $script:session = Connect-Outbound @connect -PassThru
    }
    AfterAll {
        if ($script:session) { Disconnect-Outbound -Session $script:session }
        Close-SandboxHost $script:sandbox
    }

    It 'creates a group, adds 1,200 numbers from the pipeline, pages them back, removes one and deletes the group' {
        $list = New-OutboundBlocklist -Name 'Pester 免打扰' -Remark '客户要求' -Confirm:$false
        $list.PSObject.TypeNames[0] | Should -Be 'OutboundPS.OutboundBlocklist'
        (Get-OutboundBlocklist -Name 'Pester*').Id | Should -Be $list.Id

        $before = @(Get-SandboxRequest $script:sandbox).Count
        $add = @{ ListId = $list; Remark = 'pester'; PassThru = $true; Confirm = $false }
        $result = $script:written | Add-OutboundBlocklistNumber @add
        $result.Read | Should -Be 1200
        $result.Added | Should -Be 1200
        ($result.Rejected + $result.Failed + $result.Unknown) | Should -Be 0
        $result.Numbers | Should -HaveCount 1200
        @($result.Numbers | Where-Object Outcome -NE 'Added') | Should -BeNullOrEmpty
        # Three batches of at most 500 (docs/design.md#blocklists), each stored whole, so nothing was read back.
        $sent = @(Get-SandboxRequest $script:sandbox | Select-Object -Skip $before)
        @($sent | Where-Object path -Like '*/addBlackList/batch') | Should -HaveCount 3
        @($sent | Where-Object path -Like '*/blacklist/info/page') | Should -BeNullOrEmpty

        # Paged back through the pipeline, every number as it went in, in national form.
        $numbers = @(Get-OutboundBlocklist -Name 'Pester 免打扰' | Get-OutboundBlocklistNumber)
        $numbers | Should -HaveCount 1200
        $numbers[0].PSObject.TypeNames[0] | Should -Be 'OutboundPS.OutboundBlocklistNumber'
        ($numbers.Phone | Sort-Object) | Should -Be ($script:phones | Sort-Object)
        $numbers[0].Remark | Should -Be 'pester'
        $numbers[0].Name | Should -Be $numbers[0].Phone
        Get-OutboundBlocklistNumber -ListId $list.Id -IncludeTotalCount -First 0 | Should -Be 1200
        $tail = @(Get-OutboundBlocklistNumber -ListId $list.Id -Skip 1195 -First 10)
        $tail.Phone | Should -Be $script:phones[1195..1199]

        Get-OutboundBlocklistNumber -ListId $list.Id -First 1 | Remove-OutboundBlocklistNumber -Confirm:$false
        $left = @(Get-OutboundBlocklistNumber -ListId $list.Id)
        $left | Should -HaveCount 1199
        $left.Phone | Should -Not -Contain $script:phones[0]

        # BYRobot deletes only an empty group: refused here, with the group, the count and the way out.
        { Remove-OutboundBlocklist -Id $list.Id -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.ByRobot.BlocklistNotEmpty,OutboundPS.Commands.RemoveOutboundBlocklistCommand' -ExpectedMessage "*'Pester 免打扰' (id $($list.Id)) still holds 1,199 numbers*-Force*"
        @(Get-OutboundBlocklist -Id $list.Id) | Should -HaveCount 1

        $list | Remove-OutboundBlocklist -Force -Confirm:$false
        @(Get-OutboundBlocklist -Id $list.Id) | Should -BeNullOrEmpty
    }

    It 'empties a group of more than one page through Get-OutboundBlocklistNumber | Remove-OutboundBlocklistNumber' {
        # 120 numbers are three pages of 50: a removal made while the pages are still being read would move the
        # rest up a page, past the reader, and leave numbers behind.
        $list = New-OutboundBlocklist -Name 'Pester 清空' -Confirm:$false
        $null = $script:phones[0..119] | Add-OutboundBlocklistNumber -ListId $list -Confirm:$false
        @(Get-OutboundBlocklistNumber -ListId $list.Id) | Should -HaveCount 120

        Get-OutboundBlocklist -Id $list.Id | Get-OutboundBlocklistNumber | Remove-OutboundBlocklistNumber -Confirm:$false
        @(Get-OutboundBlocklistNumber -ListId $list.Id) | Should -BeNullOrEmpty
        $list | Remove-OutboundBlocklist -Confirm:$false
    }

    It 'renames a group and changes its note with Set-OutboundBlocklist, keeping what is not given' {
        $list = New-OutboundBlocklist -Name 'Pester 旧名' -Remark '原备注' -Confirm:$false
        $renamed = $list | Set-OutboundBlocklist -Name 'Pester 新名' -PassThru -Confirm:$false
        $renamed.Name | Should -Be 'Pester 新名'
        $renamed.Remark | Should -Be '原备注'
        $list | Set-OutboundBlocklist -Remark '新备注' -Confirm:$false
        (Get-OutboundBlocklist -Id $list.Id) | ForEach-Object { "$($_.Name)|$($_.Remark)" } | Should -Be 'Pester 新名|新备注'
        $list | Remove-OutboundBlocklist -Confirm:$false
    }

    It '-WhatIf on every blocklist change sends the vendor nothing at all' {
        $list = New-OutboundBlocklist -Name 'Pester what-if' -Confirm:$false
        $null = '13912340001' | Add-OutboundBlocklistNumber -ListId $list -Confirm:$false
        $before = @(Get-SandboxRequest $script:sandbox).Count

        New-OutboundBlocklist -Name 'Pester never' -WhatIf | Should -BeNullOrEmpty
        Set-OutboundBlocklist -Id $list.Id -Name 'Pester never' -WhatIf | Should -BeNullOrEmpty
        Remove-OutboundBlocklist -Id $list.Id -WhatIf
        Remove-OutboundBlocklist -Id $list.Id -Force -WhatIf
        $script:written[0..99] | Add-OutboundBlocklistNumber -ListId $list -WhatIf | Should -BeNullOrEmpty
        '13912340001' | Add-OutboundBlocklistNumber -WhatIf | Should -BeNullOrEmpty
        Remove-OutboundBlocklistNumber -ListId $list.Id -Phone '13912340001' -WhatIf

        @(Get-SandboxRequest $script:sandbox | Select-Object -Skip $before) | Should -BeNullOrEmpty
        # Without -WhatIf the same removal is a POST the log shows.
        Remove-OutboundBlocklistNumber -ListId $list.Id -Phone '13912340001' -Confirm:$false
        $writes = @(Get-SandboxRequest $script:sandbox | Select-Object -Skip $before | Where-Object method -EQ 'POST')
        $writes.path | Should -BeLike '*/blacklist/info/delete'
        $list | Remove-OutboundBlocklist -Confirm:$false
    }
}

Describe 'Add-OutboundBlocklistNumber reads rows as the import does, on the ByRobot sandbox' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor ByRobot -Sandbox -Name pester-blocklist-rows -PassThru
    }
    AfterAll {
        Disconnect-Outbound -Session $script:session
    }

    It 'finds the 手机号码 and 姓名 columns of an Import-Csv file, refuses a bad number with its row, and accounts for each' {
        $csv = Join-Path $TestDrive 'dnc.csv'
        @(
            [pscustomobject]@{ 姓名 = '张三'; 手机号码 = '138 0013 8000' }
            [pscustomobject]@{ 姓名 = '李四'; 手机号码 = '1.38E+10' }
            [pscustomobject]@{ 姓名 = '王五'; 手机号码 = '+86 139-0013-9000' }
            [pscustomobject]@{ 姓名 = '张三'; 手机号码 = '13800138000' }
        ) | Export-Csv -Path $csv -Encoding utf8 -NoTypeInformation
        $list = New-OutboundBlocklist -Name 'Pester rows' -Confirm:$false

        $result = Import-Csv $csv -Encoding utf8 | Add-OutboundBlocklistNumber -ListId $list -PassThru -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
        $result.Read | Should -Be 4
        $result.Added | Should -Be 2
        $result.Rejected | Should -Be 2
        $result.Numbers.Outcome | Should -Be @('Added', 'Rejected', 'Added', 'Rejected')
        $refused | Should -HaveCount 2
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'OutboundPS.InvalidRow.Phone,*'
        $refused[0].Exception.Message | Should -BeLike "Row 2, column 手机号码 '1.38E+10': is in scientific notation*"
        $refused[1].Exception.Message | Should -BeLike "*13800138000 again, given first as number 1*"
        $listed = @(Get-OutboundBlocklistNumber -ListId $list.Id)
        $listed | ForEach-Object { "$($_.Phone) $($_.Name)" } | Should -Be @('13800138000 张三', '13900139000 王五')
        $list | Remove-OutboundBlocklist -Force -Confirm:$false
    }

    It 'adds to the default group when no list is named, and a listed customer''s call ends as Blocked' {
        $listed = '13800138011'
        $result = $listed | Add-OutboundBlocklistNumber -Confirm:$false
        $result.ListId | Should -Be '-1'
        (Get-OutboundBlocklistNumber).Phone | Should -Contain $listed

        $task = New-OutboundTask -Name 'Pester blocked' -RobotId 5002 -Line 101 -Confirm:$false
        $import = @(
            [pscustomobject]@{ Name = '甲'; Phone = $listed }
            [pscustomobject]@{ Name = '乙'; Phone = '13800138014' }
        ) | Import-OutboundCustomer -TaskId $task -Confirm:$false
        $import.Accepted | Should -Be 2
        Start-OutboundTask $task -Confirm:$false
        $null = $task | Wait-OutboundTask -PollInterval 1 -Timeout 120
        $records = @(Get-OutboundCallRecord -TaskId $task)
        ($records | Where-Object Phone -EQ $listed).Outcome | Should -Be 'Blocked'
        ($records | Where-Object Phone -EQ '13800138014').Outcome | Should -Be 'Answered'
        Remove-OutboundTask -Id $task -Force
        Remove-OutboundBlocklistNumber -ListId -1 -Phone $listed -Confirm:$false
    }
}

Describe 'Add-OutboundBlocklistNumber cut short by an error up the pipeline' {
    It 'tells the host the full account, the numbers not sent Rejected' {
        $module = (Get-BuiltModulePath) -replace "'", "''"
        $child = Invoke-ChildPwsh -TimeoutSeconds 120 -Script @"
Import-Module '$module'
Connect-Outbound -Vendor ByRobot -Sandbox -Name cut-short
`$list = New-OutboundBlocklist -Name 'Pester cut short' -Confirm:`$false
try {
    & { '13800138000'; '12345'; '13900139000'; throw 'the source failed' } | Add-OutboundBlocklistNumber -ListId `$list -Confirm:`$false -ErrorAction SilentlyContinue
}
catch { "CAUGHT=`$(`$_.Exception.Message)" }
"LISTED=`$(@(Get-OutboundBlocklistNumber -ListId `$list.Id).Count)"
"@
        $child.TimedOut | Should -BeFalse -Because $child.Output
        $child.Output | Should -Match 'CAUGHT=the source failed'
        $child.Output | Should -Match 'ended early: 3 read: 0 added, 3 rejected, 0 failed, 0 unknown'
        $child.Output | Should -Match 'LISTED=0'
    }
}

Describe 'The blocklist cmdlets on iFlytek' {
    BeforeAll {
        $script:iflytek = Connect-Outbound -Vendor IFlytek -Sandbox -Name pester-blocklist-iflytek -PassThru
        $script:commands = @(
            { Get-OutboundBlocklist -Session $script:iflytek }
            { New-OutboundBlocklist -Session $script:iflytek -Name x -Confirm:$false }
            { Set-OutboundBlocklist -Session $script:iflytek -Id 1 -Name x -Confirm:$false }
            { Remove-OutboundBlocklist -Session $script:iflytek -Id 1 -Confirm:$false }
            { Get-OutboundBlocklistNumber -Session $script:iflytek -ListId 1 }
            { '13800138000' | Add-OutboundBlocklistNumber -Session $script:iflytek -ListId 1 -Confirm:$false }
            { Remove-OutboundBlocklistNumber -Session $script:iflytek -ListId 1 -Phone 13800138000 -Confirm:$false }
        )
    }
    AfterAll {
        Disconnect-Outbound -Session $script:iflytek
    }

    It 'each of the seven answers NotImplemented that names the local -ExcludePhonePath and -ExcludePhone' {
        $script:commands | Should -HaveCount 7
        foreach ($command in $script:commands) {
            $failure = $null
            try { & $command -ErrorAction Stop } catch { $failure = $_ }
            $failure | Should -Not -BeNullOrEmpty -Because "$command"
            $failure.FullyQualifiedErrorId | Should -BeLike 'OutboundPS.IFlytek.NotImplemented,*' -Because "$command"
            $failure.CategoryInfo.Category | Should -Be 'NotImplemented'
            $failure.Exception.Message | Should -BeLike '*-ExcludePhonePath (or -ExcludePhone for a few numbers) on Import-OutboundCustomer and Invoke-OutboundCall*'
        }
    }
}
