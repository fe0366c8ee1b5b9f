# Who may push to Receive-OutboundPush, where, and what idle or killed connections cost, in a real pwsh. Every socket is
# on loopback: Linux routes all of 127.0.0.0/8 there, so a client bound to 127.0.0.2 is another peer than 127.0.0.1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    function Wait-Listening([int] $Port) {
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (Test-TcpPort -Port $Port)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Nothing listens on $Port after 30 s." }
            Start-Sleep -Milliseconds 50
        }
    }

    function Wait-PushAddress($Receiver) {
        <# The line the receiver writes at the start, telling the push address; throws after 30 s without one. #>
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ($true) {
            $record = @($Receiver.Shell.Streams.Information | Where-Object Tags -Contains 'OutboundPS.PushAddress')
            if ($record) { return $record[0] }
            if ($Receiver.Handle.IsCompleted) { throw "The receiver ended without an address: $($Receiver.Shell.Streams.Error)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw 'No push address was written within 30 s.' }
            Start-Sleep -Milliseconds 50
        }
    }

    function Send-RawPush([string] $From, [int] $Port, [string] $Path, [string] $Body) {
        <# One POST from a socket bound to $From, read to the end (Connection: close); returns its status and body. #>
        $client = [System.Net.Sockets.TcpClient]::new([System.Net.IPEndPoint]::new([ipaddress]::Parse($From), 0))
        try {
            $client.ReceiveTimeout = 10000
            $client.Connect([ipaddress]::Loopback, $Port)
            $content = [System.Text.Encoding]::UTF8.GetBytes($Body)
            $head = [System.Text.Encoding]::ASCII.GetBytes("POST $Path HTTP/1.1`r`nHost: 127.0.0.1:$Port`r`n" +
                "Content-Type: application/json;charset=utf-8`r`nContent-Length: $($content.Length)`r`nConnection: close`r`n`r`n")
            $stream = $client.GetStream()
            $stream.Write($head, 0, $head.Length)
            $stream.Write($content, 0, $content.Length)
            $reply = [System.IO.StreamReader]::new($stream).ReadToEnd()
            [pscustomobject]@{ Status = [int]($reply -split ' ')[1]; Body = ($reply -split "`r`n`r`n", 2)[1] }
        }
        finally {
            $client.Dispose()
        }
    }

    function Get-StreamText($Shell) {
        <# Everything a runspace wrote besides its output, one string. #>
        @($Shell.Streams.Verbose.Message) + @($Shell.Streams.Warning.Message) + @($Shell.Streams.Error | ForEach-Object { "$_" }) +
        @($Shell.Streams.Information | ForEach-Object { "$($_.MessageData)" }) -join "`n"
    }

    function Test-ClosedByPeer([System.Net.Sockets.TcpClient] $Client) {
        <# True when the other end closed the connection: readable with nothing to read, or reset. #>
        try {
            $Client.Client.Poll(0, [System.Net.Sockets.SelectMode]::SelectRead) -and
                $Client.Client.Receive([byte[]]::new(1), [System.Net.Sockets.SocketFlags]::Peek) -eq 0
        }
        catch [System.Net.Sockets.SocketException] {
            $true
        }
    }

    # A path only the test knows, in the form -Port makes (26 of a-z, 2-7).
    $script:token = 'pestertoken234567abcdefghi'
}

