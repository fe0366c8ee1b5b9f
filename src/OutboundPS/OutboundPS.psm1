# Loads the build of OutboundPS that fits this PowerShell: .NET 8 for PowerShell 7.4+, .NET Standard 2.0 for Windows PowerShell 5.1.

function Assert-SupportedHost {
    # PowerShell 7.0-7.3 run on .NET Core 3.1-7, which cannot load the net8.0 assemblies: say so instead of failing to load a type.
    param([version] $Version, [string] $Edition)
    $minimumCore = [version]'7.4'
    if ($Edition -eq 'Core' -and $Version -lt $minimumCore) {
        throw ("OutboundPS needs PowerShell {0} or later (or Windows PowerShell 5.1); this is PowerShell {1}. " +
            'Install PowerShell 7.4 or later: https://learn.microsoft.com/powershell/scripting/install/installing-powershell') -f $minimumCore, $Version
    }
}

Assert-SupportedHost -Version $PSVersionTable.PSVersion -Edition $PSEdition
$framework = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'netstandard2.0' }
$binaryModule = Import-Module -Name (Join-Path $PSScriptRoot "$framework/OutboundPS.dll") -PassThru -ErrorAction Stop
# ExportedCmdlets.Keys is a KeyCollection, which -Cmdlet does not bind as names: without the cast nothing is exported.
Export-ModuleMember -Cmdlet ([string[]]$binaryModule.ExportedCmdlets.Keys)
$ExecutionContext.SessionState.Module.OnRemove = { Remove-Module -ModuleInfo $binaryModule -ErrorAction SilentlyContinue }
