# The campaign loop in the host, on each vendor's in-process sandbox: import, start, wait, read every customer's call
# record, and pipe the unanswered straight into a recall task as the help's example writes it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force
}

Describe 'Call records on the <_> sandbox' -ForEach 'IFlytek', 'ByRobot' {
    BeforeAll {
        $script:vendor = $_
        $script:session = Connect-Outbound -Vendor $script:vendor -Sandbox -Name "pester-results-$($script:vendor)" -PassThru
        $robot = Get-OutboundRobot | Where-Object { $_.Variables -contains '金额' } | Select-Object -First 1
        $script:robotId = $robot.Id
        $script:lineId = (Get-OutboundLine | Select-Object -First 1).Id
        $seats = if ($script:vendor -eq 'ByRobot') { @{ Concurrency = 20 } } else { @{} }
        $script:task = New-OutboundTask -Name 'Pester results' -RobotId $script:robotId -Line $script:lineId @seats -Confirm:$false
        # A number's last digit fixes whether the sandbox's customer answers (0, 3, 6, 9 do not).
        $script:customers = 0..19 | ForEach-Object { [pscustomobject]@{ 手机号码 = '1390000{0:0000}' -f ($_ * 11); 姓名 = "客户$_"; 金额 = "$(300 + $_)" } }
        $null = $script:customers | Import-OutboundCustomer -TaskId $script:task
        $script:task | Start-OutboundTask -Confirm:$false
        $script:finished = Wait-OutboundTask -Id $script:task -Timeout 120
        $script:records = @(Get-OutboundCallRecord -TaskId $script:task -IncludeTranscript)
    }
    AfterAll {
        foreach ($t in $script:task, $script:recall) { if ($t) { Remove-OutboundTask -Id $t -Force -ErrorAction SilentlyContinue } }
        Disconnect-Outbound -Session $script:session
    }

    It 'the task completes' {
        $script:finished.Status | Should -Be 'Completed'
    }

    It 'gives every customer exactly one OutboundCallRecord' {
        $script:records | Should -HaveCount $script:customers.Count
        $script:records | ForEach-Object { $_.GetType().FullName | Should -Be 'OutboundPS.OutboundCallRecord' }
        ($script:records.Phone | Sort-Object) | Should -Be ($script:customers.手机号码 | Sort-Object)
    }

    It 'reports who answered as the sandbox dialled them' {
        foreach ($record in $script:records) {
            $answers = $record.Phone[-1] -notin '0', '3', '6', '9'
            ($record.Outcome -eq 'Answered') | Should -Be $answers -Because $record.Phone
        }
    }

    It 'gives answered calls an intent level and a transcript, and every record its variables' {
        $answered = $script:records | Where-Object Outcome -EQ 'Answered'
        $answered | ForEach-Object { $_.Intent | Should -Match '^[A-F]$' }
        $answered | ForEach-Object { $_.Transcript.Count | Should -BeGreaterThan 0 }
        $script:records | ForEach-Object { $_.Variables['金额'] | Should -Be ($script:customers | Where-Object 手机号码 -EQ $_.Phone).金额 }
    }

    It 'filters by outcome and pipes the unanswered into a recall task as written, the robot''s variables read as they go' {
        $unanswered = @($script:records | Where-Object Outcome -NE 'Answered')
        $unanswered.Count | Should -BeGreaterThan 0
        $script:recall = New-OutboundTask -Name 'Pester recall' -RobotId $script:robotId -Line $script:lineId -Confirm:$false
        $outcomes = $unanswered.Outcome | Sort-Object -Unique
        # The README's line: no -IncludeTranscript, although the robot (719 / 5001) needs 金额 and BYRobot's list has no variables.
        $result = Get-OutboundCallRecord -TaskId $script:task -Outcome $outcomes |
            Import-OutboundCustomer -TaskId $script:recall.Id -PassThru -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        $result.Accepted | Should -Be $unanswered.Count
        $result.Submitted | Should -Be $unanswered.Count
        # Each recalled customer goes in with the amount it was first imported with.
        foreach ($row in $result.Rows) {
            $row.InputObject.Variables['金额'] | Should -Be ($script:customers | Where-Object 手机号码 -EQ $row.Phone).金额
        }
    }

    It 'renders as a table within 120 columns' {
        # Laid out far wider than the target, so that a view wider than 120 columns shows rather than being cut to fit.
        $lines = @($script:records | Format-Table | Out-String -Width 500 -Stream | Where-Object { $_.Trim() })
        $lines | Should -HaveCount ($script:customers.Count + 2) -Because 'a header, its dashes and one line per record'
        foreach ($line in $lines) {
            Measure-DisplayWidth $line.TrimEnd() | Should -BeLessOrEqual 120 -Because "this line is too wide: '$line'"
        }
    }
}

Describe 'Get-OutboundCallRecord where results come only by push' {
    It 'asking iFlytek for a list it does not keep ends with NotImplemented, naming the push cmdlets' {
        $session = Connect-Outbound -Vendor IFlytek -Sandbox -Name 'pester-results-pending' -PassThru
        try {
            $task = New-OutboundTask -Name 'Pester pending' -RobotId 720 -Line (Get-OutboundLine | Select-Object -First 1).Id -Confirm:$false
            $failure = { Get-OutboundCallRecord -TaskId $task -Pending } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'OutboundPS.IFlytek.NotImplemented*'
            $failure.Exception.Message + $failure.ErrorDetails.RecommendedAction | Should -Match 'Receive-OutboundPush'
            $failure.ErrorDetails.RecommendedAction | Should -Match 'ConvertFrom-OutboundPush'
        }
        finally {
            if ($task) { Remove-OutboundTask -Id $task -Force -ErrorAction SilentlyContinue }
            Disconnect-Outbound -Session $session
        }
    }
}
