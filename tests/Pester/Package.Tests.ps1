# ./build.ps1 -Task Package in a fresh pwsh: the Azure Automation zip (module folder at its root, under 100 MB) and the
# Gallery .nupkg (nuspec from the manifest, module files at the package root), read back as zips. Where PSResourceGet
# is installed, the package is also installed from a local folder repository and imported.
BeforeDiscovery {
    $script:helpMissing = -not (Test-Path (Join-Path $PSScriptRoot '../../out/OutboundPS/en-US/OutboundPS.dll-Help.xml'))
    $script:noPSResourceGet = $IsWindows -or -not (Get-Module -ListAvailable Microsoft.PowerShell.PSResourceGet)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $script:root = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
    $script:manifest = Import-PowerShellDataFile (Get-BuiltModulePath)
    $script:moduleFiles = Get-ChildItem (Split-Path (Get-BuiltModulePath)) -Recurse -File |
        ForEach-Object { [System.IO.Path]::GetRelativePath((Split-Path (Get-BuiltModulePath)), $_.FullName).Replace('\', '/') } | Sort-Object

    function Get-ZipEntryName {
        <# The entry names of a zip, as stored. #>
        param([string] $Path)
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try { $zip.Entries.FullName } finally { $zip.Dispose() }
    }

    function Read-ZipText {
        <# One entry of a zip as UTF-8 text. #>
        param([string] $Path, [string] $Name)
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try {
            $reader = [System.IO.StreamReader]::new($zip.GetEntry($Name).Open())
            try { $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
    }
}

Describe 'build.ps1 -Task Package' -Skip:$script:helpMissing {
    BeforeAll {
        $run = Invoke-ChildPwsh -Script "Set-Location '$script:root'; ./build.ps1 -Task Package" -TimeoutSeconds 300
        $script:packageRun = $run
        $script:zip = Join-Path $script:root 'out/OutboundPS.zip'
        $script:nupkg = Join-Path $script:root "out/OutboundPS.$($script:manifest.ModuleVersion).nupkg"
    }

    It 'succeeds' {
        $script:packageRun.ExitCode | Should -Be 0 -Because $script:packageRun.Output
    }

    It 'makes the Azure Automation zip: named after the module, the module folder at its root, under 100 MB' {
        (Get-Item $script:zip).Length | Should -BeLessThan 100MB
        $entries = Get-ZipEntryName $script:zip
        $entries | Should -Not -Match '\\'
        $entries | ForEach-Object { $_ | Should -BeLike 'OutboundPS/*' }
        ($entries -replace '^OutboundPS/' | Sort-Object) | Should -Be $script:moduleFiles
        $entries | Should -Contain 'OutboundPS/OutboundPS.psd1'
        $entries | Should -Contain 'OutboundPS/netstandard2.0/OutboundPS.dll'
        $entries | Should -Contain 'OutboundPS/LICENSE'
    }

    It 'makes the .nupkg: the module files at the package root beside the nuspec and the packaging parts' {
        (Get-Item $script:nupkg).Length | Should -BeLessThan 100MB
        $entries = Get-ZipEntryName $script:nupkg
        $entries | Should -Not -Match '\\|%| '
        $packaging = '_rels/.rels', 'OutboundPS.nuspec', '[Content_Types].xml'
        foreach ($part in $packaging) { $entries | Should -Contain $part }
        $entries | Where-Object { $_ -like 'package/services/metadata/core-properties/*.psmdcp' } | Should -HaveCount 1
        ($entries | Where-Object { $_ -notin $packaging -and $_ -notlike 'package/*' } | Sort-Object) | Should -Be $script:moduleFiles
    }

    It 'writes the nuspec from the manifest, with the Gallery tags for the module and each cmdlet' {
        $nuspec = [xml](Read-ZipText $script:nupkg 'OutboundPS.nuspec')
        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'OutboundPS'
        $metadata.version | Should -Be $script:manifest.ModuleVersion
        $metadata.authors | Should -Be $script:manifest.Author
        $metadata.description | Should -Be $script:manifest.Description
        $metadata.releaseNotes | Should -Be $script:manifest.PrivateData.PSData.ReleaseNotes.Trim()
        $metadata.PSObject.Properties.Name | Should -Not -Contain 'licenseUrl'
        $tags = $metadata.tags -split ' '
        foreach ($tag in @('PSModule', 'PSIncludes_Cmdlet') + $script:manifest.PrivateData.PSData.Tags) { $tags | Should -Contain $tag }
        foreach ($cmdlet in $script:manifest.CmdletsToExport) { $tags | Should -Contain "PSCmdlet_$cmdlet"; $tags | Should -Contain "PSCommand_$cmdlet" }
    }

    It 'declares a content type for every part, by extension or, for LICENSE, by name' {
        $types = [xml](Read-ZipText $script:nupkg '[Content_Types].xml')
        $extensions = $types.Types.Default.Extension
        $overrides = $types.Types.Override.PartName
        foreach ($entry in Get-ZipEntryName $script:nupkg | Where-Object { $_ -ne '[Content_Types].xml' }) {
            $extension = [System.IO.Path]::GetExtension($entry).TrimStart('.')
            ($extension -in $extensions -or "/$entry" -in $overrides) | Should -BeTrue -Because $entry
        }
    }

    Context 'installed through PSResourceGet from a local folder repository' -Skip:$script:noPSResourceGet {
        It 'Publish-PSResource accepts the module folder, Install-PSResource the package, and the installed module imports and runs' {
            # A private HOME keeps the repository registration and the CurrentUser install out of the user's own.
            $privateHome = Join-Path $TestDrive 'home'
            $repository = Join-Path $TestDrive 'repository'
            $published = Join-Path $TestDrive 'published'
            # .NET names a special folder only once it exists; a missing one would put the store in the current directory.
            $dataHome, $configHome, $cacheHome = '.local/share', '.config', '.cache' | ForEach-Object { Join-Path $privateHome $_ }
            New-Item -ItemType Directory $dataHome, $configHome, $cacheHome, $repository, $published | Out-Null
            Copy-Item $script:nupkg $repository
            $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name PackageTest -Uri '$repository' -Trusted
Register-PSResourceRepository -Name PublishTest -Uri '$published' -Trusted
Publish-PSResource -Path '$(Split-Path (Get-BuiltModulePath))' -Repository PublishTest
`$store = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet'
if (-not `$store.StartsWith('$privateHome')) { throw "The repository store `$store is outside the private HOME." }
`$installed = Install-PSResource -Name OutboundPS -Repository PackageTest -Scope CurrentUser -PassThru
if (-not `$installed.InstalledLocation.StartsWith('$privateHome')) { throw "Installed into `$(`$installed.InstalledLocation), outside the private HOME." }
Import-Module OutboundPS
Connect-Outbound -Vendor IFlytek -Sandbox
'installed {0} {1}; commands {2}; robots {3}' -f `$installed.Name, `$installed.Version, @(Get-Command -Module OutboundPS).Count, @(Get-OutboundRobot).Count
"@
            $environment = @{ HOME = $privateHome; XDG_DATA_HOME = $dataHome; XDG_CONFIG_HOME = $configHome; XDG_CACHE_HOME = $cacheHome }
            $run = Invoke-ChildPwsh -Script $script -Environment $environment -TimeoutSeconds 180
            $run.ExitCode | Should -Be 0 -Because $run.Output
            Join-Path $published "OutboundPS.$($script:manifest.ModuleVersion).nupkg" | Should -Exist
            $run.Output | Should -Match "installed OutboundPS $([regex]::Escape($script:manifest.ModuleVersion)); commands $($script:manifest.CmdletsToExport.Count); robots [1-9]"
        }
    }
}
