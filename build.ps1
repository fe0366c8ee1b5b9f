#requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and packages OutboundPS. Needs only the .NET SDK for Build; Pester and PlatyPS for Test and Help.
.EXAMPLE
    ./build.ps1 -Task Build, Test
.EXAMPLE
    ./build.ps1 -Task Build, Help, Package
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
        # PlatyPS 1.x (Microsoft.PowerShell.PlatyPS): markdown in docs/en-US -> MAML. Export-MamlCommandHelp writes
        # into a <ModuleName>/ subfolder of its output, so the file is moved into the module from there.
        Import-Module Microsoft.PowerShell.PlatyPS
        $staging = Join-Path $root 'out/help'
        $pages = Get-ChildItem (Join-Path $root 'docs/en-US') -Filter '*.md' | Measure-PlatyPSMarkdown |
            Where-Object Filetype -match 'CommandHelp'
        Import-MarkdownCommandHelp -Path $pages.FilePath | Export-MamlCommandHelp -OutputFolder $staging -Force | Out-Null
        $maml = Join-Path $staging 'OutboundPS/OutboundPS.dll-Help.xml'
        # The module root's en-US as SPEC §7 lays out, and beside each assembly, where PowerShell looks for the
        # help of cmdlets from a binary module that the loader imports.
        foreach ($folder in 'en-US', 'net8.0/en-US', 'netstandard2.0/en-US') {
            $target = Join-Path $moduleOut $folder
            New-Item -ItemType Directory -Force $target | Out-Null
            Copy-Item $maml $target -Force
        }
        # About topics ship as plain text; the front matter is for the docs site only.
        $about = Get-Content (Join-Path $root 'docs/en-US/about_OutboundPS.help.md') -Raw -Encoding UTF8
        $about -replace '(?s)^---.*?---\s*', '' |
            Set-Content (Join-Path $moduleOut 'en-US/about_OutboundPS.help.txt') -Encoding UTF8
    }
    'Lint' { Invoke-ScriptAnalyzer -Path $root -Recurse -Settings PSGallery -EnableExit }
    'Package' {
        # Help must be in the module before it is packed: run Build, Help, Package in that order.
        if (-not (Test-Path (Join-Path $moduleOut 'en-US/OutboundPS.dll-Help.xml'))) { throw 'Run the Help task before Package.' }
        Compress-Archive -Path $moduleOut -DestinationPath (Join-Path $root 'out/OutboundPS.zip') -Force
    }
}
