using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;

namespace OutboundPS.Blocklists;

/// <summary>Finding a group, and deleting one, which the vendor does only when it is empty (docs/vendors/byrobot.md#companyblacklistgroupdelete).</summary>
internal static class BlocklistRemoval
{
    /// <summary>The group with this id, read from the vendor's list; ObjectNotFound when there is none.</summary>
    internal static async Task<OutboundBlocklist> FindAsync(OutboundSession session, IBlocklists lists, string id, CancellationToken cancellationToken) =>
        (await lists.GetListsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(l => l.Id == id)
        ?? throw OutboundErrors.BlocklistNotFound(session.Vendor, "Id", id);

    /// <summary>
    /// Deletes the group. One that still holds numbers is refused here with the count, unless <paramref name="force"/>,
    /// which removes its numbers first (reported through <paramref name="removed"/>); the default group is never deleted.
    /// </summary>
    internal static async Task RemoveAsync(OutboundSession session, IBlocklists lists, OutboundBlocklist list, bool force, Action<OutboundBlocklistNumber>? removed,
        CancellationToken cancellationToken)
    {
        if (list.Id == lists.DefaultListId)
            throw OutboundErrors.InvalidArgument("Id", list.Id, $"is {session.Vendor}'s default group, where numbers added without -ListId go; it cannot be deleted.",
                $"To empty it: Get-OutboundBlocklistNumber -ListId {list.Id} | Remove-OutboundBlocklistNumber.");
        var held = (await lists.GetNumberPageAsync(list.Id, 1, cancellationToken, pageSize: 1).ConfigureAwait(false)).Total;
        if (held > 0 && !force) throw OutboundErrors.BlocklistNotEmpty(session.Vendor, list.Id, list.Name, held);
        while (held > 0)
        {
            // Always the first page: every number removed moves the rest up.
            var page = await lists.GetNumberPageAsync(list.Id, 1, cancellationToken).ConfigureAwait(false);
            if (page.Numbers.Count == 0) break;
            var removedHere = 0;
            foreach (var number in page.Numbers)
            {
                if (!await lists.RemoveNumberAsync(list.Id, number.Phone, cancellationToken).ConfigureAwait(false)) continue;
                removedHere++;
                removed?.Invoke(number);
            }

            if (removedHere == 0)
                throw OutboundErrors.BlocklistNotEmpty(session.Vendor, list.Id, list.Name, page.Total);
            // Only what was removed counts: a number the vendor would not remove is still there, and the group is not empty.
            held = page.Total - removedHere;
        }

        await lists.RemoveListAsync(list.Id, cancellationToken).ConfigureAwait(false);
    }
}
