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
    /// which removes its numbers first; the default group is never deleted. Returns how many numbers were removed.
    /// </summary>
    internal static async Task<long> RemoveAsync(OutboundSession session, IBlocklists lists, OutboundBlocklist list, bool force, CancellationToken cancellationToken)
    {
        if (list.Id == lists.DefaultListId)
            throw OutboundErrors.InvalidArgument("Id", list.Id, $"is {session.Vendor}'s default group, where numbers added without -ListId go; it cannot be deleted.",
                $"To empty it: Get-OutboundBlocklistNumber -ListId {list.Id} | Remove-OutboundBlocklistNumber.");
        // Without -Force only the count matters, which a page of one number carries; with it, the page is the first to remove.
        var page = await lists.GetNumberPageAsync(list.Id, 1, cancellationToken, pageSize: force ? null : 1).ConfigureAwait(false);
        if (page.Total > 0 && !force) throw OutboundErrors.BlocklistNotEmpty(session.Vendor, list.Id, list.Name, page.Total);
        long removed = 0;
        while (page.Numbers.Count > 0)
        {
            var removedHere = 0;
            foreach (var number in page.Numbers)
            {
                if (await lists.RemoveNumberAsync(list.Id, number.Phone, cancellationToken).ConfigureAwait(false)) removedHere++;
            }

            if (removedHere == 0)
                throw OutboundErrors.BlocklistNotEmpty(session.Vendor, list.Id, list.Name, page.Total);
            removed += removedHere;
            // Only what was removed counts: a number the vendor would not remove is still there, and the group is not empty.
            if (page.Total - removedHere <= 0) break;
            // Always the first page: every number removed moves the rest up.
            page = await lists.GetNumberPageAsync(list.Id, 1, cancellationToken).ConfigureAwait(false);
        }

        await lists.RemoveListAsync(list.Id, cancellationToken).ConfigureAwait(false);
        return removed;
    }
}
