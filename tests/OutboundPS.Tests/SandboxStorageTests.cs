using System;
using System.Linq;
using System.Text;
using OutboundPS.Sandbox;
using OutboundPS.Sandbox.IFlytek;
using Xunit;

namespace OutboundPS.Tests;

/// <summary>The sandbox's packed storage gives back exactly what it was given, however many blocks it spans.</summary>
public class SandboxStorageTests
{
    [Fact]
    public void PhoneList_GivesBackEveryNumberInOrder_AfterGrowing()
    {
        var phones = new PhoneList();
        var given = Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? $"0551-{i:D8}" : $"138{i:D8}").ToArray();
        foreach (var phone in given) phones.Add(phone);

        Assert.Equal(given.Length, phones.Count);
        Assert.Equal(given[0], phones[0]);
        Assert.Equal(given[4321], phones[4321]);
        Assert.Equal(given, phones.ToArray());
    }

    [Fact]
    public void PhoneList_RefusesAnIndexPastTheEnd_AndClearEmptiesIt()
    {
        var phones = new PhoneList();
        phones.Add("13800000001");
        Assert.Throws<ArgumentOutOfRangeException>(() => phones[1]);

        phones.Clear();
        Assert.Empty(phones);
        phones.Add("13800000002");
        Assert.Equal(new[] { "13800000002" }, phones.ToArray());
    }

    [Fact]
    public void StoredRows_ReadBackEachRowsValues_AcrossManyBlocks()
    {
        // 400 inserts of 50 rows (about 2 KB each) fill the first small blocks and several large ones.
        var rows = new IFlytekStoredRows();
        var head = new[] { "手机号码", "姓名" };
        for (var batch = 0; batch < 400; batch++)
        {
            var body = Encoding.UTF8.GetBytes("{\"task_id\":\"7\",\"call_column\":[\"手机号码\",\"姓名\"],\"call_list\":["
                + string.Join(",", Enumerable.Range(0, 50).Select(i => $"[\"138{batch * 50 + i:D8}\",\"客户{batch * 50 + i}\"]")) + "]}");
            rows.Add(1000L + batch * 50, head.ToList(), body, 50);
        }

        Assert.Equal(20000, rows.Count);
        foreach (var row in new[] { 0, 49, 50, 7777, 12345, 19999 })
        {
            var (dataId, columns, values) = rows[row];
            Assert.Equal(1000L + row, dataId);
            Assert.Equal(head, columns);
            Assert.Equal(new[] { $"138{row:D8}", $"客户{row}" }, values);
        }
    }

    [Fact]
    public void StoredRows_KeepWhatTheCallerGave_EvenWhenTheCallerReusesItsBuffer()
    {
        var rows = new IFlytekStoredRows();
        var buffer = Encoding.UTF8.GetBytes("{\"call_column\":[\"手机号码\"],\"call_list\":[[\"13800000001\"]]}");
        rows.Add(1, new[] { "手机号码" }, buffer, 1);
        Encoding.UTF8.GetBytes("{\"call_column\":[\"手机号码\"],\"call_list\":[[\"13999999999\"]]}").CopyTo(buffer, 0);

        Assert.Equal(new[] { "13800000001" }, rows[0].Values);
    }

    [Fact]
    public void StoredRows_Clear_DropsEveryRow_AndTakesNewOnesAfter()
    {
        var rows = new IFlytekStoredRows();
        var body = Encoding.UTF8.GetBytes("{\"call_column\":[\"手机号码\"],\"call_list\":[[\"13800000001\"],[\"13800000002\"]]}");
        rows.Add(1, new[] { "手机号码" }, body, 2);

        rows.Clear();
        Assert.Equal(0, rows.Count);

        rows.Add(9, new[] { "手机号码" }, Encoding.UTF8.GetBytes("{\"call_column\":[\"手机号码\"],\"call_list\":[[\"13900000009\"]]}"), 1);
        Assert.Equal(1, rows.Count);
        Assert.Equal((9L, "13900000009"), (rows[0].DataId, rows[0].Values[0]));
    }
}
