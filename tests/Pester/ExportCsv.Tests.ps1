# Export-Csv writes each property's ToString(): every output type, made by each vendor's in-process sandbox, must give
# a header of its property names and cells of readable text (joined lists, name=value pairs), never a .NET type name.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    function Export-AsCsv {
        <# Exports the objects with Export-Csv as a user would and reads the file back: its header and its rows. #>
        param([Parameter(Mandatory)] [object[]] $InputObject, [Parameter(Mandatory)] [string] $Name)
        $path = Join-Path $TestDrive "$Name.csv"
        $InputObject | Export-Csv -Path $path -Encoding utf8 -NoTypeInformation
        [pscustomobject]@{
            Header = (Get-Content $path -TotalCount 1 -Encoding utf8) -replace '"', '' -split ','
            Rows   = @(Import-Csv -Path $path -Encoding utf8)
            Text   = Get-Content $path -Raw -Encoding utf8
        }
    }

    function Join-Item {
        <# What a list property's cell should read: its items' text joined with '; '. #>
        param([object[]] $Item)
        (@($Item) | ForEach-Object { "$_" }) -join '; '
    }
}

Describe 'Export-Csv of every output type on the <_> sandbox' -ForEach 'ByRobot', 'IFlytek' {
    BeforeAll {
        $vendor = $_
        $script:session = Connect-Outbound -Vendor $vendor -Sandbox -Name "pester-csv-$vendor" -PassThru
        $script:robot = Get-OutboundRobot | Where-Object { $_.Variables -contains '金额' } | Select-Object -First 1
        $script:line = Get-OutboundLine | Select-Object -First 1
        $seats = if ($vendor -eq 'ByRobot') { @{ Concurrency = 20 } } else { @{} }
        $script:task = New-OutboundTask -Name 'Pester CSV' -RobotId $script:robot.Id -Line $script:line.Id `
            -WorkingHours '09:00-12:00', '13:30-20:00' @seats -Confirm:$false
        # A number's last digit fixes whether the sandbox's customer answers (0, 3, 6, 9 do not).
        $customers = @(1, 2, 4, 5 | ForEach-Object { [pscustomobject]@{ 手机号码 = "1390000000$_"; 姓名 = "客户$_"; 金额 = "$(500 + $_)" } }) +
            [pscustomobject]@{ 手机号码 = 'not a phone'; 姓名 = '坏行'; 金额 = '0' }
        $script:import = $customers | Import-OutboundCustomer -TaskId $script:task -PassThru -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $script:task | Start-OutboundTask -Confirm:$false
        $null = Wait-OutboundTask -Id $script:task -Timeout 120
        $script:records = @(Get-OutboundCallRecord -TaskId $script:task -IncludeTranscript)
        # The first customer's call: a number ending in 1 answers.
        $script:answered = $script:records | Where-Object Phone -EQ '13900000001'
        # BYRobot single calls dial from the company's lines and take no -Line.
        $callLine = if ($vendor -eq 'ByRobot') { @{} } else { @{ Line = $script:line.Id } }
        $script:call = Invoke-OutboundCall -Phone 13800138001 -Name '张三' -RobotId $script:robot.Id @callLine -Variable @{ 金额 = '500' } -Confirm:$false
        $script:task = Get-OutboundTask -Id $script:task
        # What the cells read, from the inputs above and the documents: the robots with 金额 are 719 and 5001
        # (about_OutboundPS), whose recordings are the sandbox account's (BYRobot only); two windows make a BYRobot
        # break of the gap between them (docs/vendors/byrobot.md#working-hours-and-break), yeta has no break
        # (docs/vendors/iflytek.md); a call's variables are the row's columns but the phone, and for BYRobot but the
        # name as well (its properties).
        $script:expected = @{
            IFlytek = @{ RobotId = '719'; Variables = '姓名; 金额'; Recordings = ''; BreakHours = ''; CallVariables = '姓名=客户1; 金额=501' }
            ByRobot = @{ RobotId = '5001'; Variables = '客户名称; 金额'; Recordings = '7001=标准女声; 7002=标准男声'; BreakHours = '12:00-13:30'; CallVariables = '金额=501' }
        }[$vendor]
    }
    AfterAll {
        if ($script:task) { Remove-OutboundTask -Id $script:task -Force -ErrorAction SilentlyContinue }
        Disconnect-Outbound -Session $script:session
    }

    It 'OutboundTask: lines and windows read as text' {
        $csv = Export-AsCsv $script:task -Name task
        $csv.Header | Should -Be @('Vendor', 'Id', 'TaskId', 'Name', 'Status', 'VendorStatus', 'RobotId', 'Lines', 'StartTime', 'EndTime',
            'WorkingHours', 'BreakHours', 'Concurrency', 'RecallCount', 'RecallInterval', 'Total', 'Called', 'Connected', 'ConnectRate',
            'Remaining', 'Created', 'Session', 'IsFinished')
        $row = $csv.Rows[0]
        $row.Lines | Should -Be $script:line.Id
        $row.WorkingHours | Should -Be '09:00-12:00; 13:30-20:00'
        $row.BreakHours | Should -BeExactly $script:expected.BreakHours
        $row.Session | Should -Be "pester-csv-$vendor ($vendor, sandbox)"
        $csv.Text | Should -Not -Match 'System\.|\[\]'
    }

    It 'OutboundLine: working hours read as windows' {
        $lines = @(Get-OutboundLine)
        $csv = Export-AsCsv $lines -Name line
        $csv.Header | Should -Be @('Vendor', 'Id', 'Number', 'Name', 'Concurrency', 'WorkingHours', 'InUse', 'Expires', 'LineType')
        $csv.Rows[0].WorkingHours | Should -Be (Join-Item $lines[0].WorkingHours)
        # BYRobot lines report no hours; iFlytek's do.
        foreach ($cell in @($csv.Rows.WorkingHours | Where-Object { $_ })) { $cell | Should -Match '^\d\d:\d\d-\d\d:\d\d(; \d\d:\d\d-\d\d:\d\d)*$' }
        $csv.Text | Should -Not -Match 'System\.|\[\]'
    }

    It 'OutboundRobot: variables and recordings read as text' {
        $csv = Export-AsCsv $script:robot -Name robot
        $csv.Header | Should -Be @('Vendor', 'Id', 'RobotId', 'Name', 'Status', 'SceneId', 'Recordings', 'Variables')
        $csv.Rows[0].Id | Should -Be $script:expected.RobotId
        $csv.Rows[0].Variables | Should -BeExactly $script:expected.Variables
        $csv.Rows[0].Recordings | Should -BeExactly $script:expected.Recordings
        $csv.Text | Should -Not -Match 'System\.|\[\]'
    }

    It 'OutboundSession: the last import reads as its account' {
        $csv = Export-AsCsv (Get-OutboundSession -Name "pester-csv-$vendor") -Name session
        $csv.Header | Should -Be @('Name', 'Vendor', 'BaseUri', 'AppKey', 'CompanyId', 'IsSandbox', 'ConnectedAt', 'LastImport', 'IsConnected')
        $csv.Rows[0].LastImport | Should -Be '5 submitted: 4 accepted, 1 rejected, 0 failed, 0 unknown'
        $csv.Text | Should -Not -Match 'System\.|\[\]'
    }

    It 'OutboundImportResult: the rows read as a count per outcome' {
        $csv = Export-AsCsv $script:import -Name import
        $csv.Header | Should -Be @('Vendor', 'TaskId', 'Submitted', 'Accepted', 'Rejected', 'Failed', 'Unknown', 'Batches', 'Duration', 'Stopped', 'Rows')
        $csv.Rows[0].Rows | Should -Be '5 rows: 4 Accepted, 1 Rejected'
        $csv.Text | Should -Not -Match 'System\.|\[\]'
    }

    It 'OutboundImportRow: the input row reads as its columns' {
        $csv = Export-AsCsv $script:import.Rows -Name rows
        $csv.Header | Should -Be @('RowNumber', 'Phone', 'Name', 'DataId', 'Outcome', 'Error', 'Code', 'Batch', 'InputObject')
        $csv.Rows | Should -HaveCount 5
        $csv.Rows[4].Outcome | Should -Be 'Rejected'
        $csv.Rows[0].InputObject | Should -Be '@{手机号码=13900000001; 姓名=客户1; 金额=501}'
        $csv.Text | Should -Not -Match 'System\.|\[\]'
    }

    It 'OutboundCallResult: reads as written' {
        $csv = Export-AsCsv $script:call -Name call
        $csv.Header | Should -Be @('Vendor', 'Phone', 'Name', 'DataId', 'Accepted', 'Message', 'Code')
        $csv.Rows[0].Phone | Should -Be '13800138001'
        $csv.Rows[0].Accepted | Should -Be 'True'
        $csv.Text | Should -Not -Match 'System\.|\[\]'
    }

    It 'OutboundCallRecord: tags, variables and transcript read as text' {
        $csv = Export-AsCsv $script:records -Name records
        $csv.Header | Should -Be @('Vendor', 'TaskId', 'CallId', 'DataId', 'Phone', 'Region', 'Name', 'Outcome', 'VendorStatus', 'VendorStatusText',
            'Intent', 'IntentLabel', 'Tags', 'Duration', 'Rounds', 'Dialled', 'Answered', 'HungUp', 'Tries', 'RecordingUri', 'Variables', 'Transcript')
        $csv.Rows | Should -HaveCount 4
        $row = @($csv.Rows | Where-Object Phone -EQ '13900000001')
        $row | Should -HaveCount 1
        $row[0].Outcome | Should -Be 'Answered'
        $row[0].Variables | Should -BeExactly $script:expected.CallVariables
        $row[0].Transcript -split "`n" | Should -Be @($script:answered.Transcript | ForEach-Object { "$($_.Speaker): $($_.Text)" })
        $row[0].Transcript | Should -Match '^Robot: '
        $csv.Text | Should -Not -Match 'System\.|\[\]'
        # The sandbox's calls carry one tag at most; a BYRobot callback naming two (docs/vendors/byrobot.md#call_instance_result) shows a list.
        $callback = '{"code":200,"data":{"dataType":"CALL_INSTANCE_RESULT","data":{"sceneInstance":{"callInstanceId":77,"callJobId":9,' +
            '"customerTelephone":"13700000001","finishStatus":0,"duration":35,"startTime":"2019-01-12 16:09:32"},' +
            '"taskResult":[{"resultName":"客户标签","resultValue":"[1,2]","resultLabels":[{"key":1,"value":"有车"},{"key":2,"value":"已婚"}]}],' +
            '"jobFinished":false}},"resultMsg":"成功","errorStackTrace":null}'
        $tagged = Export-AsCsv ($callback | ConvertFrom-OutboundPush) -Name tagged
        $tagged.Rows | Should -HaveCount 1
        $tagged.Rows[0].Tags | Should -BeExactly '有车; 已婚'
    }

    It 'CallUtterance: each turn reads as a row' {
        $csv = Export-AsCsv $script:answered.Transcript -Name transcript
        $csv.Header | Should -Be @('Speaker', 'Text', 'Offset', 'Intent')
        $csv.Rows | Should -HaveCount $script:answered.Transcript.Count
        $csv.Rows[0].Speaker | Should -Be 'Robot'
        $csv.Rows[0].Text | Should -Be $script:answered.Transcript[0].Text
        $csv.Text | Should -Not -Match 'System\.|\[\]'
    }

    It 'the collections are still lists and dictionaries to PowerShell' {
        $script:task.WorkingHours.Count | Should -Be 2
        $script:task.WorkingHours[1].ToString() | Should -Be '13:30-20:00'
        $script:robot.Variables -contains '金额' | Should -BeTrue
        @($script:robot.Variables | ForEach-Object { $_ }).Count | Should -Be $script:robot.Variables.Count
        $script:answered.Variables['金额'] | Should -Be '501'
        $script:answered.Variables.金额 | Should -Be '501'
        $script:answered.Transcript[0].Speaker | Should -Be 'Robot'
    }
}
