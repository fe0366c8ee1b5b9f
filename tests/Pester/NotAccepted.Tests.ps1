# A runbook's import (Azure Automation: 1 MiB per stream, no -PassThru for a million rows): -NotAcceptedPath keeps
# every row not accepted in a CSV, and -ErrorLimit keeps the error stream short, with one error that counts the rest.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:session = Connect-Outbound -Vendor IFlytek -Sandbox -Name pester-notaccepted -PassThru
    $script:tasks = [System.Collections.Generic.List[object]]::new()
    $script:files = [System.Collections.Generic.List[string]]::new()

    function Get-CustomerRow {
        <# $Count rows for robot 719 (客户姓名, 手机号码, 金额); every $BadEvery-th has a number no one can dial. #>
        param([int] $Count, [int] $BadEvery)
        foreach ($n in 1..$Count) {
            [pscustomobject]@{
                客户姓名 = "客户$n"
                手机号码 = if ($n % $BadEvery -eq 0) { "1$n" } else { '138{0:D8}' -f $n }
                金额     = "$n,00"
            }
        }
    }

    function Get-ImportTask {
        <# A fresh task for one test, removed in AfterAll. #>
        param([string] $Name)
        $task = New-OutboundTask -Session $script:session -Name "Pester not accepted: $Name" -RobotId '719' -Line '055169101401' -Confirm:$false
        $script:tasks.Add($task)
        $task
    }

    function Get-TempCsvPath {
        <# A temporary file path, removed in AfterAll. #>
        $path = Join-Path ([System.IO.Path]::GetTempPath()) "outboundps-notaccepted-$PID-$([guid]::NewGuid().ToString('N')).csv"
        $script:files.Add($path)
        $path
    }
}

AfterAll {
    foreach ($task in $script:tasks) { Remove-OutboundTask -Id $task -Force -ErrorAction SilentlyContinue }
    foreach ($file in $script:files) { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
    Disconnect-Outbound -Session $script:session
}

Describe 'Import-OutboundCustomer -NotAcceptedPath -ErrorLimit' {
    BeforeAll {
        $script:path = Get-TempCsvPath
        # A stale file from an earlier run: the import must empty it first.
        Set-Content -LiteralPath $script:path -Value 'stale,rows' -Encoding utf8
        $script:result = Get-CustomerRow -Count 300 -BadEvery 10 |
            Import-OutboundCustomer -TaskId (Get-ImportTask 'limit 5') -NotAcceptedPath $script:path -ErrorLimit 5 `
                -ErrorVariable importErrors -ErrorAction SilentlyContinue
        $script:importErrors = $importErrors
        $script:rows = @(Import-Csv -LiteralPath $script:path -Encoding utf8)
    }

    It 'accounts for every row without -PassThru' {
        $script:result.Submitted | Should -Be 300
        $script:result.Accepted | Should -Be 270
        $script:result.Rejected | Should -Be 30
        $script:result.Rows | Should -BeNullOrEmpty
    }

    It 'writes exactly the rows not accepted, with their original columns, then Outcome, Reason and Code' {
        $script:rows | Should -HaveCount 30
        $script:rows[0].PSObject.Properties.Name | Should -Be '客户姓名', '手机号码', '金额', 'Outcome', 'Reason', 'Code'
        $script:rows.手机号码 | Should -Be (10..300 | Where-Object { $_ % 10 -eq 0 } | ForEach-Object { "1$_" })
        $script:rows.客户姓名 | Should -Be (10..300 | Where-Object { $_ % 10 -eq 0 } | ForEach-Object { "客户$_" })
        $script:rows[0].金额 | Should -Be '10,00'
        $script:rows.Outcome | Select-Object -Unique | Should -Be 'Rejected'
        $script:rows[0].Reason | Should -BeLike 'Row 10, column 手机号码*'
    }

    It 'writes UTF-8 with a byte-order mark, so Windows PowerShell 5.1 and Excel read the Chinese text' {
        [byte[]]$head = [System.IO.File]::ReadAllBytes($script:path)[0..2]
        $head | Should -Be @(0xEF, 0xBB, 0xBF)
    }

    It 'writes the first 5 errors, each targeting its row, then one that counts the other 25 and names the file' {
        $script:importErrors | Should -HaveCount 6
        $script:importErrors[0..4].FullyQualifiedErrorId | Should -BeLike 'OutboundPS.InvalidRow.Phone*'
        $script:importErrors[0].TargetObject.手机号码 | Should -Be '110'
        $summary = $script:importErrors[5]
        $summary.FullyQualifiedErrorId | Should -BeLike 'OutboundPS.ErrorLimit*'
        $summary.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $summary.Exception.Message | Should -BeLike '*25 rows rejected*'
        $summary.Exception.Message | Should -BeLike "*$script:path*"
    }

    It 'writes 100 errors by default, then the summary, which points to -NotAcceptedPath' {
        $errors = $null
        $null = Get-CustomerRow -Count 300 -BadEvery 2 |
            Import-OutboundCustomer -TaskId (Get-ImportTask 'default limit') -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -HaveCount 101
        $errors[100].Exception.Message | Should -BeLike '*50 rows rejected*-NotAcceptedPath*'
    }

    It 'closes the file, left empty, when no row was piped in' {
        $path = Get-TempCsvPath
        { @() | Import-OutboundCustomer -TaskId (Get-ImportTask 'no rows') -NotAcceptedPath $path -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.InvalidArgument.InputObject*'
        $file = [System.IO.File]::Open($path, 'Open', 'ReadWrite', 'None')
        try { $file.Length | Should -BeLessOrEqual 3 } finally { $file.Dispose() }
    }

    It 'refuses a path it cannot write before sending any row' {
        $task = Get-ImportTask 'bad path'
        $bad = Join-Path (Get-TempCsvPath) 'no-such-folder/x.csv'
        { Get-CustomerRow -Count 3 -BadEvery 2 | Import-OutboundCustomer -TaskId $task -NotAcceptedPath $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.InvalidArgument.NotAcceptedPath*'
        (Get-OutboundTask -Id $task).Total | Should -Be 0
    }
}
