# The built module as PowerShell sees it: what it exports when imported fresh, and its error ids.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:modulePath = Get-BuiltModulePath
    Import-Module $script:modulePath -Force
    $script:manifestCmdlets = [string[]](Import-PowerShellDataFile $script:modulePath).CmdletsToExport | Sort-Object
}

Describe 'The loader' {
    It 'refuses PowerShell <Version> with a message naming 7.4' -ForEach @(
        @{ Version = '7.0.0' }, @{ Version = '7.2.24' }, @{ Version = '7.3.12' }
    ) {
        $module = Get-Module OutboundPS
        { & $module { param($v) Assert-SupportedHost -Version $v -Edition 'Core' } ([version]$Version) } |
            Should -Throw -ExpectedMessage "OutboundPS needs PowerShell 7.4 or later*this is PowerShell $Version*"
    }

    It 'accepts PowerShell <Version> on <Edition>' -ForEach @(
        @{ Version = '7.4.0'; Edition = 'Core' }, @{ Version = '7.6.5'; Edition = 'Core' }, @{ Version = '5.1.22621'; Edition = 'Desktop' }
    ) {
        $module = Get-Module OutboundPS
        { & $module { param($v, $e) Assert-SupportedHost -Version $v -Edition $e } ([version]$Version) $Edition } | Should -Not -Throw
    }
}

Describe 'Connect-Outbound -Vendor' {
    It 'completes with the vendors OutboundPS speaks' {
        (TabExpansion2 -inputScript 'Connect-Outbound -Vendor ' -cursorColumn 25).CompletionMatches.CompletionText |
            Should -Be @('ByRobot', 'IFlytek')
    }

    It 'refuses an unknown vendor before connecting, naming the known ones' {
        { Connect-Outbound -Vendor Acme -Sandbox -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.InvalidArgument.Vendor*' -ExpectedMessage '*speaks ByRobot, IFlytek*'
    }
}

Describe 'Importing the built module' {
    It 'lists 28 cmdlets in the manifest''s CmdletsToExport' {
        $script:manifestCmdlets | Should -HaveCount 28
    }

    It 'in a fresh pwsh process exports exactly the manifest''s cmdlets and no functions or aliases' {
        $path = (Get-BuiltModulePath) -replace "'", "''"
        $child = Invoke-ChildPwsh -TimeoutSeconds 60 -Script @"
`$module = Import-Module '$path' -PassThru -ErrorAction Stop
[pscustomobject]@{
    Cmdlets   = [string[]]`$module.ExportedCmdlets.Keys
    Functions = [string[]]`$module.ExportedFunctions.Keys
    Aliases   = [string[]]`$module.ExportedAliases.Keys
    Commands  = [string[]](Get-Command -Module OutboundPS).Name
} | ConvertTo-Json -Compress
"@
        $child.ExitCode | Should -Be 0 -Because $child.Output
        $exported = $child.Output | ConvertFrom-Json
        [string[]]($exported.Cmdlets | Sort-Object) | Should -Be $script:manifestCmdlets
        [string[]]($exported.Commands | Sort-Object) | Should -Be $script:manifestCmdlets
        $exported.Functions | Should -BeNullOrEmpty
        $exported.Aliases | Should -BeNullOrEmpty
    }

    It 'in a fresh runspace of this process exports exactly the manifest''s cmdlets and no functions or aliases' {
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $shell = [powershell]::Create()
        $shell.Runspace = $runspace
        try {
            $null = $shell.AddScript({
                    param($Path)
                    $module = Import-Module $Path -PassThru -ErrorAction Stop
                    [pscustomobject]@{
                        Cmdlets   = [string[]]$module.ExportedCmdlets.Keys
                        Functions = [string[]]$module.ExportedFunctions.Keys
                        Aliases   = [string[]]$module.ExportedAliases.Keys
                        Commands  = [string[]](Get-Command -Module OutboundPS).Name
                    }
                }).AddArgument((Get-BuiltModulePath))
            $exported = $shell.Invoke()
            $shell.Streams.Error | Should -BeNullOrEmpty
            [string[]]($exported.Cmdlets | Sort-Object) | Should -Be $script:manifestCmdlets
            [string[]]($exported.Commands | Sort-Object) | Should -Be $script:manifestCmdlets
            $exported.Functions | Should -BeNullOrEmpty
            $exported.Aliases | Should -BeNullOrEmpty
        }
        finally {
            $shell.Dispose()
            $runspace.Dispose()
        }
    }
}

Describe 'An unknown task id on the <_> sandbox' -ForEach 'IFlytek', 'ByRobot' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor $_ -Sandbox -Name "pester-unknown-$_" -PassThru
    }
    AfterAll {
        Disconnect-Outbound -Session $script:session
    }

    It 'is an error whose FullyQualifiedErrorId starts with OutboundPS.' {
        $result = Get-OutboundTask -Id 999999 -Session $script:session -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutboundPS.*'
        $failures[0].FullyQualifiedErrorId | Should -BeLike "OutboundPS.$_.TaskNotFound*"
    }

    It 'stops the command under -ErrorAction Stop with the same error id' {
        $vendor = $_
        $failure = $null
        try { Get-OutboundTask -Id 999999 -Session $script:session -ErrorAction Stop }
        catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        # The id about_OutboundPS documents for an unknown task, then the command that reported it.
        $failure.FullyQualifiedErrorId | Should -BeExactly "OutboundPS.$vendor.TaskNotFound,OutboundPS.Commands.GetOutboundTaskCommand"
    }
}
