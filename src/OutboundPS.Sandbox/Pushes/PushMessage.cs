using System;
using System.Text;

namespace OutboundPS.Sandbox.Pushes;

/// <summary>One record a simulator pushes: its module (yeta) or dataType (BYRobot), the JSON body, and what happened to it.</summary>
public sealed class PushMessage
{
    /// <summary>Creates a message for a body produced at <paramref name="created"/> (simulated clock).</summary>
    public PushMessage(string module, string body, DateTimeOffset created)
    {
        Module = module;
        Body = body;
        Created = created;
    }

    /// <summary>yeta's module (receiveCallRecord, receiveVoice, receiveDialog) or BYRobot's dataType.</summary>
    public string Module { get; }

    /// <summary>The raw JSON body, as posted.</summary>
    public string Body { get; }

    /// <summary>When the record was produced, on the simulated clock.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>Deliveries tried so far.</summary>
    public int Attempts { get; internal set; }

    /// <summary>Called once the receiver acknowledged the push (from the sender's thread).</summary>
    public Action<PushMessage>? Delivered { get; set; }

    /// <summary>Called when the sender gives up after the rule's last attempt (from the sender's thread).</summary>
    public Action<PushMessage>? GaveUp { get; set; }

    internal byte[] Bytes => Encoding.UTF8.GetBytes(Body);
}
