using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutboundPS.Receiving;

namespace OutboundPS.Benchmarks;

/// <summary>
/// Receive-OutboundPush's listener on 127.0.0.1 storing into a temporary file, with pushes posted by HttpClient,
/// several in flight: how many it stores and acknowledges a second (docs/design.md#performance: at least 2,000).
/// </summary>
internal static class ReceiveBench
{
    internal static async Task<(TimeSpan Elapsed, int Stored, long FileBytes)> RunAsync(int pushes, int inFlight)
    {
        var folder = Path.Combine(Path.GetTempPath(), "outboundps-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "pushes.jsonl");
            var options = new PushReceiverOptions("http://127.0.0.1:" + Scenario.FreePort().ToString(CultureInfo.InvariantCulture) + "/push/") { Path = path };
            var receiver = new PushReceiver(options);
            var written = 0;
            var run = receiver.RunAsync(_ => Interlocked.Increment(ref written), CancellationToken.None);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = inFlight });
            var target = new Uri(options.Prefix);
            var next = -1;
            var clock = Stopwatch.StartNew();
            var senders = new Task[inFlight];
            for (var s = 0; s < inFlight; s++)
                senders[s] = Task.Run(async () =>
                {
                    for (var i = Interlocked.Increment(ref next); i < pushes; i = Interlocked.Increment(ref next))
                    {
                        using var content = new StringContent(Body(i), Encoding.UTF8, "application/json");
                        using var reply = await http.PostAsync(target, content).ConfigureAwait(false);
                        var text = await reply.Content.ReadAsStringAsync().ConfigureAwait(false);
                        if (text != "success") throw new InvalidOperationException($"Push {i} was answered {(int)reply.StatusCode} '{text}'.");
                    }
                });
            await Task.WhenAll(senders).ConfigureAwait(false);
            var elapsed = clock.Elapsed;
            receiver.Finish();
            await run.ConfigureAwait(false);
            if (receiver.Stored != pushes || written != pushes)
                throw new InvalidOperationException($"{pushes} pushes sent, {receiver.Stored} stored, {written} written.");
            return (elapsed, receiver.Stored, new FileInfo(path).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Half BYRobot call callbacks, half yeta outbound records (held for their other parts until the end), each a different call.</summary>
    private static string Body(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return i % 2 == 0
            ? "{\"code\":200,\"data\":{\"dataType\":\"CALL_INSTANCE_RESULT\",\"data\":{\"sceneInstance\":{\"callInstanceId\":" + n +
              ",\"companyId\":1,\"callJobId\":9,\"customerTelephone\":\"13700000001\",\"status\":2,\"finishStatus\":0,\"duration\":35,\"chatRound\":3," +
              "\"startTime\":\"2019-01-12 16:09:32\",\"luyinOssUrl\":\"https://example.invalid/r.wav\",\"properties\":\"{}\",\"callType\":1,\"hangUp\":1}," +
              "\"taskResult\":[{\"resultName\":\"客户意向等级\",\"resultValue\":\"C级(很少)\",\"resultValueAlias\":\"C\",\"resultValueNew\":\"C级(明确拒绝)\"}]," +
              "\"phoneLog\":{\"phoneLogs\":[{\"speaker\":\"AI\",\"content\":\"喂，您好\",\"aiUnknown\":false,\"startTime\":0,\"endTime\":0}]}," +
              "\"jobFinished\":false,\"sign\":null,\"dateTime\":\"Thu Oct 16 07:13:48 GMT 2014\"}},\"resultMsg\":\"成功\",\"errorStackTrace\":null}"
            : "{\"business_id\":\"2745\",\"robot_id\":\"2745001\",\"call_uuid\":\"bench-" + n + "\",\"task_id\":\"7\",\"task_data_id\":\"" + n +
              "\",\"caller\":\"055196866001\",\"callee\":\"19900000001\",\"direction\":2,\"time_dial\":1527737756729,\"time_answer\":1527737763429," +
              "\"time_hangup\":1527737784829,\"duration_ring\":7,\"duration_call\":28,\"task_result\":\"0\",\"task_result_desc\":\"成功\",\"task_tries\":0," +
              "\"task_row_index\":1,\"task_row_head\":[\"客户手机号码\"],\"task_row_value\":[\"19900000001\"]}";
    }
}
