namespace OutboundPS.Completion;

/// <summary>One completion: the text inserted, the text listed, and the tooltip. Never carries a secret.</summary>
internal sealed class CompletionItem
{
    internal CompletionItem(string value, string listItemText, string toolTip)
    {
        Value = value;
        ListItemText = listItemText;
        ToolTip = toolTip;
    }

    /// <summary>The argument as typed (quoted when PowerShell needs it).</summary>
    internal string Value { get; }

    internal string ListItemText { get; }

    internal string ToolTip { get; }
}
