#requires -Version 7.4
<#
.SYNOPSIS
    Builds, documents, tests, lints and packages OutboundPS.
.DESCRIPTION
    With no arguments: Build (dotnet build: the module folder out/OutboundPS), Help (PlatyPS markdown to MAML,
    skipped with a warning when Microsoft.PowerShell.PlatyPS is not installed), then Test (xunit, then Pester
    against out/OutboundPS in a fresh pwsh process). Lint runs PSScriptAnalyzer with the PSGallery settings.
    Package zips the module for Azure Automation.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Build, Lint
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Help', 'Test', 'Lint', 'Package')]
    [string[]] $Task = @('Build', 'Help', 'Test'),

    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/OutboundPS'

function Invoke-Native {
    param([string] $What, [scriptblock] $Command)
    & $Command
    if ($LASTEXITCODE) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Build-Module {
    Invoke-Native 'dotnet build' { dotnet build (Join-Path $root 'OutboundPS.sln') -c $Configuration --nologo }
}

function Build-Help {
    if (-not (Get-Module -ListAvailable Microsoft.PowerShell.PlatyPS)) {
        Write-Warning ('Microsoft.PowerShell.PlatyPS is not installed, so the module is built without its MAML help: ' +
            'Get-Help shows syntax only, and the Pester help tests are skipped. Install-PSResource Microsoft.PowerShell.PlatyPS, then run ./build.ps1 again.')
        return
    }

    # PlatyPS 1.x writes into a <ModuleName>/ subfolder of its output, so the file is moved into the module from there.
    Import-Module Microsoft.PowerShell.PlatyPS
    $staging = Join-Path $root 'out/help'
    $pages = Get-ChildItem (Join-Path $root 'docs/en-US') -Filter '*.md' | Measure-PlatyPSMarkdown |
        Where-Object Filetype -Match 'CommandHelp'
    Import-MarkdownCommandHelp -Path $pages.FilePath | Export-MamlCommandHelp -OutputFolder $staging -Force | Out-Null
    $maml = Join-Path $staging 'OutboundPS/OutboundPS.dll-Help.xml'
    # The module root's en-US, and beside each assembly, where PowerShell looks for the help of a binary
    # module's cmdlets when a loader imports it.
    foreach ($folder in 'en-US', 'net8.0/en-US', 'netstandard2.0/en-US') {
        $target = Join-Path $moduleOut $folder
        New-Item -ItemType Directory -Force $target | Out-Null
        Copy-Item $maml $target -Force
    }

    # About topics ship as plain text; the front matter is for the docs site only.
    $about = Get-Content (Join-Path $root 'docs/en-US/about_OutboundPS.help.md') -Raw -Encoding utf8
    $about -replace '(?s)^---.*?---\s*', '' |
        Set-Content (Join-Path $moduleOut 'en-US/about_OutboundPS.help.txt') -Encoding utf8
}

function Test-Module {
    Invoke-Native 'xunit' { dotnet test (Join-Path $root 'OutboundPS.sln') -c $Configuration --nologo }
    if (-not (Get-Module -ListAvailable Pester | Where-Object Version -GE '5.0')) {
        throw 'Pester 5 is not installed, so the module cannot be tested in PowerShell. Install-PSResource Pester, then run ./build.ps1 again.'
    }

    # A fresh, non-interactive process: nothing this script loaded can hide a loader or export defect.
    $pester = {
        param($Path, $ResultPath)
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $Path
        $configuration.Run.Exit = $true
        $configuration.Output.Verbosity = 'Detailed'
        $configuration.TestResult.Enabled = $true
        $configuration.TestResult.OutputPath = $ResultPath
        Invoke-Pester -Configuration $configuration
    }
    $arguments = (Join-Path $root 'tests/Pester'), (Join-Path $root 'out/pester-results.xml')
    Invoke-Native 'Pester' { pwsh -NoProfile -NonInteractive -Command $pester -args $arguments }
}

function Test-ScriptStyle {
    if (-not (Get-Module -ListAvailable PSScriptAnalyzer)) {
        throw 'PSScriptAnalyzer is not installed. Install-PSResource PSScriptAnalyzer, then run ./build.ps1 -Task Lint again.'
    }

    $files = Get-ChildItem $root -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1' |
        Where-Object FullName -NotMatch '[\\/](out|bin|obj)[\\/]'
    $findings = $files | ForEach-Object { Invoke-ScriptAnalyzer -Path $_.FullName -Settings PSGallery }
    $findings | Format-Table -AutoSize | Out-String | Write-Host
    Write-Host "PSScriptAnalyzer (PSGallery settings): $(@($findings).Count) findings in $(@($files).Count) files."
    if ($findings) { throw 'PSScriptAnalyzer reported findings.' }
}

function Build-Package {
    # Help must be in the module before it is packed: run Build, Help, Package in that order.
    if (-not (Test-Path (Join-Path $moduleOut 'en-US/OutboundPS.dll-Help.xml'))) { throw 'Run the Help task before Package.' }
    Compress-Archive -Path $moduleOut -DestinationPath (Join-Path $root 'out/OutboundPS.zip') -Force
}

switch ($Task) {
    'Build' { Build-Module }
    'Help' { Build-Help }
    'Test' { Test-Module }
    'Lint' { Test-ScriptStyle }
    'Package' { Build-Package }
}
