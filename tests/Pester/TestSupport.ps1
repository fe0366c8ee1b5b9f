# Helpers shared by the Pester tests; dot-source it in BeforeAll. The tests import the built module themselves
# (out/OutboundPS, never the source), so nothing here loads OutboundPS.

function Get-BuiltModulePath {
    <# The manifest of the module built by ./build.ps1 -Task Build, as a full path (child processes and runspaces need one). #>
    [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../out/OutboundPS/OutboundPS.psd1'))
}

function Invoke-InRunspace {
    <# Runs a script block in a runspace and returns its output; its errors fail the test. #>
    param([Parameter(Mandatory)] $Runspace, [Parameter(Mandatory)] [scriptblock] $ScriptBlock, [object[]] $ArgumentList = @())
    $shell = [powershell]::Create()
    $shell.Runspace = $Runspace
    try {
        $null = $shell.AddScript($ScriptBlock)
        foreach ($argument in $ArgumentList) { $null = $shell.AddArgument($argument) }
        $output = $shell.Invoke()
        if ($shell.Streams.Error.Count) { throw "In the runspace: $($shell.Streams.Error[0])" }
        $output
    }
    finally {
        $shell.Dispose()
    }
}

function Get-FreeTcpPort {
    <# A TCP port on 127.0.0.1 that nothing listens on right now. #>
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Test-TcpPort {
    <# True when something accepts connections on 127.0.0.1:$Port. #>
    param([int] $Port)
    $client = [System.Net.Sockets.TcpClient]::new()
    try {
        $client.Connect([System.Net.IPAddress]::Loopback, $Port)
        $true
    }
    catch [System.Net.Sockets.SocketException] {
        $false
    }
    finally {
        $client.Dispose()
    }
}

function Measure-DisplayWidth {
    <#
    The console columns a line of text takes: an East Asian wide or fullwidth character (a Chinese name) takes two,
    as PowerShell's formatter counts it when it lays out a table; any other character takes one.
    #>
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Line)
    $wide = '[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]'
    $Line.Length + [regex]::Matches($Line, $wide).Count
}

function Invoke-ChildPwsh {
    <#
    Runs a script in a fresh `pwsh -NoProfile -NonInteractive` process (the pwsh in $PSHOME, this very PowerShell's:
    under the .NET tool [Environment]::ProcessPath is dotnet, not pwsh) and returns its exit
    code and its stdout and stderr together; kills the process and reports TimedOut when it runs past the timeout.
    -Environment sets variables for that process only (a private HOME, for one).
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [int] $TimeoutSeconds = 120,
        [hashtable] $Environment = @{}
    )
    $start = [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')))
    foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $Script) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    $start.Environment['NO_COLOR'] = '1'
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $process = [System.Diagnostics.Process]::Start($start)
    try {
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $timedOut = -not $process.WaitForExit($TimeoutSeconds * 1000)
        if ($timedOut) { $process.Kill($true) }
        $process.WaitForExit()
        [pscustomobject]@{
            ExitCode = if ($timedOut) { $null } else { $process.ExitCode }
            TimedOut = $timedOut
            Seconds  = $clock.Elapsed.TotalSeconds
            Output   = $stdout.GetAwaiter().GetResult() + $stderr.GetAwaiter().GetResult()
        }
    }
    finally {
        $process.Dispose()
    }
}

function Open-SandboxHost {
    <#
    Serves a vendor simulator over HTTP on 127.0.0.1 in its own process (dotnet run of src/OutboundPS.Sandbox) and
    waits until it listens. Returns the process and its port; Close-SandboxHost ends it. With -LogRequests the host
    logs every request it receives (its --request-log), for Get-SandboxRequest to read. A host that exits before it
    listens is started again, up to three times in all, on another port: on a machine shared with other builds, the
    port found free can be taken before the host binds it.
    #>
    param(
        [Parameter(Mandatory)] [ValidateSet('iflytek', 'byrobot')] [string] $Vendor,
        [int] $TimeoutSeconds = 180,
        # More options for the host program, such as '--push-uri', 'http://127.0.0.1:9000/'.
        [string[]] $HostArgument = @(),
        [switch] $LogRequests
    )
    $project = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../src/OutboundPS.Sandbox'))
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $failures = @()
    foreach ($attempt in 1..3) {
        $port = Get-FreeTcpPort
        $arguments = @('run', '--project', $project, '-f', 'net8.0', '-c', 'Release', '--', '--vendor', $Vendor, '--port', "$port") + $HostArgument
        $requestLog = $null
        if ($LogRequests) {
            $requestLog = Join-Path ([System.IO.Path]::GetTempPath()) "outboundps-sandbox-$Vendor-$port-$([guid]::NewGuid().ToString('n')).jsonl"
            $arguments += '--request-log', $requestLog
        }
        $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        # -c Release reuses what ./build.ps1 -Task Build compiled, so the host starts in seconds.
        foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        # No build server or reusable MSBuild node outlives the host.
        $start.Environment['MSBUILDDISABLENODEREUSE'] = '1'
        $start.Environment['DOTNET_CLI_USE_MSBUILD_SERVER'] = '0'
        $start.Environment['UseSharedCompilation'] = 'false'
        $process = [System.Diagnostics.Process]::Start($start)
        # Drained so that a chatty build can never block on a full pipe.
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        while (-not (Test-TcpPort -Port $port)) {
            if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) { break }
            Start-Sleep -Milliseconds 200
        }
        if (-not $process.HasExited -and (Test-TcpPort -Port $port)) {
            return [pscustomobject]@{ Process = $process; Port = $port; Vendor = $Vendor; RequestLog = $requestLog; Errors = $stderr }
        }
        $timedOut = -not $process.HasExited
        if ($timedOut) { $process.Kill($true) }
        $process.WaitForExit()
        $process.Dispose()
        if ($requestLog) { Remove-Item -LiteralPath $requestLog -ErrorAction SilentlyContinue }
        $failures += "port $port" + $(if ($timedOut) { ', timed out' } else { '' }) + ': ' +
            $stdout.GetAwaiter().GetResult() + $stderr.GetAwaiter().GetResult()
        if ($timedOut) { break }
    }
    throw "The $Vendor sandbox host did not listen within $TimeoutSeconds s ($($failures.Count) attempts): " + ($failures -join "`n")
}

