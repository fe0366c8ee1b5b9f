using System;
using System.Collections.Generic;

namespace OutboundPS.Sandbox;

/// <summary>A request as a simulator sees it, whichever transport carried it.</summary>
public sealed class SimulatedRequest
{
    /// <summary>Creates a request.</summary>
    public SimulatedRequest(string method, string path, IReadOnlyDictionary<string, string> query,
        IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
    }

    /// <summary>HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>Path without the query, starting with '/'.</summary>
    public string Path { get; }

    /// <summary>Decoded query parameters.</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Request headers (case-insensitive names).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Raw body.</summary>
    public byte[] Body { get; }
}

/// <summary>What a simulator answers: a status and body, or a dropped connection.</summary>
public sealed class SimulatedResponse
{
    /// <summary>Creates a response.</summary>
    public SimulatedResponse(int status, byte[] body, string contentType = "application/json;charset=UTF-8")
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    /// <summary>HTTP status code.</summary>
    public int Status { get; }

    /// <summary>Response body.</summary>
    public byte[] Body { get; }

    /// <summary>Content type header.</summary>
    public string ContentType { get; }

    /// <summary>True when the transport must drop the connection instead of answering.</summary>
    public bool Drop { get; private set; }

    /// <summary>The Retry-After header's value, or null for none.</summary>
    public string? RetryAfter { get; private set; }

    /// <summary>Extra time the transport waits before answering (a stalled vendor).</summary>
    public TimeSpan Delay { get; internal set; }

    internal SimulatedResponse WithRetryAfter(string? value)
    {
        RetryAfter = value;
        return this;
    }

    /// <summary>A connection dropped without an answer.</summary>
    public static SimulatedResponse Dropped() => new(0, Array.Empty<byte>()) { Drop = true };
}

/// <summary>A simulated vendor backend.</summary>
public interface IVendorSimulator
{
    /// <summary>Faults to inject; transports apply its latency before calling Handle.</summary>
    SandboxFaults Faults { get; }

    /// <summary>Answers one request.</summary>
    SimulatedResponse Handle(SimulatedRequest request);
}
