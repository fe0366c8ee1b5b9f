# Receive-OutboundPush in a real pwsh: the listener runs in a second runspace while this one posts pushes to it over loopback.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    function Wait-Receiver([Parameter(Mandatory)] $Receiver, [int] $Seconds = 30) {
        <#
        The records of a receiver from Invoke-ReceiverRunspace once it has ended by itself. If it is still running after
        $Seconds, it is stopped and the test fails, rather than waiting for ever on a receiver that does not end.
        #>
        if (-not $Receiver.Handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($Seconds))) {
            $null = $Receiver.Shell.BeginStop($null, $null).AsyncWaitHandle.WaitOne([timespan]::FromSeconds(10))
            throw "Receive-OutboundPush had not ended $Seconds s after it started."
        }
        $Receiver.Clock.Stop()
        $Receiver.Shell.EndInvoke($Receiver.Handle)
    }

    function Wait-Listening([int] $Port) {
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (Test-TcpPort -Port $Port)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Nothing listens on $Port after 30 s." }
            Start-Sleep -Milliseconds 50
        }
    }
}

Describe 'Receive-OutboundPush' {
    It 'answers each push with exactly "success", writes a record for each and stores each as one line' {
        $port = Get-FreeTcpPort
        $path = Join-Path $TestDrive 'pushes.jsonl'
        $receiver = Invoke-ReceiverRunspace @{ Prefix = "http://127.0.0.1:$port/callback/"; Path = $path; Count = 2; Timeout = [timespan]'00:01:00' }
        try {
            Wait-Listening $port
            $uri = "http://127.0.0.1:$port/callback/"
            $first = Invoke-WebRequest -Uri $uri -Method Post -Body (Get-ByRobotCallBody 101) -ContentType 'application/json;charset=utf-8'
            $again = Invoke-WebRequest -Uri $uri -Method Post -Body (Get-ByRobotCallBody 101) -ContentType 'application/json;charset=utf-8'
            $second = Invoke-WebRequest -Uri $uri -Method Post -Body (Get-ByRobotCallBody 102) -ContentType 'text/plain;charset=utf-8'
            $records = @(Wait-Receiver $receiver)
        }
        finally {
            $receiver.Shell.Dispose()
        }

        $first.Content, $again.Content, $second.Content | Should -BeExactly 'success', 'success', 'success'
        $records | Should -HaveCount 2
        $records.ForEach({ $_.GetType().FullName }) | Should -Be 'OutboundPS.OutboundCallRecord', 'OutboundPS.OutboundCallRecord'
        $records.CallId | Should -Be '101', '102'
        $records[0].Intent | Should -Be 'C'
        $lines = @(Get-Content -LiteralPath $path)
        $lines | Should -HaveCount 2
        ($lines[1] | ConvertFrom-Json).data.data.sceneInstance.callInstanceId | Should -Be 102
        $verbose = $receiver.Shell.Streams.Verbose.Message -join "`n"
        $verbose | Should -Match 'delivered again'
        $verbose | Should -Not -Match 'PESTER-SIGN-VALUE'
        $receiver.Shell.Streams.Error | Should -BeNullOrEmpty
    }

    It 'refuses a body that is no push with 400 and a warning, and stops at -Timeout' {
        $port = Get-FreeTcpPort
        $receiver = Invoke-ReceiverRunspace @{ Prefix = "http://127.0.0.1:$port/"; Timeout = [timespan]'00:00:03' }
        try {
            Wait-Listening $port
            $status = try {
                Invoke-WebRequest -Uri "http://127.0.0.1:$port/" -Method Post -Body 'sign=abc&x=1' -ContentType 'application/x-www-form-urlencoded' | Out-Null
                200
            }
            catch {
                [int] $_.Exception.Response.StatusCode
            }
            # -Timeout 3 s: it ends by itself, not before the 3 s, and long before 30 s.
            $records = @(Wait-Receiver $receiver -Seconds 30)
        }
        finally {
            $receiver.Shell.Dispose()
        }

        $status | Should -Be 400
        $receiver.Shell.InvocationStateInfo.State | Should -Be 'Completed'
        $receiver.Clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 3 -Because 'it listens for the whole -Timeout'
        $records | Should -HaveCount 0
        $receiver.Shell.Streams.Warning.Message | Should -Match 'Not a push'
        $receiver.Shell.Streams.Warning.Message | Should -Not -Match 'abc'
    }

    It 'stops on Ctrl+C (the pipeline stopped), closes the listener and keeps what it stored' {
        $port = Get-FreeTcpPort
        $path = Join-Path $TestDrive 'stopped.jsonl'
        $receiver = Invoke-ReceiverRunspace @{ Prefix = "http://127.0.0.1:$port/"; Path = $path }
        try {
            Wait-Listening $port
            $reply = Invoke-WebRequest -Uri "http://127.0.0.1:$port/" -Method Post -Body (Get-ByRobotCallBody 7) -ContentType 'application/json;charset=utf-8'
            $receiver.Shell.Stop()
            $state = $receiver.Shell.InvocationStateInfo.State
        }
        finally {
            $receiver.Shell.Dispose()
        }

        $reply.Content | Should -BeExactly 'success'
        $state | Should -Be 'Stopped'
        Test-TcpPort -Port $port | Should -BeFalse
        @(Get-Content -LiteralPath $path) | Should -HaveCount 1
    }

    It 'reads a bare number given to -Timeout as the mistake it is' {
        { Receive-OutboundPush -Prefix 'http://127.0.0.1:1/' -Timeout 30 -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.InvalidArgument.Timeout,OutboundPS.Commands.ReceiveOutboundPushCommand'
    }
}

Describe 'The <Vendor> sandbox host pushes a task''s calls to Receive-OutboundPush' -ForEach @(
    @{ Vendor = 'IFlytek'; HostName = 'iflytek'; RobotId = '720'; Line = '055169101401'; Seats = @{} }
    @{ Vendor = 'ByRobot'; HostName = 'byrobot'; RobotId = '5002'; Line = '101'; Seats = @{ Concurrency = 10 } }
) {
    BeforeAll {
        $receiverPort = Get-FreeTcpPort
        $script:path = Join-Path $TestDrive "pushes-$Vendor.jsonl"
        $script:sandbox = Open-SandboxHost -Vendor $HostName -HostArgument '--push-uri', "http://127.0.0.1:$receiverPort/"
        $script:receiver = Invoke-ReceiverRunspace @{ Prefix = "http://127.0.0.1:$receiverPort/"; Path = $script:path; Timeout = [timespan]'00:00:45' }
        Wait-Listening $receiverPort
        $secret = [System.Security.SecureString]::new()
        foreach ($character in 'sandbox-app-secret'.ToCharArray()) { $secret.AppendChar($character) }
        $script:session = Connect-Outbound -Vendor $Vendor -BaseUri "http://127.0.0.1:$($script:sandbox.Port)/" -AppKey sandbox-app-key -AppSecret $secret -PassThru
        $task = New-OutboundTask -Name 'Pester push' -RobotId $RobotId -Line $Line @Seats -Confirm:$false
        $script:phones = 0..9 | ForEach-Object { '1390000{0:0000}' -f ($_ * 13) }
        $null = $script:phones | ForEach-Object { [pscustomobject]@{ Phone = $_; Name = "客户$_" } } | Import-OutboundCustomer -TaskId $task
        $task | Start-OutboundTask -Confirm:$false
        $null = $task | Wait-OutboundTask -PollInterval 1 -Timeout 120
        # The host pushes each call as a request moves its clock on; one more read lets the last ones out.
        Start-Sleep -Seconds 2
        $null = Get-OutboundTask -Id $task
        $script:receiver.Shell.Stop()
    }
    AfterAll {
        if ($script:session) { Disconnect-Outbound -Session $script:session }
        $script:receiver.Shell.Dispose()
        Close-SandboxHost $script:sandbox
    }

    It 'stores every call the sandbox dialled, each push once' {
        $lines = @(Get-Content -LiteralPath $script:path)
        $pushes = $lines | ConvertFrom-OutboundPush | Where-Object { $_.GetType().Name -eq 'OutboundCallRecord' }
        ($pushes.Phone | Sort-Object -Unique) | Should -Be ($script:phones | Sort-Object)
        ($pushes.CallId | Sort-Object -Unique).Count | Should -Be $script:phones.Count
        ($lines | Sort-Object -Unique).Count | Should -Be $lines.Count
    }
}
