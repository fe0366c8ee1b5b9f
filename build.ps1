#requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and packages OutboundPS. Needs only the .NET SDK for Build; Pester and PlatyPS for Test and Help.
.EXAMPLE
    ./build.ps1 -Task Build, Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Help', 'Lint', 'Package')]
    [string[]] $Task = @('Build', 'Test'),
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/OutboundPS'

switch ($Task) {
    'Build' { dotnet build (Join-Path $root 'OutboundPS.sln') -c $Configuration; if ($LASTEXITCODE) { throw 'dotnet build failed' } }
    'Test' {
        dotnet test (Join-Path $root 'OutboundPS.sln') -c $Configuration; if ($LASTEXITCODE) { throw 'xunit failed' }
        $result = Invoke-Pester -Path (Join-Path $root 'tests/Pester') -PassThru
        if ($result.FailedCount) { throw "$($result.FailedCount) Pester tests failed" }
    }
    'Help' {
        Import-Module Microsoft.PowerShell.PlatyPS
        $staging = Join-Path $root 'out/help'
        $pages = Get-ChildItem (Join-Path $root 'docs/en-US') -Filter '*-*.md'
        $pages | Measure-PlatyPSMarkdown | Where-Object FileType -match 'CommandHelp' |
            Import-MarkdownCommandHelp -Path { $_.FilePath } | Export-MamlCommandHelp -OutputFolder $staging -Force | Out-Null
        New-Item -ItemType Directory -Force (Join-Path $moduleOut 'en-US') | Out-Null
        Move-Item (Join-Path $staging 'OutboundPS/*.xml') (Join-Path $moduleOut 'en-US') -Force
    }
    'Lint' { Invoke-ScriptAnalyzer -Path $root -Recurse -Settings PSGallery -EnableExit }
    'Package' { Compress-Archive -Path $moduleOut -DestinationPath (Join-Path $root 'out/OutboundPS.zip') -Force }
}
