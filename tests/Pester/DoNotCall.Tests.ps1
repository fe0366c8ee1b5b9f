# Do-not-call lists as users give them (-ExcludePhone strings, -ExcludePhonePath text and CSV files, splatted), on each
# vendor's sandbox host: its request log, bodies included, shows what crossed the wire, so "never sent" is seen, not assumed.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:files = [System.Collections.Generic.List[string]]::new()

    function Get-TempListPath {
        <# A temporary file path with the given extension, removed in AfterAll. #>
        param([string] $Extension)
        $path = Join-Path ([System.IO.Path]::GetTempPath()) "outboundps-dnc-$PID-$([guid]::NewGuid().ToString('N'))$Extension"
        $script:files.Add($path)
        $path
    }

    function Get-SentBody {
        <# The bodies of the requests the host received after the first $Skip, as one text. #>
        param($SandboxHost, [int] $Skip)
        (@(Get-SandboxRequest $SandboxHost | Select-Object -Skip $Skip) | ForEach-Object body) -join "`n"
    }
}

AfterAll {
    foreach ($file in $script:files) { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
}

Describe 'Do not call on the <Vendor> sandbox host' -ForEach @(
    @{ Vendor = 'IFlytek'; RobotId = '720'; Line = '055169101401'; Call = @{ Line = '055169101401' } }
    @{ Vendor = 'ByRobot'; RobotId = '5002'; Line = '101'; Call = @{} }
) {
    BeforeAll {
        $script:sandbox = Open-SandboxHost -Vendor $Vendor.ToLowerInvariant() -LogRequests
        $secret = [System.Security.SecureString]::new()
        foreach ($character in 'sandbox-app-secret'.ToCharArray()) { $secret.AppendChar($character) }
        $script:session = Connect-Outbound -Vendor $Vendor -BaseUri "http://127.0.0.1:$($script:sandbox.Port)/" -AppKey sandbox-app-key `
            -AppSecret $secret -Name "pester-dnc-$Vendor" -PassThru
        $script:task = New-OutboundTask -Name 'Pester do not call' -RobotId $RobotId -Line $Line -Confirm:$false

        # The list, each number written otherwise than the rows write it: 13800000001 as a string, 02 and 04 in a text
        # file (a blank line between), 06 in a CSV whose phone column is 手机号码 and whose name needs quoting.
        $script:text = Get-TempListPath '.txt'
        Set-Content -LiteralPath $script:text -Value '+86 138-0000-0002', '', '0086 13800000004' -Encoding utf8
        $script:csv = Get-TempListPath '.csv'
        Set-Content -LiteralPath $script:csv -Value 'Name,手机号码', '"Zhang, San",１３８０００００００６' -Encoding utf8
        $script:notAccepted = Get-TempListPath '.csv'

        $script:before = @(Get-SandboxRequest $script:sandbox).Count
        $import = @{
            TaskId           = $script:task
            ExcludePhone     = '138 0000 0001'
            ExcludePhonePath = $script:text, $script:csv
            NotAcceptedPath  = $script:notAccepted
            PassThru         = $true
        }
        $script:result = 1..8 | ForEach-Object { [pscustomobject]@{ 姓名 = "客户$_"; 手机号码 = "1380000000$_" } } |
            Import-OutboundCustomer @import -ErrorVariable importErrors -ErrorAction SilentlyContinue
        $script:importErrors = $importErrors
        $script:sent = Get-SentBody $script:sandbox -Skip $script:before
    }
    AfterAll {
        Remove-OutboundTask -Id $script:task -Force -ErrorAction SilentlyContinue
        Disconnect-Outbound -Session $script:session
        $script:sandbox | Close-SandboxHost
    }

    It 'rejects each listed row as DoNotCall, however the list wrote the number, and accepts the rest' {
        $script:result.Submitted | Should -Be 8
        $script:result.Accepted | Should -Be 4
        $script:result.Rejected | Should -Be 4
        $listed = @($script:result.Rows | Where-Object Code -EQ 'DoNotCall')
        $listed.RowNumber | Should -Be 1, 2, 4, 6
        $listed.Outcome | Select-Object -Unique | Should -Be 'Rejected'
        $listed[0].Error | Should -BeLike 'DoNotCall: *'
    }

    It 'writes no error for a listed row: leaving it out is what the user asked for' {
        $script:importErrors | Should -HaveCount 0
    }

    It 'sends none of the listed numbers, and every other one' {
        foreach ($n in 1, 2, 4, 6) { $script:sent | Should -Not -Match "1380000000$n" }
        foreach ($n in 3, 5, 7, 8) { $script:sent | Should -Match "1380000000$n" }
    }

    It 'writes the listed rows to -NotAcceptedPath with Outcome Rejected and Code DoNotCall' {
        $rows = @(Import-Csv -LiteralPath $script:notAccepted -Encoding utf8)
        $rows.手机号码 | Should -Be '13800000001', '13800000002', '13800000004', '13800000006'
        $rows.姓名 | Should -Be '客户1', '客户2', '客户4', '客户6'
        $rows.Outcome | Select-Object -Unique | Should -Be 'Rejected'
        $rows.Code | Select-Object -Unique | Should -Be 'DoNotCall'
    }

    It 'answers a listed single call not accepted with the code DoNotCall, and places only the other' {
        $before = @(Get-SandboxRequest $script:sandbox).Count
        $results = @(Invoke-OutboundCall -Phone '+86 138-0000-0002', '13800000003' -RobotId $RobotId -Name '张三' @Call `
                -ExcludePhonePath $script:text -Confirm:$false -WarningAction SilentlyContinue)
        $sent = Get-SentBody $script:sandbox -Skip $before

        $results | Should -HaveCount 2
        $notCalled = $results | Where-Object Phone -EQ '13800000002'
        $notCalled.Accepted | Should -BeFalse
        $notCalled.Code | Should -Be 'DoNotCall'
        $notCalled.Message | Should -Be 'not called: on the do-not-call list'
        ($results | Where-Object Phone -EQ '13800000003').Accepted | Should -BeTrue
        $sent | Should -Not -Match '13800000002'
        $sent | Should -Match '13800000003'
    }

    It 'sends nothing at all when every number of a call is listed, piped rows included' {
        $before = @(Get-SandboxRequest $script:sandbox).Count
        $results = @([pscustomobject]@{ Phone = '13800000001' } |
                Invoke-OutboundCall -RobotId $RobotId @Call -ExcludePhone '+8613800000001' -Confirm:$false)

        $results.Code | Should -Be 'DoNotCall'
        @(Get-SandboxRequest $script:sandbox).Count | Should -Be $before
    }

    It 'reads every file a wildcard in -ExcludePhonePath matches, as -Path parameters do' {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) "outboundps-dnc-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $folder
        try {
            Set-Content -LiteralPath (Join-Path $folder 'march.txt') -Value '13800000003' -Encoding utf8
            Set-Content -LiteralPath (Join-Path $folder 'april.txt') -Value '13800000005' -Encoding utf8
            $results = @(Invoke-OutboundCall -Phone '13800000003', '13800000005', '13800000007' -RobotId $RobotId -Name '张三' @Call `
                    -ExcludePhonePath (Join-Path $folder '*.txt') -Confirm:$false -WhatIf -WarningAction SilentlyContinue)

            ($results | Where-Object Code -EQ 'DoNotCall').Phone | Should -Be '13800000003', '13800000005'
        }
        finally {
            Remove-Item -LiteralPath $folder -Recurse -Force
        }
    }

    It 'leaves a number with another country code out of the list with a warning, and keeps the rest' {
        $results = @(Invoke-OutboundCall -Phone '13800000003', '13800000005' -RobotId $RobotId -Name '张三' @Call `
                -ExcludePhone '+1 212 555 0100', '13800000003' -Confirm:$false -WhatIf -WarningVariable warned -WarningAction SilentlyContinue)

        ($results | Where-Object Code -EQ 'DoNotCall').Phone | Should -Be '13800000003'
        $warned.Message | Should -Contain 'Do-not-call entries outside mainland China (another country code) left out of the list: 1. OutboundPS never calls such a number, so none can match.'
    }

    It 'stops before anything is sent on a list entry that is not a number, naming the file, line and value' {
        $bad = Get-TempListPath '.txt'
        Set-Content -LiteralPath $bad -Value '13800000003', '138-0000-000x' -Encoding utf8
        $before = @(Get-SandboxRequest $script:sandbox).Count

        { [pscustomobject]@{ 姓名 = '客户'; 手机号码 = '13800000005' } |
                Import-OutboundCustomer -TaskId $script:task -ExcludePhonePath $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.InvalidArgument.ExcludePhonePath,*' -ExpectedMessage "-ExcludePhonePath '$bad', line 2 '138-0000-000x': contains 'x'*"
        { Invoke-OutboundCall -Phone 13800000005 -RobotId $RobotId @Call -ExcludePhone 13800000003, 'n/a' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.InvalidArgument.ExcludePhone,*' -ExpectedMessage "-ExcludePhone 'n/a': (number 2 of the list)*"
        @(Get-SandboxRequest $script:sandbox).Count | Should -Be $before
    }
}