Describe 'Receive-OutboundPush -AllowedAddress' {
    It 'answers a push from a peer outside -AllowedAddress with 403; it is neither stored, nor written, nor shown, and it is counted' {
        $port = Get-FreeTcpPort
        $path = Join-Path $TestDrive 'allowed.jsonl'
        $receiver = Invoke-ReceiverRunspace @{
            Prefix = "http://127.0.0.1:$port/$script:token/"; AllowedAddress = '127.0.0.1'; Path = $path; Count = 1; Timeout = [timespan]'00:01:00'
        }
        try {
            Wait-Listening $port
            $stranger = Send-RawPush -From 127.0.0.2 -Port $port -Path "/$script:token/" -Body (Get-ByRobotCallBody 960000601)
            $allowed = Send-RawPush -From 127.0.0.1 -Port $port -Path "/$script:token/" -Body (Get-ByRobotCallBody 960000602)
            $records = @($receiver.Shell.EndInvoke($receiver.Handle))
        }
        finally {
            $receiver.Shell.Dispose()
        }

        $stranger.Status | Should -Be 403
        $stranger.Body | Should -Not -Match 'success'
        $allowed.Status, $allowed.Body | Should -Be 200, 'success'
        $records.CallId | Should -Be '960000602'
        $lines = @(Get-Content -LiteralPath $path)
        $lines | Should -HaveCount 1
        $lines[0] | Should -Not -Match '960000601'
        $streams = Get-StreamText $receiver.Shell
        $streams | Should -Not -Match '960000601'
        $streams | Should -Not -Match 'PESTER-SIGN-VALUE'
        # The first refusal names the address and the parameter that would admit it; the closing line counts it.
        $receiver.Shell.Streams.Warning.Message | Should -Match ([regex]::Escape('-AllowedAddress 127.0.0.2'))
        $receiver.Shell.Streams.Verbose.Message[-1] | Should -Match '\b1 from addresses not allowed \(403\)'
        $receiver.Shell.Streams.Error | Should -BeNullOrEmpty
    }

    It 'refuses this machine when -AllowedAddress names only other addresses' {
        $port = Get-FreeTcpPort
        $receiver = Invoke-ReceiverRunspace @{ Prefix = "http://127.0.0.1:$port/$script:token/"; AllowedAddress = '10.1.2.3', '192.168.0.0/16'; Timeout = [timespan]'00:00:02' }
        try {
            Wait-Listening $port
            $reply = Send-RawPush -From 127.0.0.1 -Port $port -Path "/$script:token/" -Body (Get-ByRobotCallBody 960000603)
            $records = @($receiver.Shell.EndInvoke($receiver.Handle))
        }
        finally {
            $receiver.Shell.Dispose()
        }

        $reply.Status | Should -Be 403
        $records | Should -HaveCount 0
        Get-StreamText $receiver.Shell | Should -Not -Match '960000603'
    }

    It 'refuses a value that is no address, range or shorthand before listening, naming the parameter, the value and the fix' {
        $port = Get-FreeTcpPort
        $failure = { Receive-OutboundPush -Prefix "http://127.0.0.1:$port/" -AllowedAddress 'ByRobot', '10.1' -Timeout '00:00:30' -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.InvalidArgument.AllowedAddress,OutboundPS.Commands.ReceiveOutboundPushCommand' -PassThru
        $failure.Exception.Message | Should -Match ([regex]::Escape("-AllowedAddress '10.1'"))
        $failure.Exception.Message | Should -Match 'CIDR'
        $failure.Exception.Message | Should -Match 'ByRobot'
        Test-TcpPort -Port $port | Should -BeFalse
    }
}

Describe 'Receive-OutboundPush -Port' {
    It 'listens under a random path token it writes at the start, admits this machine, warns once how to admit the vendor, and answers 404 without the token' {
        $port = Get-FreeTcpPort
        $path = Join-Path $TestDrive 'port.jsonl'
        $receiver = Invoke-ReceiverRunspace @{ Port = $port; Path = $path; Count = 1; Timeout = [timespan]'00:01:00' }
        try {
            $address = Wait-PushAddress $receiver
            $url = [regex]::Match("$($address.MessageData)", 'http://\S+/').Value
            $token = ([uri]$url).AbsolutePath.Trim('/')
            $root = Send-RawPush -From 127.0.0.1 -Port $port -Path '/' -Body (Get-ByRobotCallBody 960000701)
            $near = Send-RawPush -From 127.0.0.1 -Port $port -Path "/$($token.Substring(1))/" -Body (Get-ByRobotCallBody 960000702)
            $pushed = Send-RawPush -From 127.0.0.2 -Port $port -Path "/$token/" -Body (Get-ByRobotCallBody 960000703)
            $records = @($receiver.Shell.EndInvoke($receiver.Handle))
        }
        finally {
            $receiver.Shell.Dispose()
        }

        $token | Should -MatchExactly '^[a-z2-7]{26}$'
        ([uri]$url).Port | Should -Be $port
        # -Port listens on every address: the host shown is this machine's name, for the user to replace (the help says so).
        ([uri]$url).Host | Should -Be ([System.Net.Dns]::GetHostName())
        $address.Tags | Should -Contain 'OutboundPS'
        $root.Status, $near.Status | Should -Be 404, 404
        $pushed.Status, $pushed.Body | Should -Be 200, 'success'
        $records.CallId | Should -Be '960000703'
        @(Get-Content -LiteralPath $path) | Should -HaveCount 1
        @($receiver.Shell.Streams.Warning.Message | Where-Object { $_ -match [regex]::Escape('-AllowedAddress ByRobot') }) | Should -HaveCount 1
        # The address is told once, at the start: no other message shows the token.
        @($receiver.Shell.Streams.Verbose.Message | Select-Object -Skip 1) + @($receiver.Shell.Streams.Warning.Message) -join "`n" |
            Should -Not -Match $token
        $receiver.Shell.Streams.Error | Should -BeNullOrEmpty
    }

    It 'makes a new token on every run' {
        $tokens = foreach ($run in 1, 2) {
            $receiver = Invoke-ReceiverRunspace @{ Port = (Get-FreeTcpPort); Timeout = [timespan]'00:00:01' }
            try {
                $url = [regex]::Match("$((Wait-PushAddress $receiver).MessageData)", 'http://\S+/').Value
                $null = $receiver.Shell.EndInvoke($receiver.Handle)
                ([uri]$url).AbsolutePath
            }
            finally {
                $receiver.Shell.Dispose()
            }
        }
        $tokens | Should -HaveCount 2
        $tokens[0] | Should -Not -Be $tokens[1]
    }
}

Describe 'Receive-OutboundPush beside idle and slow connections' {
    It '200 idle connections and slow senders delay no stored push past 2 s, and are cut off after the bound' {
        $port = Get-FreeTcpPort
        $path = Join-Path $TestDrive 'idle.jsonl'
        $receiver = Invoke-ReceiverRunspace @{ Prefix = "http://127.0.0.1:$port/$script:token/"; Path = $path; Timeout = [timespan]'00:02:00' }
        $held = [System.Collections.Generic.List[System.Net.Sockets.TcpClient]]::new()
        $http = [System.Net.Http.HttpClient]::new()
        try {
            Wait-Listening $port
            $opened = [System.Diagnostics.Stopwatch]::StartNew()
            foreach ($i in 1..200) {
                $client = [System.Net.Sockets.TcpClient]::new()
                $client.Connect([ipaddress]::Loopback, $port)
                $held.Add($client)
            }
            # Heads begun and never ended, and bodies promised and never sent.
            $slow = @("POST /$script:token/ HTTP/1.1`r`nHost: x`r`nContent-Le") * 5 +
                @("POST /$script:token/ HTTP/1.1`r`nHost: x`r`nContent-Length: 2000`r`n`r`n{`"code`":") * 70
            foreach ($start in $slow) {
                $client = [System.Net.Sockets.TcpClient]::new()
                $client.Connect([ipaddress]::Loopback, $port)
                $bytes = [System.Text.Encoding]::ASCII.GetBytes($start)
                $client.GetStream().Write($bytes, 0, $bytes.Length)
                $held.Add($client)
            }

            # 300 pushes, 20 in flight at a time: a batch done within 2 s had each of its pushes acknowledged within 2 s.
            $slowestBatch = [timespan]::Zero
            $replies = foreach ($batch in 0..14) {
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                $posts = foreach ($i in 0..19) {
                    $http.PostAsync("http://127.0.0.1:$port/$script:token/", [System.Net.Http.StringContent]::new((Get-ByRobotCallBody (961000000 + $batch * 20 + $i))))
                }
                if (-not [System.Threading.Tasks.Task]::WaitAll([System.Threading.Tasks.Task[]]$posts, 30000)) { throw 'Pushes were not answered within 30 s.' }
                if ($clock.Elapsed -gt $slowestBatch) { $slowestBatch = $clock.Elapsed }
                foreach ($post in $posts) { $post.Result.Content.ReadAsStringAsync().GetAwaiter().GetResult() }
            }
            $pushedWithin = $opened.Elapsed
            $openDuringPushes = @($held | Where-Object { -not (Test-ClosedByPeer $_) }).Count

            # The bound is 10 s (Receive-OutboundPush's help): every held connection is closed a little after it.
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (@($held | Where-Object { -not (Test-ClosedByPeer $_) }).Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
            $openAfter = @($held | Where-Object { -not (Test-ClosedByPeer $_) }).Count
            $cutAfter = $opened.Elapsed
            $receiver.Shell.Stop()
        }
        finally {
            foreach ($client in $held) { $client.Dispose() }
            $http.Dispose()
            $receiver.Shell.Dispose()
        }

        @($replies | Where-Object { $_ -ceq 'success' }) | Should -HaveCount 300
        $slowestBatch | Should -BeLessThan ([timespan]'00:00:02')
        $pushedWithin | Should -BeLessThan ([timespan]'00:00:10') -Because 'the held connections are still open while the pushes go through'
        $openDuringPushes | Should -Be 275
        $openAfter | Should -Be 0
        $cutAfter | Should -BeGreaterThan ([timespan]'00:00:10')
        $lines = @(Get-Content -LiteralPath $path)
        $lines | Should -HaveCount 300
        ($lines | ForEach-Object { ($_ | ConvertFrom-Json).data.data.sceneInstance.callInstanceId } | Sort-Object -Unique) |
            Should -Be (0..299 | ForEach-Object { 961000000 + $_ })
    }
}

Describe 'Receive-OutboundPush killed mid-stream' {
    It 'has every push it acknowledged in its file' {
        $port = Get-FreeTcpPort
        $path = Join-Path $TestDrive 'killed.jsonl'
        $start = [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')))
        $script = "Import-Module '$(Get-BuiltModulePath)'; Receive-OutboundPush -Prefix 'http://127.0.0.1:$port/$script:token/' -Path '$path'"
        foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $script) { $start.ArgumentList.Add($argument) }
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($start)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $http = [System.Net.Http.HttpClient]::new()
        $http.Timeout = [timespan]'00:00:30'
        $acknowledged = [System.Collections.Generic.List[long]]::new()
        try {
            Wait-Listening $port
            # Sixteen pushes always in flight; the process is killed while they are, once 400 were acknowledged.
            $next = 962000000
            $inFlight = [System.Collections.Generic.List[object]]::new()
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ($acknowledged.Count -lt 400) {
                if ([DateTime]::UtcNow -gt $deadline) { throw "Only $($acknowledged.Count) pushes were acknowledged in 60 s." }
                while ($inFlight.Count -lt 16) {
                    $inFlight.Add([pscustomobject]@{ Id = $next; Post = $http.PostAsync("http://127.0.0.1:$port/$script:token/", [System.Net.Http.StringContent]::new((Get-ByRobotCallBody $next))) })
                    $next++
                }
                $done = [System.Threading.Tasks.Task]::WaitAny([System.Threading.Tasks.Task[]]$inFlight.Post, 30000)
                if ($done -lt 0) { throw 'No push was answered within 30 s.' }
                $finished = $inFlight[$done]
                $inFlight.RemoveAt($done)
                if ($finished.Post.IsCompletedSuccessfully -and $finished.Post.Result.Content.ReadAsStringAsync().GetAwaiter().GetResult() -ceq 'success') {
                    $acknowledged.Add($finished.Id)
                }
            }
            $process.Kill($true)
            $process.WaitForExit()
            # Answers that arrived before the kill count as acknowledged too; the rest failed with the connection.
            foreach ($pending in $inFlight) {
                try {
                    if ($pending.Post.GetAwaiter().GetResult().Content.ReadAsStringAsync().GetAwaiter().GetResult() -ceq 'success') { $acknowledged.Add($pending.Id) }
                }
                catch {
                    Write-Verbose "Push $($pending.Id) was not acknowledged (the vendor would send it again): $($_.Exception.Message)"
                }
            }
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true) }
            $process.WaitForExit()
            $process.Dispose()
            $http.Dispose()
        }

        $output = $stdout.GetAwaiter().GetResult() + $stderr.GetAwaiter().GetResult()
        $output | Should -Match ([regex]::Escape("http://127.0.0.1:$port/$script:token/")) -Because 'the receiver tells its address at the start'
        $acknowledged.Count | Should -BeGreaterOrEqual 400
        # A line being written when the process died can be cut short: only whole lines count as stored.
        $stored = foreach ($line in Get-Content -LiteralPath $path) {
            try { ($line | ConvertFrom-Json -ErrorAction Stop).data.data.sceneInstance.callInstanceId }
            catch { Write-Verbose "A line cut short by the kill: $($line.Length) characters." }
        }
        $missing = @($acknowledged | Where-Object { $_ -notin $stored })
        $missing | Should -BeNullOrEmpty -Because "every acknowledged push must be in the file ($($acknowledged.Count) acknowledged, $(@($stored).Count) stored)"
    }
}
