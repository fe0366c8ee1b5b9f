# Tab completion of -Id/-TaskId, -RobotId, -Line, -Voice and -Session, through TabExpansion2 as a console would ask,
# in a fresh runspace whose sessions are the sandbox's (sessions belong to their runspace).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    $script:runspace = [runspacefactory]::CreateRunspace()
    $script:runspace.Open()
    Invoke-InRunspace -Runspace $script:runspace -ArgumentList (Get-BuiltModulePath) -ScriptBlock {
        param($Path)
        Import-Module $Path -ErrorAction Stop
        Connect-Outbound -Vendor ByRobot -Sandbox -Name 'by robot'
        Connect-Outbound -Vendor IFlytek -Sandbox -Name yeta
        $null = New-OutboundTask -Name 'Spring recall' -RobotId 720 -Line 055169101401 -Confirm:$false
    }

    function Get-Completion {
        <# What TabExpansion2 offers at the end of a command line, in the test runspace: text, list text and tooltip. #>
        param([Parameter(Mandatory)] [string] $Line)
        Invoke-InRunspace -Runspace $script:runspace -ArgumentList $Line -ScriptBlock {
            param($Line)
            (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
        }
    }
}

AfterAll {
    Invoke-InRunspace -Runspace $script:runspace -ScriptBlock { Get-OutboundSession | Disconnect-Outbound }
    $script:runspace.Dispose()
}

Describe 'Tab completion against the sandbox' {
    It 'completes -Id with the recent tasks of the default session, showing their names' {
        $offered = @(Get-Completion 'Start-OutboundTask -Id ')
        $offered | Should -Not -BeNullOrEmpty
        $spring = $offered | Where-Object ListItemText -like '*Spring recall*'
        $spring | Should -HaveCount 1
        $spring.CompletionText | Should -Match '^\d+$'
    }

    It 'completes -TaskId by part of the task''s name' {
        (Get-Completion 'Import-OutboundCustomer -TaskId recall').ListItemText | Should -BeLike '*Spring recall*'
    }

    It 'completes -RobotId and -Line in the session -Session names' {
        (Get-Completion "New-OutboundTask -Session 'by robot' -RobotId ").CompletionText | Should -Contain '5002'
        (Get-Completion 'New-OutboundTask -Session yeta -Line ').CompletionText | Should -Contain '055169101401'
    }

    It 'completes -Voice with iFlytek''s voices and nothing on BYRobot' {
        $voices = @(Get-Completion 'New-OutboundTask -Session yeta -Voice ')
        $voices.CompletionText | Should -Contain '60030'
        ($voices | Where-Object CompletionText -EQ '60030').ListItemText | Should -BeLike '*晓峰*'
        @(Get-Completion "Invoke-OutboundCall -Session 'by robot' -Voice ") | Should -HaveCount 0
    }

    It 'completes -Session with session names, quoted when they need it' {
        (Get-Completion 'Get-OutboundLine -Session ').CompletionText | Should -Be @("'by robot'", 'yeta')
    }

    It 'completes nothing, and says nothing, for a session that does not exist' {
        $result = Invoke-InRunspace -Runspace $script:runspace -ScriptBlock {
            $line = 'Get-OutboundRobot -Session nowhere -Id '
            $before = $Error.Count
            $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            [pscustomobject]@{ Count = @($found).Count; NewErrors = $Error.Count - $before }
        }
        $result.Count | Should -Be 0
        $result.NewErrors | Should -Be 0
    }
}
