# The README quick start against each vendor's in-process sandbox: connect, pick the robot, import a CSV with Chinese
# headers accounting for every row, start through the pipeline, wait to Completed.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:sampleCsv = Join-Path $PSScriptRoot '../../docs/examples/customers.zh-CN.csv'
}

Describe 'Quick start on the <_> sandbox' -ForEach 'IFlytek', 'ByRobot' {
    BeforeAll {
        $script:vendor = $_
        $script:session = Connect-Outbound -Vendor $script:vendor -Sandbox -Name "pester-quickstart-$($script:vendor)" -PassThru
        $script:robot = Get-OutboundRobot | Where-Object { $_.Variables -contains '金额' } | Select-Object -First 1
        $script:line = Get-OutboundLine | Select-Object -First 1
        $script:task = New-OutboundTask -Name 'Pester quick start' -RobotId $script:robot.Id -Line $script:line.Id -Confirm:$false

        # UTF-8 with a BOM and Chinese headers, as Excel saves them: four good rows, a foreign number, a repeated phone.
        $script:csv = Join-Path ([System.IO.Path]::GetTempPath()) "outboundps-quickstart-$($script:vendor)-$PID.csv"
        $script:good = 4
        $script:badRow = 5
        $csvLines = @(
            '客户姓名,手机号码,金额'
            '张三,138 0013 8000,1200'
            '李四,+86 139-0013-9001,880'
            '王五,13700137002,560'
            '赵六,13600136003,300'
            '钱七,+1 312 555 0123,450'
            '孙八,13700137002,99'
        )
        [System.IO.File]::WriteAllLines($script:csv, [string[]]$csvLines, [System.Text.UTF8Encoding]::new($true))
        $script:rowCount = $csvLines.Count - 1
        $script:result = Import-Csv $script:csv |
            Import-OutboundCustomer -TaskId $script:task -PassThru -ErrorVariable importErrors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $script:importErrors = $importErrors
    }
    AfterAll {
        if ($script:task) { Remove-OutboundTask -Id $script:task -Force -ErrorAction SilentlyContinue }
        Disconnect-Outbound -Session $script:session
        Remove-Item -LiteralPath $script:csv -ErrorAction SilentlyContinue
    }

    It 'connects with -Sandbox and -Name as the default session' {
        $session = Get-OutboundSession -Name "pester-quickstart-$($script:vendor)"
        $session.Vendor | Should -Be $script:vendor
        $session.IsSandbox | Should -BeTrue
        (Get-OutboundSession | Select-Object -Last 1).Name | Should -Be $session.Name
    }

    It 'offers a robot whose Variables include 金额 (<_>: 719 / 5001)' {
        $script:robot.Id | Should -Be $(if ($script:vendor -eq 'IFlytek') { '719' } else { '5001' })
    }

    It 'the CSV is UTF-8 with a byte-order mark' {
        [byte[]]$head = [System.IO.File]::ReadAllBytes($script:csv)[0..2]
        $head | Should -Be @(0xEF, 0xBB, 0xBF)
    }

    It 'accounts for every row: Submitted = rows = Accepted + Rejected + Failed + Unknown' {
        $r = $script:result
        $r.Submitted | Should -Be $script:rowCount
        ($r.Accepted + $r.Rejected + $r.Failed + $r.Unknown) | Should -Be $r.Submitted
        $r.Rows | Should -HaveCount $script:rowCount
    }

    It 'accepts the good rows and rejects the bad phone and the duplicate' {
        $script:result.Accepted | Should -Be $script:good
        $script:result.Rejected | Should -Be 2
        $script:result.Failed | Should -Be 0
        $script:result.Unknown | Should -Be 0
    }

    It 'rejects the repeated phone with Error ''Duplicate''' {
        $duplicate = $script:result.Rows | Where-Object RowNumber -EQ $script:rowCount
        $duplicate.Outcome | Should -Be 'Rejected'
        $duplicate.Error | Should -Be 'Duplicate'
    }

    It 'writes exactly one error, for the bad phone, targeting that CSV row''s object' {
        $script:importErrors | Should -HaveCount 1
        $failure = $script:importErrors[0]
        $failure.FullyQualifiedErrorId | Should -BeLike 'OutboundPS.*'
        $csvRow = @(Import-Csv $script:csv)[$script:badRow - 1]
        $csvRow.'手机号码' | Should -Be '+1 312 555 0123'
        foreach ($column in $csvRow.PSObject.Properties.Name) {
            $failure.TargetObject.$column | Should -Be $csvRow.$column -Because "column $column of the bad CSV row"
        }
        @($failure.TargetObject.PSObject.Properties).Count | Should -Be @($csvRow.PSObject.Properties).Count
        $badRecord = $script:result.Rows | Where-Object RowNumber -EQ $script:badRow
        $badRecord.Outcome | Should -Be 'Rejected'
        [object]::ReferenceEquals($failure.TargetObject, $badRecord.InputObject) | Should -BeTrue
    }

    It 'starts through the pipeline (Get-OutboundTask -Id | Start-OutboundTask)' {
        Get-OutboundTask -Id $script:task.Id | Start-OutboundTask -Confirm:$false
        (Get-OutboundTask -Id $script:task.Id).Status | Should -Not -Be 'New'
    }

    It 'waits to Completed, having called every accepted customer' {
        $done = $script:task | Wait-OutboundTask -PollInterval 1 -Timeout 120
        $done.Status | Should -Be 'Completed'
        $done.Called | Should -Be $script:result.Accepted
        (Get-OutboundTask -Id $script:task.Id).Called | Should -Be $script:result.Accepted
    }
}

