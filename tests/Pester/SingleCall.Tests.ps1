# Invoke-OutboundCall as users type it: a single call needs what the vendor's call API needs (BYRobot
# singleCallByMobile: phone, robot, scene, recording and the script's variables; iFlytek callout: phone, robot, line and
# the robot's columns), not a name of its own, and its errors name the parameter.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force
}

Describe 'A single call on the ByRobot sandbox' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor ByRobot -Sandbox -Name pester-single-byrobot -PassThru
    }
    AfterAll {
        Disconnect-Outbound -Session $script:session
    }

    It 'calls a number with no -Name, given robot 5001''s variables (客户名称, 金额)' {
        $result = Invoke-OutboundCall -Phone 13800000099 -RobotId 5001 -Variable @{ 客户名称 = '张三'; 金额 = '100' } -Confirm:$false -WarningAction SilentlyContinue
        $result | Should -HaveCount 1
        $result.Phone | Should -Be '13800000099'
        $result.Accepted | Should -BeTrue
    }

    It 'refuses a call that lacks a script variable before sending, naming -Variable and the variable' {
        { Invoke-OutboundCall -Phone 13800000099 -RobotId 5001 -Name '张三' -Confirm:$false -WarningAction SilentlyContinue -ErrorAction Stop } |
            Should -Throw -ErrorId 'OutboundPS.InvalidArgument.Variable*' -ExpectedMessage '*金额*'
    }

    It 'reports a bad number as an error about -Phone, not about a row of an import' {
        $null = Invoke-OutboundCall -Phone 12345 -RobotId 5001 -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OutboundPS.InvalidArgument.Phone,*'
        $failures[0].Exception.Message | Should -BeLike "-Phone '12345': *"
        $failures[0].Exception.Message | Should -Not -Match 'Row|import'
    }
}

Describe 'A single call on the IFlytek sandbox' {
    BeforeAll {
        $script:session = Connect-Outbound -Vendor IFlytek -Sandbox -Name pester-single-iflytek -PassThru
    }
    AfterAll {
        Disconnect-Outbound -Session $script:session
    }

    It 'calls a number with what robot 720''s columns ask (姓名), as callout takes it: phone, robot, line, the robot''s columns' {
        $result = Invoke-OutboundCall -Phone 13800000099 -RobotId 720 -Line 055169101401 -Name '张三' -Confirm:$false
        $result | Should -HaveCount 1
        $result.Accepted | Should -BeTrue
    }
}
