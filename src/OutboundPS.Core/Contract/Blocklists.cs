using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutboundPS.Contract;

/// <summary>
/// A client that keeps the account's blocklists (BYRobot's 黑名单: groups of numbers the vendor never dials); a vendor
/// whose client lacks it declares Blocklists missing, and IOutboundClient.Blocklists answers NotImplemented.
/// </summary>
internal interface IBlocklists
{
    /// <summary>The id of the group numbers go to when none is named.</summary>
    string DefaultListId { get; }

    /// <summary>Numbers a batch request carries by default.</summary>
    int BatchSize { get; }

    /// <summary>The most numbers a batch request may carry.</summary>
    int BatchLimit { get; }

    Task<IReadOnlyList<OutboundBlocklist>> GetListsAsync(CancellationToken cancellationToken);

    /// <summary>Creates a group; the group as created (its publicFlag unknown).</summary>
    Task<OutboundBlocklist> NewListAsync(string name, string? remark, CancellationToken cancellationToken);

    /// <summary>Renames a group or changes its note; both are sent, as the vendor needs the name.</summary>
    Task SetListAsync(string listId, string name, string? remark, CancellationToken cancellationToken);

    /// <summary>Deletes an empty group.</summary>
    Task RemoveListAsync(string listId, CancellationToken cancellationToken);

    /// <summary>One page (1-based) of a group's numbers, the vendor's page size at a time, or <paramref name="pageSize"/> when given.</summary>
    Task<BlocklistNumberPage> GetNumberPageAsync(string listId, int pageIndex, CancellationToken cancellationToken, int? pageSize = null);

    /// <summary>Adds one number to the default group; the new entry's id.</summary>
    Task<string?> AddToDefaultListAsync(BlocklistNumberSpec number, CancellationToken cancellationToken);

    /// <summary>Adds numbers to a group in one request; the vendor's counts.</summary>
    Task<BlocklistBatchCount> AddNumbersAsync(string listId, IReadOnlyList<BlocklistNumberSpec> numbers, CancellationToken cancellationToken);

    /// <summary>Removes one number from a group; false when the vendor reports nothing removed.</summary>
    Task<bool> RemoveNumberAsync(string listId, string phone, CancellationToken cancellationToken);
}

/// <summary>One number to add: national digits, the name to store with it, an optional note.</summary>
internal sealed class BlocklistNumberSpec
{
    internal BlocklistNumberSpec(string phone, string name, string? remark)
    {
        Phone = phone;
        Name = name;
        Remark = remark;
    }

    internal string Phone { get; }
    internal string Name { get; }
    internal string? Remark { get; }
}

/// <summary>What a batch request reports: numbers it read and numbers it stored, not which.</summary>
internal sealed class BlocklistBatchCount
{
    internal BlocklistBatchCount(int? requested, int stored)
    {
        Requested = requested;
        Stored = stored;
    }

    internal int? Requested { get; }
    internal int Stored { get; }
}

/// <summary>One page of a group's numbers, and how many the group holds.</summary>
internal sealed class BlocklistNumberPage
{
    internal BlocklistNumberPage(IReadOnlyList<OutboundBlocklistNumber> numbers, long total)
    {
        Numbers = numbers;
        Total = total;
    }

    internal IReadOnlyList<OutboundBlocklistNumber> Numbers { get; }

    /// <summary>Numbers the group holds over all pages.</summary>
    internal long Total { get; }
}