Describe 'The README sample CSV on the <_> sandbox' -ForEach 'IFlytek', 'ByRobot' {
    BeforeAll {
        $script:vendor = $_
        $script:session = Connect-Outbound -Vendor $_ -Sandbox -Name "pester-sample-$_" -PassThru
        $robot = Get-OutboundRobot | Where-Object { $_.Variables -contains '金额' } | Select-Object -First 1
        $line = Get-OutboundLine | Select-Object -First 1
        $script:task = New-OutboundTask -Name 'Pester sample CSV' -RobotId $robot.Id -Line $line.Id -Confirm:$false
    }
    AfterAll {
        Remove-OutboundTask -Id $script:task -Force -ErrorAction SilentlyContinue
        Disconnect-Outbound -Session $script:session
    }

    It 'imports docs/examples/customers.zh-CN.csv (BOM, Chinese headers) with every row accepted' {
        $result = Import-Csv $script:sampleCsv | Import-OutboundCustomer -TaskId $script:task -PassThru
        $result.Submitted | Should -Be 3
        $result.Accepted | Should -Be 3
        $result.Rows.Outcome | Should -Not -Contain 'Failed'
    }

    It 'removes the task with -Force, and -WhatIf leaves it in place' {
        Remove-OutboundTask -Id $script:task -WhatIf
        Get-OutboundTask -Id $script:task.Id | Should -Not -BeNullOrEmpty
        Remove-OutboundTask -Id $script:task -Force
        $found = Get-OutboundTask -Id $script:task.Id -ErrorVariable failures -ErrorAction SilentlyContinue
        if ($script:vendor -eq 'IFlytek') {
            # yeta keeps a deleted task, flagged deleted = 1: it reads as Deleted (docs/vendors/iflytek.md#taskdelete).
            $failures | Should -BeNullOrEmpty
            $found | Should -HaveCount 1
            $found.Status | Should -Be 'Deleted'
        }
        else {
            # BYRobot forgets it: reading it by id is a 404, TaskNotFound (docs/vendors/byrobot.md#taskgettaskdetail).
            $found | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -BeExactly 'OutboundPS.ByRobot.TaskNotFound,OutboundPS.Commands.GetOutboundTaskCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }
}

Describe 'Starting tasks from objects on the <_> sandbox' -ForEach 'IFlytek', 'ByRobot' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor $_ -Sandbox -Name "pester-start-$_" -PassThru
        $robot = Get-OutboundRobot | Where-Object { $_.Variables -notcontains '金额' } | Select-Object -First 1
        $line = Get-OutboundLine | Select-Object -First 1
        $script:listName = "Pester list $([guid]::NewGuid().ToString('n').Substring(0, 8))"
        $script:tasks = foreach ($n in 1..2) {
            New-OutboundTask -Name $script:listName -RobotId $robot.Id -Line $line.Id -Confirm:$false
        }
        $script:single = New-OutboundTask -Name 'Pester single' -RobotId $robot.Id -Line $line.Id -Confirm:$false
        foreach ($task in @($script:tasks) + $script:single) {
            $null = @{ Name = '张三'; Phone = '13800138000' } | Import-OutboundCustomer -TaskId $task -Confirm:$false
        }
    }
    AfterAll {
        foreach ($task in @($script:tasks) + $script:single) { Remove-OutboundTask -Id $task -Force -ErrorAction SilentlyContinue }
        Disconnect-Outbound -Session $script:session
    }

    It 'Get-OutboundTask | Start-OutboundTask starts the tasks of the list' {
        $listed = Get-OutboundTask -Name $script:listName
        $listed | Should -HaveCount 2
        $listed | Start-OutboundTask -Confirm:$false -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        foreach ($task in $script:tasks) { (Get-OutboundTask -Id $task.Id).Status | Should -Not -Be 'New' }
    }

    It 'Start-OutboundTask $task starts a task given as an object' {
        Start-OutboundTask $script:single -Confirm:$false -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        (Get-OutboundTask -Id $script:single.Id).Status | Should -Not -Be 'New'
    }
}

Describe 'Operations iFlytek lacks' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor IFlytek -Sandbox -Name pester-lacks -PassThru
        $script:task = New-OutboundTask -Session $script:session -Name 'lacks' -RobotId '720' -Line '055169101401' -Confirm:$false
    }
    AfterAll {
        Remove-OutboundTask -Id $script:task -Force -ErrorAction SilentlyContinue
        Disconnect-Outbound -Name pester-lacks
    }

    It 'Stop-OutboundTask is NotImplemented and names the alternatives' {
        { Stop-OutboundTask -Session $script:session -Id $script:task.Id -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.IFlytek.NotImplemented*' -ExpectedMessage '*Suspend-OutboundTask*'
    }

    It 'Set-OutboundTask is NotImplemented' {
        { Set-OutboundTask -Session $script:session -Id $script:task.Id -Name x -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.IFlytek.NotImplemented*'
    }
}
