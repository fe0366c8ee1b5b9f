namespace OutboundPS.Contract;

/// <summary>Which documented push a body is (docs/vendors/byrobot.md#callbacks, docs/vendors/iflytek.md#pushes).</summary>
internal enum PushKind
{
    /// <summary>BYRobot CALL_INSTANCE_RESULT with a sceneInstance: one finished outbound call.</summary>
    ByRobotCallRecord,
    /// <summary>BYRobot CALL_INSTANCE_RESULT without a sceneInstance: a CRM user changed an earlier call's intent level.</summary>
    ByRobotIntentChange,
    /// <summary>BYRobot JOB_INFO_RESULT: a task's status changed.</summary>
    ByRobotTaskStatus,
    /// <summary>BYRobot INBOUND_CALL_INSTANCE_RESULT: one inbound call.</summary>
    ByRobotInboundCallRecord,
    /// <summary>yeta receiveCallRecord: the basic or the outbound record of a call.</summary>
    IFlytekCallRecord,
    /// <summary>yeta receiveVoice: a call's recording.</summary>
    IFlytekVoice,
    /// <summary>yeta receiveDialog: a call's conversation.</summary>
    IFlytekDialog,
}
