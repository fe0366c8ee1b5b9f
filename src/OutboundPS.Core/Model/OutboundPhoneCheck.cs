namespace OutboundPS;

/// <summary>What a phone number is, by libphonenumber's metadata.</summary>
public enum OutboundPhoneKind
{
    /// <summary>Not a mainland number at all: empty, foreign, damaged (Reason says how).</summary>
    Invalid,

    /// <summary>A mobile in an assigned range.</summary>
    Mobile,

    /// <summary>A landline in an assigned range.</summary>
    Landline,

    /// <summary>Shaped like a mobile or a landline, in a range the library's metadata does not list.</summary>
    Unassigned,

    /// <summary>A 400 number: a company's service line.</summary>
    SharedCost,

    /// <summary>An 800 number: a company's toll-free service line.</summary>
    TollFree,

    /// <summary>A short service code such as 95588, 10086 or 110.</summary>
    ShortCode,

    /// <summary>Another service number (premium rate, VoIP and the like).</summary>
    OtherService,
}

/// <summary>One number checked by Test-OutboundPhone: how it reads, what it is, whether OutboundPS would dial it, where it is.</summary>
public sealed class OutboundPhoneCheck
{
    internal OutboundPhoneCheck(object? input, string? text)
    {
        Input = text;
        InputObject = input;
    }

    /// <summary>The phone text as given (the row's phone column for a row).</summary>
    public string? Input { get; }

    /// <summary>The national digits, trunk 0 kept for a landline (13800138000, 055165123456); null when the text holds no mainland number.</summary>
    public string? National { get; internal set; }

    /// <summary>The international form (+8613800138000), for numbers the library knows.</summary>
    public string? E164 { get; internal set; }

    /// <summary>What the number is.</summary>
    public OutboundPhoneKind Kind { get; internal set; }

    /// <summary>Whether Import-OutboundCustomer and Invoke-OutboundCall would dial it (with the same -AllowUnassignedRange).</summary>
    public bool Valid { get; internal set; }

    /// <summary>Why not, with what to do; null when valid.</summary>
    public string? Reason { get; internal set; }

    /// <summary>Province and city by libphonenumber's offline geocoder (北京市, 安徽省合肥市; 中国 where it knows only the country).</summary>
    public string? Region { get; internal set; }

    /// <summary>What came down the pipeline: the string, or the whole row.</summary>
    public object? InputObject { get; }

    /// <inheritdoc />
    public override string ToString() => Valid ? $"{National} ({Kind})" : $"{Input}: {Reason}";
}
