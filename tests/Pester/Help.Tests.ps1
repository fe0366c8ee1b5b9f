# Get-Help reads the MAML that ./build.ps1 -Task Help builds from docs/en-US with PlatyPS. Without PlatyPS the build
# leaves the MAML out, and these tests are skipped (not failed), saying why in their names.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $manifest = Get-BuiltModulePath
    $maml = Join-Path (Split-Path $manifest) 'en-US/OutboundPS.dll-Help.xml'
    $script:helpMissing = -not (Test-Path $maml)
    $script:skipReason = if ($script:helpMissing) {
        ' [SKIPPED: out/OutboundPS/en-US/OutboundPS.dll-Help.xml was not built (Microsoft.PowerShell.PlatyPS missing?); run ./build.ps1 -Task Build, Help]'
    }
    $script:cmdlets = if (Test-Path $manifest) { [string[]](Import-PowerShellDataFile $manifest).CmdletsToExport } else { @() }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:manifest = Get-BuiltModulePath
    Import-Module $script:manifest -Force
}

Describe "Help for every exported cmdlet$script:skipReason" -Skip:$script:helpMissing {
    It 'the built module exports the cmdlets whose help is checked' {
        $listed = [string[]](Import-PowerShellDataFile $script:manifest).CmdletsToExport
        $listed | Should -Not -BeNullOrEmpty
        (Get-Command -Module OutboundPS).Name | Sort-Object | Should -Be ($listed | Sort-Object)
    }

    Context 'Get-Help <_>' -ForEach $script:cmdlets {
        BeforeAll {
            $script:help = Get-Help -Name $_ -Full
        }

        It 'comes from the MAML, not the syntax-only fallback' {
            # Without MAML, Get-Help makes the synopsis from the syntax, which begins with the cmdlet's name.
            $script:help.Synopsis.Trim() | Should -Not -BeLike "$_ *"
            $script:help.ModuleName | Should -Be 'OutboundPS'
        }

        It 'has a non-empty Synopsis' {
            $script:help.Synopsis | Should -Not -BeNullOrEmpty
            $script:help.Synopsis.Trim() | Should -Not -Be $_
        }

        It 'has a non-empty Description' {
            ($script:help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
        }

        It 'has at least two examples' {
            @($script:help.Examples.Example).Count | Should -BeGreaterOrEqual 2
            # PlatyPS 1.0 writes a fenced example into the introduction and leaves Code empty (PowerShell/platyPS#792,
            # "by design"), so the example's text as a whole is what must name a command.
            foreach ($example in $script:help.Examples.Example) {
                ($example | Out-String) | Should -Match '\w+-Outbound\w*'
            }
        }
    }

    It 'Get-Help about_OutboundPS returns the topic' {
        $about = Get-Help -Name about_OutboundPS
        $text = $about | Out-String
        $text | Should -Match 'about_OutboundPS'
        $text | Should -Match 'Short description'
        $text | Should -Match 'Import-OutboundCustomer'
    }
}
