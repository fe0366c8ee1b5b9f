# Secrets never reach any stream: not the app secret, not an iFlytek token, not a BYRobot signature, even with
# -Verbose and $DebugPreference = 'Continue'. The in-process sandbox hides its tokens, so these tests talk to the
# sandbox served over HTTP by its own process (src/OutboundPS.Sandbox), whose tokens and signatures are predictable:
# tokens are the issue counter as 32 lowercase hex digits, and a signature is
# Base64(HMACSHA1(key = app secret, message = app key + "`n" + the request second in RFC 1123 GMT)).
# Those predictions are checked against the requests the host logged before they are trusted to find a leak.
BeforeDiscovery {
    $script:vendors = @(
        @{ Vendor = 'IFlytek'; HostName = 'iflytek'; RobotId = '720'; Line = '055169101401'; NameColumn = '姓名'; PhoneColumn = '手机号码'
            Proof = 'an iFlytek token (the host issues 00000000000000000000000000000001, 00000000000000000000000000000002, ...)' }
        @{ Vendor = 'ByRobot'; HostName = 'byrobot'; RobotId = '5002'; Line = '101'; NameColumn = '客户名称'; PhoneColumn = '手机号码'
            Proof = 'a BYRobot signature of any second from 5 s before the session to 5 s after it' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    $script:appKey = 'sandbox-app-key'
    $script:appSecretText = 'sandbox-app-secret'

    function Get-SandboxSecret {
        <# The sandbox's app secret as a SecureString, built without ConvertTo-SecureString -AsPlainText. #>
        $secret = [System.Security.SecureString]::new()
        foreach ($character in $script:appSecretText.ToCharArray()) { $secret.AppendChar($character) }
        $secret.MakeReadOnly()
        $secret
    }

    function ConvertTo-ByRobotSignature {
        <#
        The sign header for a datetime header, as docs/vendors/byrobot.md#signing gives it: Base64 of HMAC-SHA1 keyed
        with the app secret over the app key, one line feed and the datetime value, all as UTF-8.
        #>
        param([Parameter(Mandatory)] [string] $DateTime, [string] $AppKey = $script:appKey, [string] $AppSecret = $script:appSecretText)
        $hmac = [System.Security.Cryptography.HMACSHA1]::new([System.Text.Encoding]::UTF8.GetBytes($AppSecret))
        try {
            [Convert]::ToBase64String($hmac.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($AppKey + "`n" + $DateTime)))
        }
        finally {
            $hmac.Dispose()
        }
    }

    function Get-ByRobotSignature {
        <# Every signature BYRobot's signer can have made between two instants, one per second. #>
        param([datetime] $From, [datetime] $To)
        $second = $From.ToUniversalTime().AddTicks(-($From.ToUniversalTime().Ticks % [timespan]::TicksPerSecond))
        while ($second -le $To.ToUniversalTime()) {
            ConvertTo-ByRobotSignature -DateTime $second.ToString('r', [cultureinfo]::InvariantCulture)
            $second = $second.AddSeconds(1)
        }
    }

    function Get-IFlytekToken {
        <# The first tokens the iFlytek host issues, in order: the issue counter as 32 lowercase hex digits. #>
        param([int] $Count)
        foreach ($counter in 1..$Count) { $counter.ToString('x32', [cultureinfo]::InvariantCulture) }
    }

    function ConvertTo-CapturedText {
        <# Everything a captured record shows or carries: its rendering, its properties, and for errors their parts. #>
        param([Parameter(ValueFromPipeline)] $Record)
        process {
            $Record | Out-String -Width 4096
            if ($Record -is [System.Management.Automation.ErrorRecord]) {
                $Record.Exception.ToString()
                $Record.FullyQualifiedErrorId
                if ($Record.ErrorDetails) { $Record.ErrorDetails.Message; $Record.ErrorDetails.RecommendedAction }
                $Record.TargetObject | Out-String -Width 4096
                $Record.TargetObject | Format-List -Property * | Out-String -Width 4096
                $Record.CategoryInfo | Out-String -Width 4096
            }
            elseif ($Record -is [System.Management.Automation.InformationalRecord]) {
                $Record.Message
            }
            elseif ($null -ne $Record -and $Record -isnot [string]) {
                $Record | Format-List -Property * | Out-String -Width 4096
            }
        }
    }
}

Describe 'Secrets stay out of every stream on the <Vendor> sandbox over HTTP' -ForEach $script:vendors {
    BeforeAll {
        $script:sandbox = Open-SandboxHost -Vendor $HostName -LogRequests
        # A bare host: iFlytek's client adds the documented openapi/ prefix itself.
        $script:baseUri = "http://127.0.0.1:$($script:sandbox.Port)/"
        $sessionName = "pester-secrets-$Vendor"
        $rows = @(
            [pscustomobject]@{ $NameColumn = '张三'; $PhoneColumn = '13800138000' }
            [pscustomobject]@{ $NameColumn = '李四'; $PhoneColumn = '12345' }
            [pscustomobject]@{ $NameColumn = '王五'; $PhoneColumn = '13700137002' }
        )

        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $script:started = [datetime]::UtcNow
        $script:captured = & {
            $session = Connect-Outbound -Vendor $Vendor -BaseUri $script:baseUri -AppKey $script:appKey -AppSecret (Get-SandboxSecret) `
                -Name $sessionName -PassThru -Verbose
            $session
            Get-OutboundSession -Name $sessionName
            Get-OutboundLine -Verbose
            Get-OutboundRobot -Verbose
            $task = New-OutboundTask -Name 'Pester secrets' -RobotId $RobotId -Line $Line -Confirm:$false -Verbose
            $task
            $rows | Import-OutboundCustomer -TaskId $task -PassThru -Confirm:$false -Verbose -ErrorAction Continue
            Get-OutboundTask -Id $task.Id -Verbose
            Start-OutboundTask $task -PassThru -Confirm:$false -Verbose
            $task | Wait-OutboundTask -PollInterval 1 -Timeout 120 -Verbose
            if ($Vendor -eq 'ByRobot') {
                Get-OutboundSeat -Verbose
                Get-OutboundSmsTemplate -Verbose
                $blocklist = New-OutboundBlocklist -Name 'Pester secrets' -Confirm:$false -Verbose
                $blocklist | Set-OutboundBlocklist -Remark 'r' -PassThru -Confirm:$false -Verbose
                '13800138000', '12345' | Add-OutboundBlocklistNumber -ListId $blocklist -Confirm:$false -Verbose -ErrorAction Continue
                '13700137002' | Add-OutboundBlocklistNumber -Confirm:$false -Verbose
                $blocklist | Get-OutboundBlocklistNumber -Verbose | Remove-OutboundBlocklistNumber -Confirm:$false -Verbose
                Get-OutboundBlocklist -Verbose
                $blocklist | Remove-OutboundBlocklist -Force -Confirm:$false -Verbose
                Get-OutboundCallRecord -TaskId $task -IncludeTranscript -Verbose
                Get-OutboundCallRecord -MissedCallback -Since ([datetime]::Today.AddDays(-1)) -First 1 -Verbose
            }
            else {
                Get-OutboundCallRecord -FailedPushDate ([datetime]::Today.AddDays(-1)) -Verbose
            }
            Get-OutboundTask -Id 999999 -Verbose -ErrorAction Continue
            Test-OutboundPhone 13800138000, 15412345678 -Verbose
            Remove-OutboundTask -Id $task -Force -Verbose
            Disconnect-Outbound -Name $sessionName -Verbose
        } *>&1
        $script:ended = [datetime]::UtcNow
        $VerbosePreference = 'SilentlyContinue'
        $DebugPreference = 'SilentlyContinue'
        $script:text = ($script:captured | ConvertTo-CapturedText) -join "`n"
        $script:requests = @(Get-SandboxRequest $script:sandbox)
    }
    AfterAll {
        Get-OutboundSession -Name "pester-secrets-$Vendor" | Disconnect-Outbound
        Close-SandboxHost $script:sandbox
    }

    It 'captured the whole session: output, verbose request lines and the error records' {
        $script:captured | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Should -Not -BeNullOrEmpty
        $script:text | Should -Match 'HTTP 200'
        $errorIds = @($script:captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId
        $errorIds | Where-Object { $_ -like 'OutboundPS.InvalidRow.*,*ImportOutboundCustomerCommand' } | Should -HaveCount 1 -Because 'the bad row is reported'
        $errorIds | Where-Object { $_ -like 'OutboundPS.InvalidRow.*,*AddOutboundBlocklistNumberCommand' } |
            Should -HaveCount ([int]($Vendor -eq 'ByRobot')) -Because 'the bad blocklist number is reported'
        $errorIds | Where-Object { $_ -like "OutboundPS.$Vendor.TaskNotFound*" } | Should -HaveCount 1 -Because 'the unknown id is reported'
        $script:captured | Where-Object { $_.PSObject.TypeNames -contains 'OutboundPS.OutboundTask' -and $_.Status -eq 'Completed' } |
            Should -Not -BeNullOrEmpty
        $script:text | Should -Match $(if ($Vendor -eq 'ByRobot') { 'phoneLogInfo\?callInstanceId=' } else { 'push/failed\?token=<redacted>' })
    }

    It 'never shows the app secret' {
        $script:text | Should -Not -Match ([regex]::Escape($script:appSecretText))
    }

    It 'never shows <Proof>' {
        $script:requests | Should -Not -BeNullOrEmpty -Because 'the host logged the requests of the session'
        if ($Vendor -eq 'IFlytek') {
            # First the proof against the wire: every call but the login carries ?token= (docs/vendors/iflytek.md#token),
            # each one a token of the list searched for below, a fresh host's first token first.
            $tokens = @(Get-IFlytekToken -Count 200)
            $calls = @($script:requests | Where-Object { $_.method -eq 'POST' -and $_.path -notlike '*/oauth/v1/token' })
            $calls | Should -Not -BeNullOrEmpty
            foreach ($call in $calls) {
                $call.query.token | Should -BeIn $tokens -Because "the token $($call.path) carried must be one the test looks for"
            }
            $calls[0].query.token | Should -BeExactly $tokens[0]

            $script:text | Should -Match '<redacted>' -Because 'verbose request lines show where the token was left out'
            foreach ($token in $tokens) {
                $script:text.Contains($token) | Should -BeFalse -Because "token $token must not appear"
            }
        }
        else {
            # First the proof: the recipe gives the documented test vector (docs/vendors/byrobot.md#test-vector), and every
            # request on the wire carries the signature it gives for that request's datetime, one of those searched for.
            ConvertTo-ByRobotSignature -DateTime 'Thu, 13 Dec 2018 01:27:17 GMT' -AppKey testKey -AppSecret testSecret |
                Should -BeExactly 'pf7rjw3/nL3oYNx1AP//eFufXhg='
            $signatures = @(Get-ByRobotSignature -From $script:started.AddSeconds(-5) -To $script:ended.AddSeconds(5))
            foreach ($request in $script:requests) {
                $request.headers.appkey | Should -BeExactly $script:appKey
                $request.headers.sign | Should -BeExactly (ConvertTo-ByRobotSignature -DateTime $request.headers.datetime) -Because $request.path
                $request.headers.sign | Should -BeIn $signatures -Because "a request signed at $($request.headers.datetime) lies within the session"
            }

            foreach ($signature in $signatures) {
                $script:text.Contains($signature) | Should -BeFalse -Because "signature $signature must not appear"
            }
        }
    }
}

Describe 'The proxy credential stays out of every stream' {
    BeforeAll {
        $script:proxyPasswordText = 'proxy-pa55-MARKER'
        $proxyPassword = [System.Security.SecureString]::new()
        foreach ($character in $script:proxyPasswordText.ToCharArray()) { $proxyPassword.AppendChar($character) }
        $proxyPassword.MakeReadOnly()
        $proxyCredential = [pscredential]::new('proxy-user', $proxyPassword)
        # Nothing listens on the proxy's port, so the connection is refused at once and the error is the one to read.
        $deadProxy = "http://127.0.0.1:$(Get-FreeTcpPort)/"

        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $script:captured = & {
            try {
                Connect-Outbound -Vendor IFlytek -BaseUri 'http://127.0.0.1:9/' -AppKey $script:appKey -AppSecret (Get-SandboxSecret) `
                    -Proxy $deadProxy -ProxyCredential $proxyCredential -TimeoutSec 5 -MaximumRetryCount 0 -Name 'pester-proxy' -PassThru -Verbose
            }
            catch {
                $_
            }
            try {
                Connect-Outbound -Vendor IFlytek -AppKey $script:appKey -AppSecret (Get-SandboxSecret) `
                    -Proxy "http://proxy-user:$($script:proxyPasswordText)@127.0.0.1:3128/" -Name 'pester-proxy' -Verbose
            }
            catch {
                $_
            }
            Get-OutboundSession
        } *>&1
        $VerbosePreference = 'SilentlyContinue'
        $DebugPreference = 'SilentlyContinue'
        $script:text = ($script:captured | ConvertTo-CapturedText) -join "`n"
    }
    AfterAll {
        Get-OutboundSession -Name 'pester-proxy' -ErrorAction SilentlyContinue | Disconnect-Outbound
    }

    It 'reports both failures' {
        $errorIds = @($script:captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId
        $errorIds | Where-Object { $_ -like 'OutboundPS.IFlytek.ConnectionFailed*' } | Should -HaveCount 1
        $errorIds | Where-Object { $_ -like 'OutboundPS.InvalidArgument.Proxy*' } | Should -HaveCount 1
    }

    It 'never shows the proxy password' {
        $script:text | Should -Not -Match ([regex]::Escape($script:proxyPasswordText))
    }
}
