# ./build.ps1 -Task Package in a fresh pwsh: the Azure Automation zip (module folder at its root, under 100 MB) and the
# Gallery .nupkg that PSResourceGet's Compress-PSResource packs, read back as zips; then the .nupkg is installed with
# Install-PSResource from a local folder repository, in a child pwsh with a private HOME, and imported there.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $script:root = [System.IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
    $script:moduleFolder = Split-Path (Get-BuiltModulePath)
    $script:manifest = Import-PowerShellDataFile (Get-BuiltModulePath)
    $script:moduleFiles = Get-ChildItem $script:moduleFolder -Recurse -File |
        ForEach-Object { [System.IO.Path]::GetRelativePath($script:moduleFolder, $_.FullName).Replace('\', '/') } | Sort-Object

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

Describe 'build.ps1 -Task Package' {
    BeforeAll {
        $script:zip = Join-Path $script:root 'out/OutboundPS.zip'
        $script:nupkg = Join-Path $script:root "out/OutboundPS.$($script:manifest.ModuleVersion).nupkg"
        # What an earlier run left must not pass for this run's output.
        Remove-Item $script:zip, $script:nupkg -ErrorAction Ignore
        $script:packageRun = Invoke-ChildPwsh -Script "Set-Location '$script:root'; ./build.ps1 -Task Package" -TimeoutSeconds 300
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

    It 'makes the .nupkg with PSResourceGet: the module files at the package root beside the nuspec and the NuGet parts' {
        (Get-Item $script:nupkg).Length | Should -BeLessThan 100MB
        $entries = Get-ZipEntryName $script:nupkg
        $entries | Should -Not -Match '\\'
        $packaging = '_rels/.rels', 'OutboundPS.nuspec', '[Content_Types].xml'
        foreach ($part in $packaging) { $entries | Should -Contain $part }
        $properties = @($entries | Where-Object { $_ -like 'package/services/metadata/core-properties/*.psmdcp' })
        $properties | Should -HaveCount 1
        ($entries | Where-Object { $_ -notin $packaging -and $_ -notlike 'package/*' } | Sort-Object) | Should -Be $script:moduleFiles
        # PSResourceGet packs with NuGet.Packaging, which signs the core properties; a hand-made package would not.
        ([xml](Read-ZipText $script:nupkg $properties[0])).coreProperties.lastModifiedBy | Should -Match '^NuGet\.Packaging,'
    }

    It 'writes the nuspec from the manifest' {
        $metadata = ([xml](Read-ZipText $script:nupkg 'OutboundPS.nuspec')).package.metadata
        $metadata.id | Should -Be 'OutboundPS'
        $metadata.version | Should -Be $script:manifest.ModuleVersion
        $metadata.authors | Should -Be $script:manifest.Author
        $metadata.description | Should -Be $script:manifest.Description
        $metadata.copyright | Should -Be $script:manifest.Copyright
        $metadata.releaseNotes.Trim() | Should -Be $script:manifest.PrivateData.PSData.ReleaseNotes.Trim()
        $tags = $metadata.tags -split ' '
        foreach ($tag in @('PSModule') + $script:manifest.PrivateData.PSData.Tags) { $tags | Should -Contain $tag }
    }

    Context 'installed with Install-PSResource from a local folder repository, in a child pwsh with a private HOME' {
        BeforeAll {
            # The private HOME holds the repository registration (PSResourceGet's store) and the CurrentUser scope, so
            # neither the user's repositories (PSGallery's registration among them) nor their modules are touched.
            $privateHome = Join-Path $TestDrive 'home'
            $repository = Join-Path $TestDrive 'repository'
            $script:resultPath = Join-Path $TestDrive 'installed.json'
            # .NET names a special folder only once it exists; a missing one would put the store in the current directory.
            $dataHome, $configHome, $cacheHome = '.local/share', '.config', '.cache' | ForEach-Object { Join-Path $privateHome $_ }
            New-Item -ItemType Directory $dataHome, $configHome, $cacheHome, $repository | Out-Null
            if (Test-Path $script:nupkg) { Copy-Item $script:nupkg $repository }
            $script:privateHome = $privateHome
            $script = {
                param($PrivateHome, $Repository, $ResultPath)
                $ErrorActionPreference = 'Stop'
                # Checked before registering anything: where the store is not in the private HOME (as on Windows, whose
                # folders HOME does not move), stop rather than write to the user's own.
                $store = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet'
                if (-not $store.StartsWith($PrivateHome)) { throw "PSResourceGet's store $store is outside the private HOME $PrivateHome." }
                Register-PSResourceRepository -Name OutboundPSPackageTest -Uri $Repository -Trusted
                $installed = Install-PSResource -Name OutboundPS -Repository OutboundPSPackageTest -Scope CurrentUser -PassThru
                Import-Module OutboundPS
                $module = Get-Module OutboundPS
                $help = foreach ($name in $module.ExportedCmdlets.Keys) {
                    $commandHelp = Get-Help $name
                    [pscustomobject]@{ Name = $name; Synopsis = [string]$commandHelp.Synopsis; Examples = @($commandHelp.examples.example | Where-Object { $_.title }).Count }
                }
                [pscustomobject]@{
                    Name              = $installed.Name
                    Version           = [string]$installed.Version
                    InstalledLocation = $installed.InstalledLocation
                    ModuleBase        = $module.ModuleBase
                    ModuleVersion     = [string]$module.Version
                    Files             = @(Get-ChildItem $module.ModuleBase -Recurse -File | ForEach-Object { [System.IO.Path]::GetRelativePath($module.ModuleBase, $_.FullName).Replace('\', '/') })
                    Commands          = @(Get-Command -Module OutboundPS | ForEach-Object Name)
                    Help              = @($help)
                    About             = Get-Help about_OutboundPS | Out-String
                    # libphonenumber's metadata and geocoder data, read inside the installed module.
                    Regions           = @(Test-OutboundPhone 13800138000, '0551-65123456' | ForEach-Object Region)
                } | ConvertTo-Json -Depth 4 | Set-Content $ResultPath -Encoding utf8
            }
            $command = "& { $script } '$privateHome' '$repository' '$script:resultPath'"
            # The module path: pwsh puts the private HOME's own in front; PowerShell's own Modules has PSResourceGet.
            $environment = @{
                HOME = $privateHome; XDG_DATA_HOME = $dataHome; XDG_CONFIG_HOME = $configHome; XDG_CACHE_HOME = $cacheHome
                PSModulePath = Join-Path $PSHOME 'Modules'
            }
            $script:installRun = Invoke-ChildPwsh -Script $command -Environment $environment -TimeoutSeconds 180
            $script:installed = if (Test-Path $script:resultPath) { Get-Content $script:resultPath -Raw | ConvertFrom-Json }
        }

        It 'installs and imports without an error' {
            $script:installRun.ExitCode | Should -Be 0 -Because $script:installRun.Output
            $script:installed | Should -Not -BeNullOrEmpty
        }

        It 'Install-PSResource installs OutboundPS at the manifest version, with every module file, into the private HOME' {
            $script:installed.Name | Should -Be 'OutboundPS'
            $script:installed.Version | Should -Be $script:manifest.ModuleVersion
            $script:installed.InstalledLocation | Should -BeLike "$script:privateHome*"
            foreach ($file in $script:moduleFiles) { $script:installed.Files | Should -Contain $file }
        }

        It 'Import-Module OutboundPS loads the installed copy and exports exactly the manifest''s CmdletsToExport' {
            $script:installed.ModuleBase | Should -BeLike "$script:privateHome*"
            $script:installed.ModuleVersion | Should -Be $script:manifest.ModuleVersion
            ($script:installed.Commands | Sort-Object) | Should -Be ($script:manifest.CmdletsToExport | Sort-Object)
        }

        It 'Test-OutboundPhone reads libphonenumber''s data from the installed package: 北京市, 安徽省合肥市' {
            $script:installed.Regions | Should -Be @('北京市', '安徽省合肥市')
        }

        It 'Get-Help shows the packaged help: each cmdlet''s synopsis from the MAML, with examples, and about_OutboundPS' {
            $maml = [xml](Get-Content (Join-Path $script:moduleFolder 'en-US/OutboundPS.dll-Help.xml') -Raw)
            $synopses = @{}
            $namespace = @{ command = 'http://schemas.microsoft.com/maml/dev/command/2004/10' }
            foreach ($details in (Select-Xml -Xml $maml -XPath '/*/command:command/command:details' -Namespace $namespace).Node) {
                $synopses[$details.name] = ($details.description.para -join "`n").Trim()
            }
            $synopses.Keys | Should -HaveCount $script:manifest.CmdletsToExport.Count
            @($script:installed.Help) | Should -HaveCount $script:manifest.CmdletsToExport.Count
            foreach ($help in $script:installed.Help) {
                $help.Synopsis.Trim() | Should -Be $synopses[$help.Name] -Because "$($help.Name)'s help comes from the MAML"
                $help.Examples | Should -BeGreaterThan 0 -Because "$($help.Name)'s help has examples"
            }
            $about = (Get-Content (Join-Path $script:moduleFolder 'en-US/about_OutboundPS.help.txt') -Raw -Encoding utf8).Trim()
            ($script:installed.About -replace '\s+', ' ').Trim() | Should -Be ($about -replace '\s+', ' ')
        }
    }
}
