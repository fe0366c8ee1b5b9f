namespace OutboundPS.Blocklists;

/// <summary>How Add-OutboundBlocklistNumber reads its input and sends it.</summary>
internal sealed class BlocklistAddOptions
{
    /// <summary>The group; the vendor's default group when null.</summary>
    internal string? ListId { get; set; }

    internal string? PhoneProperty { get; set; }

    internal string? NameProperty { get; set; }

    /// <summary>The note stored with every number.</summary>
    internal string? Remark { get; set; }

    /// <summary>Numbers a batch request; the vendor's default when null.</summary>
    internal int? BatchSize { get; set; }

    /// <summary>Keep a record of every number in the result (-PassThru).</summary>
    internal bool KeepNumbers { get; set; }
}
