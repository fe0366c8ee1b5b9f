# Loads the build of OutboundPS that fits this PowerShell: .NET 8 for PowerShell 7.4+, .NET Standard 2.0 for Windows PowerShell 5.1.
$framework = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'netstandard2.0' }
$binaryModule = Import-Module -Name (Join-Path $PSScriptRoot "$framework/OutboundPS.dll") -PassThru -ErrorAction Stop
Export-ModuleMember -Cmdlet $binaryModule.ExportedCmdlets.Keys
$ExecutionContext.SessionState.Module.OnRemove = { Remove-Module -ModuleInfo $binaryModule -ErrorAction SilentlyContinue }
