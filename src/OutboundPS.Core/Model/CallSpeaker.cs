namespace OutboundPS;

/// <summary>Who said an utterance of a call transcript.</summary>
public enum CallSpeaker
{
    /// <summary>The robot (BYRobot speaker AI, yeta role robot).</summary>
    Robot,
    /// <summary>The customer (BYRobot speaker ME, yeta role customer).</summary>
    Customer,
}
