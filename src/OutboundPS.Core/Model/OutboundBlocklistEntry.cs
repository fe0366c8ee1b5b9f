namespace OutboundPS;

/// <summary>One number given to Add-OutboundBlocklistNumber and where it ended (the result's Numbers, with -PassThru).</summary>
public sealed class OutboundBlocklistEntry
{
    internal OutboundBlocklistEntry(long inputNumber, string? input)
    {
        InputNumber = inputNumber;
        Input = input;
    }

    /// <summary>The number's position in the input, from 1.</summary>
    public long InputNumber { get; }

    /// <summary>The phone text as given.</summary>
    public string? Input { get; }

    /// <summary>The number as sent (national digits); null when it was refused before sending.</summary>
    public string? Phone { get; internal set; }

    /// <summary>The name sent with the number.</summary>
    public string? Name { get; internal set; }

    /// <summary>Where the number ended.</summary>
    public BlocklistOutcome Outcome { get; internal set; }

    /// <summary>Why it ended there, for every outcome but Added.</summary>
    public string? Reason { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Input}: {Outcome}";
}
