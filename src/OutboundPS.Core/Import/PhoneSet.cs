using System;
using System.Collections.Generic;

namespace OutboundPS.Import;

/// <summary>
/// A set of normalized phones: those seen so far in one import (duplicate detection), or a do-not-call list. A million phones must not cost
/// a hundred megabytes (docs/design.md#performance), so numbers are kept as integers split into a high key and a 16-bit low part:
/// a sorted ushort array per key while sparse, an 8 KB bitmap once dense (the idea of roaring bitmaps).
/// </summary>
internal sealed class PhoneSet
{
    /// <summary>The longest phone the encoding keeps apart from others: a mainland landline with its trunk 0 has 12 digits.</summary>
    internal const int MaxDigits = 12;

    private readonly Dictionary<long, Container> _containers = new();

    // The container Add used last: exports often list numbers in order, and neighbours share a container. Contains does
    // not use it, so a finished list can be read from several threads.
    private long _lastKey = -1;
    private Container? _last;

    internal long Count { get; private set; }

    /// <summary>Adds a normalized phone (digits only, at most 12); false when it was already there.</summary>
    internal bool Add(string phone)
    {
        var code = Encode(phone);
        var key = code >> 16;
        var container = key == _lastKey ? _last : null;
        if (container is null && !_containers.TryGetValue(key, out container))
        {
            container = new Container();
            _containers.Add(key, container);
        }

        _lastKey = key;
        _last = container;

        if (!container.Add((ushort)(code & 0xFFFF))) return false;
        Count++;
        return true;
    }

    /// <summary>Whether a normalized phone (digits only, at most 12) is in the set.</summary>
    internal bool Contains(string phone)
    {
        var code = Encode(phone);
        return _containers.TryGetValue(code >> 16, out var container) && container.Contains((ushort)(code & 0xFFFF));
    }

    /// <summary>The digits as a number, with the length on top so that a leading zero still tells numbers apart.</summary>
    private static long Encode(string phone)
    {
        long value = 0;
        foreach (var digit in phone) value = value * 10 + (digit - '0');
        return value + phone.Length * 1_000_000_000_000L;
    }

    private sealed class Container
    {
        private const int DenseAt = 4096;
        private ushort[] _sorted = new ushort[4];
        private ulong[]? _bits;
        private int _count;

        internal bool Contains(ushort low) =>
            _bits is not null ? (_bits[low >> 6] & (1UL << (low & 63))) != 0 : Array.BinarySearch(_sorted, 0, _count, low) >= 0;

        internal bool Add(ushort low)
        {
            if (_bits is not null)
            {
                var mask = 1UL << (low & 63);
                if ((_bits[low >> 6] & mask) != 0) return false;
                _bits[low >> 6] |= mask;
                return true;
            }

            var index = Array.BinarySearch(_sorted, 0, _count, low);
            if (index >= 0) return false;
            if (_count == DenseAt)
            {
                _bits = new ulong[1024];
                for (var i = 0; i < _count; i++) _bits[_sorted[i] >> 6] |= 1UL << (_sorted[i] & 63);
                _sorted = Array.Empty<ushort>();
                return Add(low);
            }

            index = ~index;
            if (_count == _sorted.Length) Array.Resize(ref _sorted, Math.Min(DenseAt, _sorted.Length * 2));
            Array.Copy(_sorted, index, _sorted, index + 1, _count - index);
            _sorted[index] = low;
            _count++;
            return true;
        }
    }
}
