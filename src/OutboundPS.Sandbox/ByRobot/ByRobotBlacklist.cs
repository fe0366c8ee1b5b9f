using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace OutboundPS.Sandbox.ByRobot;

/// <summary>
/// The company's blacklist (docs/vendors/byrobot.md#blacklist): the default group (-1) and the groups created, each
/// answered with only the documented fields. What the documents leave open is inferred (docs/vendors/byrobot.md#what-the-sandbox-simulates):
/// a number the company lists is still imported, and its call ends at once as finishStatus 11 (黑名单); a malformed or
/// repeated number is not stored, which the batch call shows only in successNum; a group holding numbers is not deleted.
/// </summary>
public sealed partial class ByRobotSimulator
{
    /// <summary>The finishStatus of a call to a listed number (docs/vendors/byrobot.md#finish-status).</summary>
    public const int BlacklistedFinishStatus = 11;

    private readonly Dictionary<(long Company, long Id), BlacklistGroup> _blacklist = new();
    private long _nextBlacklistGroupId = 70_001;
    private long _nextBlacklistInfoId = 7_000_001;

    /// <summary>Single calls to listed numbers: accepted, never placed (the vendor reports them only by callback, as finishStatus 11).</summary>
    public List<(string Path, JsonObject Body)> BlockedCalls { get; } = new();

    private bool Listed(long company, string phone) => _blacklist.Any(g => g.Key.Company == company && g.Value.Mobiles.Contains(phone));

    private BlacklistGroup? Group(long company, long id)
    {
        if (id == -1 && !_blacklist.ContainsKey((company, -1)))
            _blacklist[(company, -1)] = new BlacklistGroup(-1, "默认分组", null, publicFlag: true);
        return _blacklist.TryGetValue((company, id), out var group) ? group : null;
    }

    private SimulatedResponse? BlacklistRoute(string path, SimulatedRequest request, JsonObject? body, bool get) => path switch
    {
        "/openapi/v1/company/blacklist/group/list" when get => WithCompany(request, company =>
        {
            Group(company, -1);
            return Success(new JsonArray(_blacklist.Where(g => g.Key.Company == company).OrderBy(g => g.Key.Id)
                .Select(g => (JsonNode)new JsonObject
                {
                    ["blacklistInfoGroupId"] = g.Value.Id,
                    ["name"] = g.Value.Name,
                    ["publicFlag"] = g.Value.PublicFlag,
                    ["remark"] = g.Value.Remark,
                }).ToArray()));
        }),
        "/openapi/v1/company/blacklist/info/page" when get => WithCompany(request, company => BlacklistPage(request, company)),
        "/openapi/v1/company/addBlackList" when body is not null => WithCompany(body, company => AddOne(company, body)),
        "/openapi/v1/company/addBlackList/batch" when body is not null => WithCompany(body, company => WithGroup(company, body, group => AddBatch(group, body))),
        "/openapi/v1/company/blacklist/group/add" when body is not null => WithCompany(body, company =>
        {
            if (string.IsNullOrEmpty(body.Text("name"))) return Fail(412, "参数错误: name 必填");
            var group = new BlacklistGroup(_nextBlacklistGroupId++, body.Text("name")!, body.Text("remark"), publicFlag: false);
            _blacklist[(company, group.Id)] = group;
            return Success(JsonValue.Create(group.Id), "操作成功");
        }),
        "/openapi/v1/company/blacklist/group/edit" when body is not null => WithCompany(body, company => WithGroup(company, body, group =>
        {
            if (string.IsNullOrEmpty(body.Text("name"))) return Fail(412, "参数错误: name 必填");
            group.Name = body.Text("name")!;
            group.Remark = body.Text("remark");
            return Success(JsonValue.Create(true), "操作成功");
        })),
        "/openapi/v1/company/blacklist/info/delete" when body is not null => WithCompany(body, company => WithGroup(company, body, group =>
        {
            var mobile = body.Text("mobile");
            if (string.IsNullOrEmpty(mobile)) return Fail(412, "参数错误: mobile 必填");
            // Nothing listed under that number: data false, as the documented bool allows.
            return Success(JsonValue.Create(group.Remove(mobile!)), "操作成功");
        })),
        "/openapi/v1/company/blacklist/group/delete" when body is not null => WithCompany(body, company => WithGroup(company, body, group =>
        {
            if (group.Id == -1) return Fail(412, "参数错误: 默认分组不能删除");
            // The document: deleting fails while the group still holds numbers; its code is not given, so 412.
            if (group.Entries.Count > 0) return Fail(412, "分组下存在黑名单号码，不能删除");
            _blacklist.Remove((company, group.Id));
            return Success(JsonValue.Create(true), "操作成功");
        })),
        _ => null,
    };