function Get-SandboxRequest {
    <#
    The requests a host opened with Open-SandboxHost -LogRequests has received so far, oldest first, as the host saw
    them on the wire: objects with method, path, query (name = decoded value) and headers (name = value). The host
    logs a request before it answers, so every request a command has had an answer to is there.
    #>
    param([Parameter(Mandatory)] $SandboxHost)
    if (-not $SandboxHost.RequestLog) { throw 'This host keeps no request log: open it with Open-SandboxHost -LogRequests.' }
    # Read while the host still writes it.
    $stream = [System.IO.FileStream]::new($SandboxHost.RequestLog, 'Open', 'Read', 'ReadWrite, Delete')
    try {
        $text = [System.IO.StreamReader]::new($stream, [System.Text.Encoding]::UTF8).ReadToEnd()
    }
    finally {
        $stream.Dispose()
    }
    foreach ($line in $text -split '\r?\n') {
        if ($line) { $line | ConvertFrom-Json }
    }
}

function Close-SandboxHost {
    <#
    Ends a host from Open-SandboxHost: dotnet run and the program it started; deletes its request log. A host that had
    already exited is reported with its error stream, the trace a refused connection in the tests before leaves of a crash.
    #>
    param([Parameter(ValueFromPipeline)] $SandboxHost)
    process {
        if (-not $SandboxHost) { return }
        $process = $SandboxHost.Process
        if ($process.HasExited) {
            # A host that ended on its own took its requests' connections with it: its error stream says why. Not its
            # output, whose first line quotes the sandbox's app secret.
            Write-Warning ("The $($SandboxHost.Vendor) sandbox host on port $($SandboxHost.Port) had exited (code $($process.ExitCode)) " +
                "before it was closed: $($SandboxHost.Errors.GetAwaiter().GetResult())")
        }
        else { $process.Kill($true) }
        $process.WaitForExit()
        $process.Dispose()
        if ($SandboxHost.RequestLog) { Remove-Item -LiteralPath $SandboxHost.RequestLog -ErrorAction SilentlyContinue }
    }
}

function Wait-TaskStatus {
    <# Polls Get-OutboundTask until the task is in one of the states, or throws after the timeout. #>
    param(
        [Parameter(Mandatory)] $Task,
        [Parameter(Mandatory)] [string[]] $Status,
        [int] $TimeoutSeconds = 30
    )
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $current = Get-OutboundTask -Id $Task
        if ($Status -contains $current.Status) { return $current }
        if ([DateTime]::UtcNow -gt $deadline) { throw "Task $($Task.Id) is $($current.Status), not $($Status -join ' or '), after $TimeoutSeconds s." }
        Start-Sleep -Milliseconds 100
    }
}

function Get-ByRobotCallBody([long] $CallId) {
    # The documented callback (docs/vendors/byrobot.md#call_instance_result), with a callback signature that must never reach the output streams.
    '{"code":200,"data":{"dataType":"CALL_INSTANCE_RESULT","data":{"sceneInstance":{"callInstanceId":' + $CallId +
    ',"callJobId":9,"customerTelephone":"13700000001","finishStatus":0,"duration":35,"startTime":"2019-01-12 16:09:32"},' +
    '"taskResult":[{"resultName":"客户意向等级","resultValue":"C级(很少)","resultValueAlias":"C"}],"jobFinished":false,' +
    '"sign":"PESTER-SIGN-VALUE","dateTime":"Thu Oct 16 07:13:48 GMT 2014"}},"resultMsg":"成功","errorStackTrace":null}'
}

function Invoke-ReceiverRunspace([hashtable] $Parameters) {
    <# Receive-OutboundPush with these parameters in a runspace of its own; returns the PowerShell instance and its handle. #>
    $shell = [powershell]::Create()
    $null = $shell.AddScript({
            param($Module, $Parameters)
            Import-Module $Module
            $VerbosePreference = 'Continue'
            Receive-OutboundPush @Parameters
        }).AddArgument((Get-BuiltModulePath)).AddArgument($Parameters)
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    [pscustomobject]@{ Shell = $shell; Handle = $shell.BeginInvoke(); Clock = $clock }
}
