# However Import-OutboundCustomer ends (completed, -ErrorAction Stop on a bad row, an error up or down the pipeline,
# Select-Object -First, Ctrl+C, the runspace closing), every row taken is accounted for on the session's LastImport.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force
    $script:session = Connect-Outbound -Vendor IFlytek -Sandbox -Name pester-endings -PassThru
    $script:tasks = [System.Collections.Generic.List[object]]::new()

    function Get-CustomerRow {
        <# $Count valid, distinct rows for robot 720 (it needs 姓名); row $BadRow, if given, has a number no one can dial. #>
        param([int] $Count, [int] $BadRow = 0)
        foreach ($n in 1..$Count) {
            [pscustomobject]@{ 姓名 = "客户$n"; 手机号码 = if ($n -eq $BadRow) { '12345' } else { '138{0:D8}' -f $n } }
        }
    }

    function Get-EndingTask {
        <# A fresh task for one ending, removed in AfterAll. #>
        param([string] $Name)
        $task = New-OutboundTask -Session $script:session -Name "Pester ending: $Name" -RobotId '720' -Line '055169101401' -Confirm:$false
        $script:tasks.Add($task)
        $task
    }

    function Assert-EveryRowAccounted {
        <#
        The session's LastImport is the account of this task's import and loses no row. An import run with -PassThru
        keeps a record of every row it took, whose outcomes add up to the counts; one without keeps none.
        #>
        param([Parameter(Mandatory)] $Task, [long] $Submitted = -1, [switch] $PassThru)
        $last = (Get-OutboundSession -Name pester-endings).LastImport
        $last | Should -Not -BeNullOrEmpty
        $last.TaskId | Should -Be $Task.Id
        ($last.Accepted + $last.Rejected + $last.Failed + $last.Unknown) | Should -Be $last.Submitted
        if ($Submitted -ge 0) { $last.Submitted | Should -Be $Submitted }
        if ($PassThru) {
            $last.Rows | Should -HaveCount $last.Submitted -Because 'with -PassThru every row taken has its record'
            @($last.Rows | Where-Object Outcome -EQ 'Accepted').Count | Should -Be $last.Accepted
            @($last.Rows | Where-Object Outcome -EQ 'Rejected').Count | Should -Be $last.Rejected
        }
        else {
            $last.Rows | Should -HaveCount 0 -Because 'without -PassThru the import keeps no row records'
        }
        $last
    }

    function Invoke-BackgroundImport {
        <#
        Starts, in a second runspace, an import of $Count generated rows through the session of this runspace, whose
        input then waits, as a slow source would; returns once every row is taken and every full batch of 50 (iFlytek's
        fixed size) is stored, so that the last $Count % 50 rows are taken but not sent when the import is cut off.
        The rows are generated there, lazily, so the import streams as a real one does.
        #>
        param([Parameter(Mandatory)] $Task, [Parameter(Mandatory)] [int] $Count)
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $shell = [powershell]::Create()
        $shell.Runspace = $runspace
        $null = $shell.AddScript({ param($Path) Import-Module $Path -ErrorAction Stop }).AddArgument((Get-BuiltModulePath))
        $null = $shell.Invoke()
        $shell.Commands.Clear()
        $taken = [System.Threading.ManualResetEventSlim]::new($false)
        $null = $shell.AddScript({
                param($Session, $TaskId, $Count, $Taken)
                & {
                    1..$Count | ForEach-Object { [pscustomobject]@{ 姓名 = "客户$_"; 手机号码 = '139{0:D8}' -f $_ } }
                    # Each row above was taken downstream before the next was made: all of them are in the import now.
                    $Taken.Set()
                    Start-Sleep -Seconds 600
                } | Import-OutboundCustomer -Session $Session -TaskId $TaskId -PassThru -Confirm:$false
            }).AddArgument($script:session).AddArgument($Task.Id).AddArgument($Count).AddArgument($taken)
        $handle = $shell.BeginInvoke()
        if (-not $taken.Wait([timespan]::FromSeconds(60))) { throw "The import had not taken its $Count rows after 60 s." }
        $full = $Count - $Count % 50
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ((Get-OutboundTask -Id $Task.Id -Session $script:session).Total -lt $full) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "The task did not hold the $full rows of the full batches after 30 s." }
            Start-Sleep -Milliseconds 50
        }
        [pscustomobject]@{ Runspace = $runspace; Shell = $shell; Handle = $handle }
    }
}

AfterAll {
    foreach ($task in $script:tasks) { Remove-OutboundTask -Id $task -Force -ErrorAction SilentlyContinue }
    Disconnect-Outbound -Session $script:session
}

