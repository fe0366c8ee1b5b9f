#requires -Version 7.4
<#
.SYNOPSIS
    Builds, documents, tests, lints and packages OutboundPS.
.DESCRIPTION
    With no arguments: Build (dotnet build: the module folder out/OutboundPS, with the committed help), Help (where
    Microsoft.PowerShell.PlatyPS is installed, regenerates the help from docs/en-US and fails when the committed help
    differs; UpdateHelp writes it), then Test (xunit, a reduced memory benchmark, then the whole Pester suite against out/OutboundPS in a fresh
    pwsh process, with Pester 5 restored from the package source when none is installed; a skipped test fails it).
    Lint runs PSScriptAnalyzer with the PSGallery settings.
    Package makes out/OutboundPS.zip (the module folder at its root, for Azure Automation) and
    out/OutboundPS.<version>.nupkg (with PSResourceGet) from the built module.
    On a machine with only the .NET SDK: dotnet tool restore, then dotnet pwsh ./build.ps1.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Build, Lint
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Help', 'UpdateHelp', 'Test', 'Lint', 'Package')]
    [string[]] $Task = @('Build', 'Help', 'Test'),

    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/OutboundPS'
$helpSource = Join-Path $root 'src/OutboundPS/en-US'

function Invoke-Native {
    param([string] $What, [scriptblock] $Command)
    & $Command
    if ($LASTEXITCODE) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Build-Module {
    Invoke-Native 'dotnet build' { dotnet build (Join-Path $root 'OutboundPS.sln') -c $Configuration --nologo }
}

function Get-ThisPwsh {
    <#
    The pwsh this script runs in, to start as a child process. Under the .NET tool ([Environment]::ProcessPath is
    dotnet) and a normal install alike, its executable sits in $PSHOME.
    #>
    Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
}

function Get-AboutTopicText {
    <# The about topic as Get-Help reads it: plain text; the front matter is for the docs site only. #>
    $about = Get-Content (Join-Path $root 'docs/en-US/about_OutboundPS.help.md') -Raw -Encoding utf8
    $about -replace '(?s)^---.*?---\s*', ''
}

function Build-Help {
    <#
    The help that ships is committed in src/OutboundPS/en-US, so every build has it, with or without PlatyPS; the
    build copies it into the module. docs/en-US is its source: where PlatyPS is installed this regenerates the help
    from the pages and fails when the committed files differ (-Task UpdateHelp writes them). xunit's HelpDriftTests
    compares synopsis, parameters and example code on every machine.
    #>
    $staging = Write-HelpFile -Folder (Join-Path $root 'out/help')
    if (-not $staging) { return }
    $stale = foreach ($name in 'OutboundPS.dll-Help.xml', 'about_OutboundPS.help.txt') {
        $committed = Join-Path $helpSource $name
        $fresh = Join-Path $staging $name
        if (-not (Test-Path $committed) -or (Get-FileHash $committed).Hash -ne (Get-FileHash $fresh).Hash) { $name }
    }
    if ($stale) {
        throw ("The committed help in src/OutboundPS/en-US differs from what docs/en-US generates ($($stale -join ', ')). " +
            'Run ./build.ps1 -Task UpdateHelp, Build and commit the result.')
    }
    Write-Host 'Help: the committed MAML and about topic match docs/en-US (regenerated with PlatyPS).'
}

function Write-CommittedHelp {
    <# Writes the help generated from docs/en-US into src/OutboundPS/en-US (commit it); needs PlatyPS. #>
    if (-not (Write-HelpFile -Folder $helpSource)) { throw 'UpdateHelp needs Microsoft.PowerShell.PlatyPS 1.0.3.' }
}

function Write-HelpFile {
    <#
    Writes OutboundPS.dll-Help.xml (PlatyPS MAML) and about_OutboundPS.help.txt into -Folder and returns it, or
    returns nothing with a note when PlatyPS is not installed.
    #>
    param([string] $Folder)
    if (-not (Get-Module -ListAvailable Microsoft.PowerShell.PlatyPS)) {
        Write-Host ('Help: Microsoft.PowerShell.PlatyPS is not installed, so the committed help was not regenerated; ' +
            'the module ships it as committed, and xunit (CommittedHelpTests) checks it against docs/en-US.')
        return
    }
    Import-Module Microsoft.PowerShell.PlatyPS
    # PlatyPS 1.x writes into a <ModuleName>/ subfolder of its output.
    $generated = Join-Path $root 'out/platyps'
    $pages = Get-ChildItem (Join-Path $root 'docs/en-US') -Filter '*.md' | Measure-PlatyPSMarkdown |
        Where-Object Filetype -Match 'CommandHelp'
    Import-MarkdownCommandHelp -Path $pages.FilePath | Export-MamlCommandHelp -OutputFolder $generated -Force | Out-Null
    New-Item -ItemType Directory -Force $Folder | Out-Null
    Copy-Item (Join-Path $generated 'OutboundPS/OutboundPS.dll-Help.xml') $Folder -Force
    [System.IO.File]::WriteAllText((Join-Path $Folder 'about_OutboundPS.help.txt'), (Get-AboutTopicText), [System.Text.UTF8Encoding]::new($false))
    $Folder
}

function Get-PesterManifest {
    <#
    Pester 5: one already installed at 5.9.1 or a newer 5.x, else the pinned package restored through NuGet
    (build/Pester.csproj), so a machine with only the .NET SDK and the package source can run the suite.
    #>
    $installed = Get-Module -ListAvailable Pester |
        Where-Object { $_.Version.Major -eq 5 -and $_.Version -ge [version]'5.9.1' } |
        Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) { return $installed.Path }

    $project = Join-Path $root 'build/Pester.csproj'
    Invoke-Native 'dotnet restore build/Pester.csproj' { dotnet restore $project --nologo }
    $version = ([xml](Get-Content $project -Raw)).Project.ItemGroup.PackageDownload.Version.Trim('[]')
    $assets = Get-Content (Join-Path $root 'build/obj/project.assets.json') -Raw | ConvertFrom-Json
    $manifest = foreach ($folder in $assets.packageFolders.PSObject.Properties.Name) {
        Join-Path $folder "pester/$version/tools/Pester.psd1" | Where-Object { Test-Path $_ }
    }
    if (-not $manifest) { throw "Pester $version was restored, but no tools/Pester.psd1 is in the NuGet package folders ($($assets.packageFolders.PSObject.Properties.Name -join ', '))." }
    @($manifest)[0]
}

