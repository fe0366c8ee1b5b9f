# ConvertFrom-OutboundPush in a real pwsh: push bodies as text, bytes and the objects an HTTP trigger parses them into.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModulePath) -Force

    # The documented callback (docs/vendors/byrobot.md#call_instance_result).
    $script:byRobotCall = '{"code":200,"data":{"dataType":"CALL_INSTANCE_RESULT","data":{"sceneInstance":{"callInstanceId":1,"companyId":1,"callJobId":1,"customerId":1,"customerTelephone":"137xxxxxxxx","status":2,"finishStatus":0,"duration":35,"chatRound":3,"startTime":"2019-01-12 16:09:32","luyinOssUrl":"https://…wav","properties":"{…}","callType":1,"hangUp":1},"taskResult":[{"resultName":"客户意向等级","resultValue":"C级(很少)","resultValueAlias":"C","resultValueNew":"C级(明确拒绝)"}],"phoneLog":{"phoneLogs":[{"speaker":"AI","content":"喂，您好…","aiUnknown":false,"startTime":0,"endTime":0}],"luyinOssUrl":"https://…wav"},"jobFinished":false,"sign":"PESTER-SIGN-VALUE","dateTime":"Thu Oct 16 07:13:48 GMT 2014"}},"resultMsg":"成功","errorStackTrace":null}'
    $script:byRobotJob = '{"code":200,"data":{"dataType":"JOB_INFO_RESULT","data":{"callJobId":13487,"companyId":21,"jobName":"六月回访","status":2,"workingStartTime":"09:00:00","workingEndTime":"18:00:00"}}}'
    # The documented outbound record (docs/vendors/iflytek.md#receivecallrecord), and the recording and dialog of the same call.
    $script:yetaRecord = '{"business_id":"2745","robot_id":"2745001","call_uuid":"123425c-…","task_id":"0","task_data_id":"262381","caller":"055196866001","callee":"19900000001","direction":2,"time_dial":1527737756729,"time_answer":1527737763429,"time_hangup":1527737784829,"duration_ring":7,"duration_call":28,"task_result":"0","task_result_desc":"成功","task_tries":0,"task_row_index":1,"task_row_head":["客户手机号码"],"task_row_value":["19900000001"]}'
    $script:yetaVoice = '{"call_uuid":"123425c-…","task_data_id":"262381","url":"ant/4/ivr/0/2018/05/31/0/123425c.wav","size":448044,"duration":28}'
    $script:yetaDialog = '{"call_uuid":"123425c-…","tag_max":"B","time_begin":1527737763429,"dialog":[{"seq":"1","role":"robot","text_robot":"您好"},{"seq":"2","role":"customer","text_man":"嗯","tag_name":"B"}]}'
}

Describe 'ConvertFrom-OutboundPush' {
    It 'reads a BYRobot callback given as text' {
        $record = $script:byRobotCall | ConvertFrom-OutboundPush
        $record.GetType().FullName | Should -Be 'OutboundPS.OutboundCallRecord'
        $record.Outcome | Should -Be 'Answered'
        $record.Intent | Should -Be 'C'
        $record.Dialled | Should -Be ([DateTimeOffset]::new(2019, 1, 12, 16, 9, 32, [TimeSpan]::FromHours(8)))
    }

    It 'reads the same callback as a trigger hands it over: <Shape>' -ForEach @(
        @{ Shape = 'hashtable'; Parse = { param($json) $json | ConvertFrom-Json -AsHashtable } }
        @{ Shape = 'PSCustomObject'; Parse = { param($json) $json | ConvertFrom-Json } }
        @{ Shape = 'UTF-8 bytes'; Parse = { param($json) , [System.Text.Encoding]::UTF8.GetBytes($json) } }
    ) {
        $parsed = & $Parse $script:byRobotCall
        $record = ConvertFrom-OutboundPush -InputObject $parsed
        $record.CallId | Should -Be '1'
        $record.IntentLabel | Should -Be 'C级(明确拒绝)'
        $record.Duration | Should -Be ([TimeSpan]::FromSeconds(35))
        $record.Transcript[0].Text | Should -Be '喂，您好…'
    }

    It 'turns a task-status callback into an OutboundTask' {
        $task = $script:byRobotJob | ConvertFrom-OutboundPush
        $task.GetType().FullName | Should -Be 'OutboundPS.OutboundTask'
        $task.Id | Should -Be '13487'
        $task.Status | Should -Be 'Completed'
    }

    It 'merges the pushes of one yeta call into one record, in any order' {
        $records = @($script:yetaDialog, $script:yetaRecord, $script:yetaVoice | ConvertFrom-OutboundPush)
        $records | Should -HaveCount 1
        $records[0].Phone | Should -Be '19900000001'
        $records[0].Intent | Should -Be 'B'
        $records[0].RecordingUri | Should -Be 'http://voice.kxjlcc.com:9000/ant/4/ivr/0/2018/05/31/0/123425c.wav'
        $records[0].Transcript | Should -HaveCount 2
    }

    It 'resolves recordings against -RecordingBaseUri' {
        $record = $script:yetaVoice | ConvertFrom-OutboundPush -RecordingBaseUri 'https://voice.example.cn/rec/'
        $record.RecordingUri | Should -Be 'https://voice.example.cn/rec/ant/4/ivr/0/2018/05/31/0/123425c.wav'
    }

    It 'writes a non-terminating OutboundPS.InvalidPush error for a bad body and goes on' {
        $bad = '<html>502 Bad Gateway</html>'
        $records = @($bad, $script:byRobotCall | ConvertFrom-OutboundPush -ErrorVariable problems -ErrorAction SilentlyContinue)
        $records | Should -HaveCount 1
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'OutboundPS.InvalidPush,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be $bad
        $problems[0].Exception.Message | Should -BeLike '*<html>502 Bad Gateway</html>*'
    }

    It 'never quotes a callback signature in an error' {
        $body = $script:byRobotCall.Replace('"dataType":"CALL_INSTANCE_RESULT"', '"dataType":"NO_SUCH_TYPE"').Replace('{"code":200,', '{"sign":"PESTER-SIGN-VALUE","code":200,')
        $body | ConvertFrom-OutboundPush -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        ($problems[0] | Out-String) | Should -Not -BeLike '*PESTER-SIGN-VALUE*'
        # Get-Error and Format-List * show the target in full: it is the body with the sign redacted.
        $problems[0].TargetObject | Should -Not -BeLike '*PESTER-SIGN-VALUE*'
        $problems[0].TargetObject | Should -BeLike '*"sign":"<redacted>"*'
    }
}
