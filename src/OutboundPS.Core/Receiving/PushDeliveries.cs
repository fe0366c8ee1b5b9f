using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace OutboundPS.Receiving;

/// <summary>
/// The pushes a receiver has stored or is storing, by <see cref="PushDeliveryKey"/>, so that a redelivery joins the
/// first delivery instead of being stored again. A push whose storing failed is forgotten, so its retry stores it.
/// Memory is bounded: beyond <see cref="Capacity"/> the oldest stored keys are forgotten, and a retry of one of them,
/// unlikely so long after, is stored a second time.
/// </summary>
internal sealed class PushDeliveries
{
    internal const int DefaultCapacity = 100_000;

    private static readonly Task<bool> AlreadyStored = Task.FromResult(true);

    private readonly Dictionary<string, Task<bool>> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly object _gate = new();

    internal PushDeliveries(int capacity = DefaultCapacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        Capacity = capacity;
    }

    internal int Capacity { get; }

    internal int Count
    {
        get
        {
            lock (_gate) return _byKey.Count;
        }
    }

    /// <summary>Remembers a push stored before (a line already in the file).</summary>
    internal void RememberStored(string key)
    {
        lock (_gate) Add(key, AlreadyStored);
    }

    /// <summary>
    /// The delivery of a push: the one already under way or done, or a new one from <paramref name="store"/>
    /// (<paramref name="first"/> says which). The task's result says whether the push is stored.
    /// </summary>
    internal Task<bool> Join(string key, Func<Task<bool>> store, out bool first)
    {
        var started = new TaskCompletionSource<Task<bool>>();
        Task<bool> delivery;
        lock (_gate)
        {
            first = !_byKey.TryGetValue(key, out var known);
            if (!first) return known!;
            // Registered before it runs, so that a redelivery arriving meanwhile joins it.
            delivery = started.Task.Unwrap();
            Add(key, delivery);
        }

        started.SetResult(Run(store));
        _ = delivery.ContinueWith(done =>
        {
            if (done.Status != TaskStatus.RanToCompletion || !done.Result) Forget(key, done);
        }, TaskScheduler.Default);
        return delivery;
    }

    private static Task<bool> Run(Func<Task<bool>> store)
    {
        try
        {
            return store();
        }
        catch (Exception error)
        {
            return Task.FromException<bool>(error);
        }
    }

    private void Forget(string key, Task<bool> delivery)
    {
        lock (_gate)
            if (_byKey.TryGetValue(key, out var known) && ReferenceEquals(known, delivery)) _byKey.Remove(key);
    }

    private void Add(string key, Task<bool> delivery)
    {
        if (_byKey.ContainsKey(key)) return;
        _byKey.Add(key, delivery);
        _order.Enqueue(key);
        // Keys forgotten after a failed store stay in the order queue until they reach its head.
        for (var looked = _order.Count; looked > 0 && (_byKey.Count > Capacity || _order.Count > 2 * Capacity); looked--)
        {
            var oldest = _order.Dequeue();
            if (_byKey.TryGetValue(oldest, out var known) && known.IsCompleted) _byKey.Remove(oldest);
            else if (known is not null) _order.Enqueue(oldest); // still storing: a redelivery must still find it
        }
    }
}