Describe 'Import endings in the host' {
    It 'completes normally: every row accounted for and LastImport set' {
        $task = Get-EndingTask 'normal'
        $result = Get-CustomerRow -Count 120 -BadRow 60 | Import-OutboundCustomer -TaskId $task -PassThru -ErrorAction SilentlyContinue
        $last = Assert-EveryRowAccounted -Task $task -Submitted 120 -PassThru
        [object]::ReferenceEquals($last, $result) | Should -BeTrue
        $last.Accepted | Should -Be 119
        $last.Stopped | Should -BeFalse
    }

    It 'no rows piped in: an error naming InputObject, and LastImport left as it was' {
        $task = Get-EndingTask 'no rows'
        $before = (Get-OutboundSession -Name pester-endings).LastImport
        $before | Should -Not -BeNullOrEmpty
        { @() | Import-OutboundCustomer -TaskId $task -Confirm:$false -ErrorAction Stop } | Should -Throw -ExpectedMessage '*InputObject*'
        [object]::ReferenceEquals((Get-OutboundSession -Name pester-endings).LastImport, $before) | Should -BeTrue
    }

    It '(a) $ErrorActionPreference = ''Stop'' and a bad row at 150 of 300: throws, LastImport counts the 150 rows taken' {
        $task = Get-EndingTask 'ErrorActionPreference Stop'
        $ErrorActionPreference = 'Stop'
        $failure = $null
        try { Get-CustomerRow -Count 300 -BadRow 150 | Import-OutboundCustomer -TaskId $task -PassThru -Confirm:$false }
        catch { $failure = $_ }
        finally { $ErrorActionPreference = 'Continue' }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'OutboundPS.*'
        $last = Assert-EveryRowAccounted -Task $task -Submitted 150 -PassThru
        $last.Rows[149].Outcome | Should -Be 'Rejected'
        $last.Rows[149].Error | Should -Not -BeLike 'Not sent*'
    }

    It '(b) a downstream command that throws: LastImport accounts for every row' {
        $task = Get-EndingTask 'downstream throws'
        { Get-CustomerRow -Count 300 | Import-OutboundCustomer -TaskId $task -Confirm:$false | ForEach-Object { throw 'downstream' } } |
            Should -Throw -ExpectedMessage 'downstream'
        $null = Assert-EveryRowAccounted -Task $task -Submitted 300
    }

    It '(c) Select-Object -First 1 downstream: LastImport accounts for every row' {
        $task = Get-EndingTask 'Select-Object -First 1'
        $first = Get-CustomerRow -Count 300 | Import-OutboundCustomer -TaskId $task -Confirm:$false | Select-Object -First 1
        $first | Should -Not -BeNullOrEmpty
        $null = Assert-EveryRowAccounted -Task $task -Submitted 300
    }

    It '(d) an upstream that throws after 250 rows: LastImport accounts for the 250 rows taken' {
        $task = Get-EndingTask 'upstream throws'
        { & { Get-CustomerRow -Count 250; throw 'upstream' } | Import-OutboundCustomer -TaskId $task -PassThru -Confirm:$false } |
            Should -Throw -ExpectedMessage 'upstream'
        $null = Assert-EveryRowAccounted -Task $task -Submitted 250 -PassThru
    }
}

Describe 'Import endings on a second runspace, the session passed in with -Session' {
    It '(<Letter>) <Ending>: Stopped, every row accounted for, rows not sent Rejected as ''Not sent''' -ForEach @(
        @{ Letter = 'e'; Ending = 'Ctrl+C (PowerShell.Stop) with 1,234 rows taken'; State = 'Stopped'
            Interrupt = { param($Import) $Import.Shell.Stop(); $Import.Shell.InvocationStateInfo.State } }
        @{ Letter = 'f'; Ending = 'the runspace closing with 1,234 rows taken'; State = 'Closed'
            Interrupt = { param($Import) $Import.Runspace.Close(); $Import.Runspace.RunspaceStateInfo.State } }
    ) {
        $task = Get-EndingTask $Ending
        # 24 batches of 50 stored, the last 34 rows taken and still buffered when the import is cut off.
        $count = 1234
        $sent = $count - $count % 50
        $import = Invoke-BackgroundImport -Task $task -Count $count
        try {
            & $Interrupt $import | Should -Be $State
        }
        finally {
            $import.Shell.Dispose()
            $import.Runspace.Dispose()
        }

        # Stopped with every row taken accounted for: the full batches accepted, the buffered rows Rejected as not sent.
        $last = Assert-EveryRowAccounted -Task $task -Submitted $count -PassThru
        $last.Stopped | Should -BeTrue
        $last.Accepted | Should -Be $sent
        $notSent = @($last.Rows | Where-Object Batch -EQ 0)
        $notSent | Should -HaveCount ($count - $sent) -Because 'Ctrl+C sends nothing more: the buffered rows are not sent'
        foreach ($row in $notSent) {
            $row.Outcome | Should -Be 'Rejected'
            $row.Error | Should -BeLike 'Not sent*'
        }
        $last.Rejected | Should -Be $notSent.Count
        $script:session.IsConnected | Should -BeTrue
    }
}
