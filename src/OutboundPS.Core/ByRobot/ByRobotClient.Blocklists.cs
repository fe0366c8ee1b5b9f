using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Contract;

namespace OutboundPS.ByRobot;

/// <summary>The company's blacklist (黑名单): groups and their numbers (docs/vendors/byrobot.md#blacklist).</summary>
internal sealed partial class ByRobotClient : IBlocklists
{
    internal const string AddBlacklistPath = "openapi/v1/company/addBlackList";
    internal const string AddBlacklistBatchPath = "openapi/v1/company/addBlackList/batch";
    internal const string BlacklistGroupsPath = "openapi/v1/company/blacklist/group/list";
    internal const string BlacklistPagePath = "openapi/v1/company/blacklist/info/page";
    internal const string BlacklistGroupAddPath = "openapi/v1/company/blacklist/group/add";
    internal const string BlacklistGroupEditPath = "openapi/v1/company/blacklist/group/edit";
    internal const string BlacklistDeletePath = "openapi/v1/company/blacklist/info/delete";
    internal const string BlacklistGroupDeletePath = "openapi/v1/company/blacklist/group/delete";

    public string DefaultListId => ByRobotVendor.DefaultBlacklistGroup.ToString(CultureInfo.InvariantCulture);

    public int BatchSize => ByRobotVendor.BlacklistBatchSize;

    public int BatchLimit => ByRobotVendor.BlacklistBatchLimit;

    public async Task<IReadOnlyList<OutboundBlocklist>> GetListsAsync(CancellationToken cancellationToken)
    {
        var groups = await GetAsync<ByRobotBlacklistGroup[]>(BlacklistGroupsPath, "company/blacklist/group/list", cancellationToken, Company()).ConfigureAwait(false)
            ?? Array.Empty<ByRobotBlacklistGroup>();
        return groups.Select(g => new OutboundBlocklist(_session, ByRobotTaskMapper.Id(g.BlacklistInfoGroupId), g.Name)
        {
            Remark = string.IsNullOrEmpty(g.Remark) ? null : g.Remark,
            Public = g.PublicFlag,
        }).ToArray();
    }

    public async Task<OutboundBlocklist> NewListAsync(string name, string? remark, CancellationToken cancellationToken)
    {
        var id = await PostAsync<long?>(BlacklistGroupAddPath, "company/blacklist/group/add",
            new ByRobotBlacklistGroupBody { CompanyId = CompanyId, Name = name, Remark = remark }, cancellationToken).ConfigureAwait(false)
            ?? throw OutboundErrors.UnreadableAnswer(Vendor, "company/blacklist/group/add", 200, "(no group id in data)");
        return new OutboundBlocklist(_session, id.ToString(CultureInfo.InvariantCulture), name) { Remark = remark };
    }

    public Task SetListAsync(string listId, string name, string? remark, CancellationToken cancellationToken) =>
        Confirmed(PostAsync<bool?>(BlacklistGroupEditPath, "company/blacklist/group/edit",
            new ByRobotBlacklistGroupBody { CompanyId = CompanyId, BlacklistInfoGroupId = ParseListId(listId), Name = name, Remark = remark }, cancellationToken),
            "company/blacklist/group/edit");

    public Task RemoveListAsync(string listId, CancellationToken cancellationToken) =>
        Confirmed(PostAsync<bool?>(BlacklistGroupDeletePath, "company/blacklist/group/delete",
            new ByRobotBlacklistDelete { CompanyId = CompanyId, BlacklistInfoGroupId = ParseListId(listId) }, cancellationToken),
            "company/blacklist/group/delete");

    public async Task<BlocklistNumberPage> GetNumberPageAsync(string listId, int pageIndex, CancellationToken cancellationToken, int? pageSize = null)
    {
        var query = Company();
        query["blacklistInfoGroupId"] = ParseListId(listId).ToString(CultureInfo.InvariantCulture);
        query["pageNum"] = pageIndex.ToString(CultureInfo.InvariantCulture);
        query["pageSize"] = (pageSize ?? ByRobotVendor.BlacklistPageSize).ToString(CultureInfo.InvariantCulture);
        var page = await GetAsync<ByRobotBlacklistPage>(BlacklistPagePath, "company/blacklist/info/page", cancellationToken, query).ConfigureAwait(false)
            ?? new ByRobotBlacklistPage();
        var items = page.List ?? Array.Empty<ByRobotBlacklistInfo>();
        var numbers = items.Select(i => new OutboundBlocklistNumber(_session, listId, i.BlacklistInfoId?.ToString(CultureInfo.InvariantCulture), i.Mobile ?? string.Empty)
        {
            Name = string.IsNullOrEmpty(i.Name) ? null : i.Name,
            Remark = string.IsNullOrEmpty(i.Remark) ? null : i.Remark,
            Created = ByRobotSchedule.DateTime(i.GmtCreate),
        }).ToArray();
        return new BlocklistNumberPage(numbers, page.Total ?? numbers.Length);
    }

    public async Task<string?> AddToDefaultListAsync(BlocklistNumberSpec number, CancellationToken cancellationToken)
    {
        var id = await PostAsync<long?>(AddBlacklistPath, "company/addBlackList",
            new ByRobotAddBlacklist { CompanyId = CompanyId, Mobile = number.Phone, Name = number.Name, Remark = number.Remark }, cancellationToken).ConfigureAwait(false);
        return id?.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<BlocklistBatchCount> AddNumbersAsync(string listId, IReadOnlyList<BlocklistNumberSpec> numbers, CancellationToken cancellationToken)
    {
        var body = new ByRobotAddBlacklistBatch
        {
            CompanyId = CompanyId,
            BlacklistInfoGroupId = ParseListId(listId),
            Blacklist = numbers.Select(n => new ByRobotBlacklistItem { Mobile = n.Phone, Name = n.Name, Remark = n.Remark }).ToArray(),
        };
        var count = await PostAsync<ByRobotBlacklistBatchCount>(AddBlacklistBatchPath, "company/addBlackList/batch", body, cancellationToken).ConfigureAwait(false)
            ?? throw OutboundErrors.UnreadableAnswer(Vendor, "company/addBlackList/batch", 200, "(no counts in data)");
        return new BlocklistBatchCount(count.RequsetNum, count.SuccessNum ?? 0);
    }

    public async Task<bool> RemoveNumberAsync(string listId, string phone, CancellationToken cancellationToken) =>
        await PostAsync<bool?>(BlacklistDeletePath, "company/blacklist/info/delete",
            new ByRobotBlacklistDelete { CompanyId = CompanyId, BlacklistInfoGroupId = ParseListId(listId), Mobile = phone }, cancellationToken).ConfigureAwait(false)
        ?? false;

    /// <summary>An edit or delete whose data is false changed nothing, though the envelope says success.</summary>
    private async Task Confirmed(Task<bool?> call, string operation)
    {
        if (await call.ConfigureAwait(false) == false)
            throw OutboundErrors.Vendor(Vendor, operation, "200", "data: false", new VendorErrorInfo("BYRobot answered success but reported nothing changed",
                OutboundErrorKind.InvalidResult, "Get-OutboundBlocklist shows the groups as they are now."));
    }

    private static long ParseListId(string listId) =>
        long.TryParse(listId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw OutboundErrors.InvalidArgument("ListId", listId, "BYRobot blacklist group ids are numbers (-1 is the default group).",
                "Get-OutboundBlocklist lists the groups; pass their Id.");
}
