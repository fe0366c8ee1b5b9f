@{
    RootModule           = 'OutboundPS.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f3c4e-8d7a-4f61-9a53-2e4c1d7b9a10'
    Author               = 'OutboundPS contributors'
    CompanyName          = 'OutboundPS'
    Copyright            = '(c) OutboundPS contributors. MIT License.'
    Description          = 'Drive AI outbound-calling platforms (iFlytek yeta, BYRobot) from PowerShell: call tasks, customer imports from Import-Csv, progress and single calls.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('OutboundPS.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Outbound'
        'Disconnect-Outbound'
        'Get-OutboundSession'
        'Get-OutboundLine'
        'Get-OutboundRobot'
        'Get-OutboundSeat'
        'Get-OutboundSmsTemplate'
        'Get-OutboundBlocklist'
        'New-OutboundBlocklist'
        'Set-OutboundBlocklist'
        'Remove-OutboundBlocklist'
        'Get-OutboundBlocklistNumber'
        'Add-OutboundBlocklistNumber'
        'Remove-OutboundBlocklistNumber'
        'New-OutboundTask'
        'Get-OutboundTask'
        'Set-OutboundTask'
        'Start-OutboundTask'
        'Suspend-OutboundTask'
        'Stop-OutboundTask'
        'Remove-OutboundTask'
        'Wait-OutboundTask'
        'Import-OutboundCustomer'
        'Invoke-OutboundCall'
        'Get-OutboundCallRecord'
        'ConvertFrom-OutboundPush'
        'Receive-OutboundPush'
        'Test-OutboundPhone'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Outbound', 'CallCenter', 'AI', 'iFlytek', 'BYRobot', 'Telephony', 'Windows', 'Linux', 'macOS', 'PSEdition_Core', 'PSEdition_Desktop')
            # No ProjectUri, LicenseUri or HelpInfoURI: the project has no public address yet, and a link that points
            # nowhere is worse than none. The MIT licence ships as LICENSE inside the module; CHANGELOG.md has the history.
            ReleaseNotes = @'
0.1.0, the first release: iFlytek yeta and BYRobot behind one set of cmdlets (sessions, lines, robots, tasks,
imports from Import-Csv, single calls, Wait-OutboundTask, call results from reads and pushes), Windows PowerShell 5.1
and PowerShell 7.4+, an in-process sandbox of each vendor. Checked in a real PowerShell host; Export-Csv of every
output type gives readable cells; Import-OutboundCustomer -NotAcceptedPath and -ErrorLimit (default 100) for
runbooks; tab completion; proxy, timeout and retry settings; packaged for Azure Automation and the PowerShell Gallery.
'@
        }
    }
}
