namespace OutboundPS.Contract;

/// <summary>What a vendor demands of every customer row, checked per row so that one bad row never fails a batch.</summary>
internal sealed class CustomerRules
{
    /// <summary>The vendor's name as messages give it.</summary>
    internal string VendorName { get; set; } = string.Empty;

    /// <summary>Whether the vendor dials landlines; otherwise only mobiles.</summary>
    internal bool AcceptsLandlines { get; set; }

    /// <summary>Why landlines are refused, when they are.</summary>
    internal string? LandlineRefusal { get; set; }

    /// <summary>Whether every customer needs a non-blank name.</summary>
    internal bool RequiresName { get; set; }

    /// <summary>Whether numbers in ranges libphonenumber's metadata does not list are dialled anyway (-AllowUnassignedRange).</summary>
    internal bool AllowUnassignedRange { get; set; }

    /// <summary>These rules, with unassigned ranges allowed or not as the user chose.</summary>
    internal CustomerRules WithUnassignedRange(bool allow)
    {
        if (allow == AllowUnassignedRange) return this;
        var rules = Copy();
        rules.AllowUnassignedRange = allow;
        return rules;
    }

    /// <summary>
    /// The rules for a single call: the vendors' call APIs (BYRobot singleCallByMobile, whose userName is optional;
    /// iFlytek callout) take no name, so only the import's name rule is dropped.
    /// </summary>
    internal CustomerRules ForSingleCall()
    {
        var rules = Copy();
        rules.RequiresName = false;
        return rules;
    }

    // Every rule carried over, so a rule added later is not lost in a variant.
    private CustomerRules Copy() => (CustomerRules)MemberwiseClone();
}