    private SimulatedResponse AddOne(long company, JsonObject body)
    {
        var mobile = body.Text("mobile");
        if (mobile is null || !ValidPhone.IsMatch(mobile)) return Fail(412, "参数错误: mobile");
        var group = Group(company, -1)!;
        // Listed already: the entry it has (the document gives no error for a repeat).
        var entry = group.Entries.FirstOrDefault(e => e.Mobile == mobile) ?? group.Add(_nextBlacklistInfoId++, mobile, body.Text("name"), body.Text("remark"), Clock.Now);
        return Success(JsonValue.Create(entry.Id), "操作成功");
    }

    private SimulatedResponse AddBatch(BlacklistGroup group, JsonObject body)
    {
        if (body["blacklist"] is not JsonArray items) return Fail(412, "参数错误: blacklist 必填");
        var stored = 0;
        foreach (var item in items.OfType<JsonObject>())
        {
            var mobile = item.Text("mobile");
            var name = item.Text("name");
            // name is required per number; a number without one, malformed, or already in the group is not stored.
            if (mobile is null || !ValidPhone.IsMatch(mobile) || string.IsNullOrEmpty(name) || group.Mobiles.Contains(mobile)) continue;
            group.Add(_nextBlacklistInfoId++, mobile, name, item.Text("remark"), Clock.Now);
            stored++;
        }

        return Success(new JsonObject { ["requsetNum"] = items.Count, ["successNum"] = stored }, "操作成功");
    }

    private SimulatedResponse BlacklistPage(SimulatedRequest request, long company)
    {
        if (!long.TryParse(Query(request, "blacklistInfoGroupId"), out var id)) return Fail(412, "参数错误: blacklistInfoGroupId 必填");
        var group = Group(company, id);
        if (group is null) return Fail(404, "资源未找到");
        var num = int.TryParse(Query(request, "pageNum"), out var n) ? n : 1;
        var size = int.TryParse(Query(request, "pageSize"), out var s) ? s : 20;
        if (num < 1 || size < 1) return Fail(412, "参数错误: pageNum, pageSize");
        var list = group.Entries.Skip((num - 1) * size).Take(size).Select(e => (JsonNode)new JsonObject
        {
            ["blacklistInfoId"] = e.Id,
            ["name"] = e.Name,
            ["mobile"] = e.Mobile,
            ["remark"] = e.Remark,
            ["gmtCreate"] = e.Created.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        }).ToArray();
        return Success(new JsonObject { ["pageNum"] = num, ["pageSize"] = size, ["total"] = group.Entries.Count, ["list"] = new JsonArray(list) });
    }

    private SimulatedResponse WithGroup(long company, JsonObject body, Func<BlacklistGroup, SimulatedResponse> action) =>
        body.Number("blacklistInfoGroupId") is { } id && Group(company, id) is { } group ? action(group) : Fail(404, "资源未找到");

    private sealed class BlacklistGroup
    {
        internal BlacklistGroup(long id, string name, string? remark, bool publicFlag)
        {
            Id = id;
            Name = name;
            Remark = remark;
            PublicFlag = publicFlag;
        }

        internal long Id { get; }
        internal string Name { get; set; }
        internal string? Remark { get; set; }
        internal bool PublicFlag { get; }
        internal List<BlacklistEntry> Entries { get; } = new();
        internal HashSet<string> Mobiles { get; } = new(StringComparer.Ordinal);

        internal BlacklistEntry Add(long id, string mobile, string? name, string? remark, DateTimeOffset created)
        {
            var entry = new BlacklistEntry(id, mobile, name, remark, created);
            Entries.Add(entry);
            Mobiles.Add(mobile);
            return entry;
        }

        internal bool Remove(string mobile)
        {
            if (!Mobiles.Remove(mobile)) return false;
            Entries.RemoveAll(e => e.Mobile == mobile);
            return true;
        }
    }

    private sealed class BlacklistEntry
    {
        internal BlacklistEntry(long id, string mobile, string? name, string? remark, DateTimeOffset created)
        {
            Id = id;
            Mobile = mobile;
            Name = name;
            Remark = remark;
            Created = created;
        }

        internal long Id { get; }
        internal string Mobile { get; }
        internal string? Name { get; }
        internal string? Remark { get; }
        internal DateTimeOffset Created { get; }
    }
}
