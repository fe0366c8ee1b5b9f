# Get-Help reads the MAML committed in src/OutboundPS/en-US (what PlatyPS generates from docs/en-US), which every build
# copies into the module. Without it Get-Help falls back to help made from the syntax alone, and these tests fail.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $manifest = Get-BuiltModulePath
    $script:cmdlets = if (Test-Path $manifest) { [string[]](Import-PowerShellDataFile $manifest).CmdletsToExport } else { @() }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:manifest = Get-BuiltModulePath
    Import-Module $script:manifest -Force
    # Any exported command, by its whole name.
    $listed = [string[]](Import-PowerShellDataFile $script:manifest).CmdletsToExport
    $script:commandPattern = '\b(' + (($listed | ForEach-Object { [regex]::Escape($_) }) -join '|') + ')\b'
}

Describe 'Help for every exported cmdlet' {
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
            # Without MAML, Get-Help makes the synopsis from the syntax: the cmdlet's name, its parameters in brackets and
            # [<CommonParameters>]. The pages in docs/en-US give one sentence.
            $synopsis = "$($script:help.Synopsis)".Trim()
            $synopsis | Should -Not -BeLike "$_*"
            $synopsis | Should -Not -Match '<CommonParameters>|\[-\w+'
            $synopsis | Should -Match '^[A-Z][^\r\n]*\.$' -Because 'a synopsis is one sentence'
            $synopsis | Should -Not -Match '\{\{' -Because 'a PlatyPS placeholder is no synopsis'
        }

        It 'has a non-empty Synopsis' {
            $script:help.Synopsis | Should -Not -BeNullOrEmpty
            $script:help.Synopsis.Trim() | Should -Not -Be $_
        }

        It 'has a non-empty Description' {
            ($script:help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
            ($script:help.Description | Out-String) | Should -Not -Match '\{\{' -Because 'a PlatyPS placeholder is no description'
        }

        It 'lists every parameter of the cmdlet, each with a description' {
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters
            $expected = @((Get-Command -Name $_).Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object)
            $parameters = @($script:help.parameters.parameter | Where-Object { $_ })
            @($parameters.name | Sort-Object) | Should -Be $expected
            foreach ($parameter in $parameters) {
                $description = ($parameter.description | Out-String).Trim()
                $description | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
                $description | Should -Not -Match '\{\{' -Because "-$($parameter.name) needs a description, not a PlatyPS placeholder"
            }
        }

        It 'has at least two examples, each with code that runs an OutboundPS command' {
            $examples = @($script:help.Examples.Example | Where-Object { $_ })
            $examples.Count | Should -BeGreaterOrEqual 2
            # PlatyPS 1.0 writes a fenced example into the introduction, with the prose after it, and leaves Code empty
            # (PowerShell/platyPS#792, "by design"): the code is Code or the fenced blocks, never the title or the prose,
            # which may name commands too.
            foreach ($example in $examples) {
                $introduction = @($example.introduction.Text) -join "`n"
                $fenced = [regex]::Matches($introduction, '(?s)```[\w-]*\r?\n(.*?)```') | ForEach-Object { $_.Groups[1].Value }
                $code = (@($example.code) + @($fenced) | Where-Object { $_ }) -join "`n"
                $code | Should -Match $script:commandPattern -Because "the code of '$($example.title.Trim('- '))' runs an OutboundPS command"
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