function Test-Module {
    Invoke-Native 'xunit' { dotnet test (Join-Path $root 'OutboundPS.sln') -c $Configuration --nologo }
    # A reduced memory check (200,000 rows a vendor: peak working set and live heap), judged against the README's
    # targets; the full benchmarks are timed and need a quiet machine, so they are run by hand.
    Invoke-Native 'memory check' {
        dotnet run -c $Configuration --no-build --project (Join-Path $root 'tests/OutboundPS.Benchmarks') -- memory-check
    }
    $pesterManifest = Get-PesterManifest

    # A fresh, non-interactive process: nothing this script loaded can hide a loader or export defect. A skipped or
    # unrun test fails the run as a failed one does: a check that did not run proves nothing.
    $pester = {
        param($PesterManifest, $Path, $ResultPath)
        Import-Module $PesterManifest
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $Path
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Detailed'
        $configuration.TestResult.Enabled = $true
        $configuration.TestResult.OutputPath = $ResultPath
        $result = Invoke-Pester -Configuration $configuration
        $missed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount + $result.SkippedCount + $result.NotRunCount
        if ($result.Result -ne 'Passed' -or $missed -or -not $result.PassedCount) {
            Write-Host "Pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped, $($result.NotRunCount) not run; every test must run and pass."
            exit 1
        }
        exit 0
    }
    $arguments = $pesterManifest, (Join-Path $root 'tests/Pester'), (Join-Path $root 'out/pester-results.xml')
    Invoke-Native 'Pester' { & (Get-ThisPwsh) -NoProfile -NonInteractive -Command $pester -args $arguments }
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

function Add-ZipEntry {
    <# Copies one file into an open zip. Entry names always use '/', whatever the OS. #>
    param([System.IO.Compression.ZipArchive] $Zip, [string] $Name, [string] $File)
    $entry = $Zip.CreateEntry($Name, [System.IO.Compression.CompressionLevel]::Optimal)
    $stream = $entry.Open()
    try {
        $source = [System.IO.File]::OpenRead($File)
        try { $source.CopyTo($stream) } finally { $source.Dispose() }
    }
    finally {
        $stream.Dispose()
    }
}

function Get-ModuleFile {
    <# Every file of the built module, with its path relative to the module folder written with '/'. #>
    Get-ChildItem $moduleOut -Recurse -File | Sort-Object FullName | ForEach-Object {
        [pscustomobject]@{ Path = $_.FullName; Name = [System.IO.Path]::GetRelativePath($moduleOut, $_.FullName).Replace('\', '/') }
    }
}

function Build-AutomationZip {
    <#
    The zip Azure Automation imports: named after the module, with the module folder at its root, under the
    100 MB a module upload may be.
    #>
    param([string] $Path)
    if (Test-Path $Path) { Remove-Item $Path }
    $zip = [System.IO.Compression.ZipFile]::Open($Path, [System.IO.Compression.ZipArchiveMode]::Create)
    try { Get-ModuleFile | ForEach-Object { Add-ZipEntry -Zip $zip -Name "OutboundPS/$($_.Name)" -File $_.Path } }
    finally { $zip.Dispose() }
    $megabytes = (Get-Item $Path).Length / 1MB
    if ($megabytes -ge 100) { throw "$Path is $([math]::Round($megabytes, 1)) MB; Azure Automation takes module zips under 100 MB." }
}

function Build-GalleryPackage {
    <#
    The .nupkg that Publish-PSResource -NupkgPath pushes to the Gallery, packed by PSResourceGet's own
    Compress-PSResource from the module folder: it validates the manifest and writes the nuspec from it. It registers
    no repository and uses no network; like any PSResourceGet cmdlet it writes the default repository store (PSGallery
    alone) where the user has none yet, and leaves an existing one as it is.
    #>
    param([string] $Path)
    # Compress-PSResource came with PSResourceGet 1.1.0, which ships inside PowerShell 7.5 and later.
    if (-not (Get-Module -ListAvailable Microsoft.PowerShell.PSResourceGet | Where-Object Version -GE ([version]'1.1.0'))) {
        throw 'Package needs Microsoft.PowerShell.PSResourceGet 1.1.0 or later (it ships inside PowerShell 7.5 and later).'
    }
    Import-Module Microsoft.PowerShell.PSResourceGet -MinimumVersion 1.1.0
    if (Test-Path $Path) { Remove-Item $Path }
    $packed = Compress-PSResource -Path $moduleOut -DestinationPath (Split-Path $Path) -PassThru
    if (-not $packed -or $packed.FullName -ne [System.IO.Path]::GetFullPath($Path)) {
        throw "Compress-PSResource did not write $Path (it returned '$($packed.FullName)')."
    }
}

function Build-Package {
    # The committed help must be in the module before it is packed: Build copies it there.
    if (-not (Test-Path (Join-Path $moduleOut 'en-US/OutboundPS.dll-Help.xml'))) {
        throw 'out/OutboundPS has no en-US/OutboundPS.dll-Help.xml: run the Build task (it copies the committed help) before Package.'
    }
    $manifest = Import-PowerShellDataFile (Join-Path $moduleOut 'OutboundPS.psd1')
    Build-AutomationZip -Path (Join-Path $root 'out/OutboundPS.zip')
    Build-GalleryPackage -Path (Join-Path $root "out/OutboundPS.$($manifest.ModuleVersion).nupkg")
}

switch ($Task) {
    'Build' { Build-Module }
    'Help' { Build-Help }
    'UpdateHelp' { Write-CommittedHelp }
    'Test' { Test-Module }
    'Lint' { Test-ScriptStyle }
    'Package' { Build-Package }
}
