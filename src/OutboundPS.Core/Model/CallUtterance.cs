using System;

namespace OutboundPS;

/// <summary>One turn of a call's transcript.</summary>
public sealed class CallUtterance
{
    internal CallUtterance(CallSpeaker speaker, string text)
    {
        Speaker = speaker;
        Text = text;
    }

    /// <summary>Robot or Customer.</summary>
    public CallSpeaker Speaker { get; }

    /// <summary>What was said (the robot's prompt, or the customer's recognised speech).</summary>
    public string Text { get; }

    /// <summary>Where in the call it was said, from the start of the conversation, where the vendor says.</summary>
    public TimeSpan? Offset { get; internal set; }

    /// <summary>The branch, FAQ or intent tag the customer's words matched (BYRobot userMean, yeta tag_name), where given.</summary>
    public string? Intent { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Speaker}: {Text}";
}
