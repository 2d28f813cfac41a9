using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Orleans.Bandits.Grains.Selection.Gates;

/// <summary>
/// Where a unit falls in [0, 1) for an experiment: XxHash64 of the UTF-8 experiment key and unit, the same on every
/// silo, in every process and after restarts (<see cref="string.GetHashCode()"/> is randomized per process). Rollout
/// and holdout hash with different seeds, so the two buckets of a unit are independent: the holdout is the same share of
/// every rollout slice.
/// </summary>
public static class UnitBuckets
{
    private const ulong RolloutSeed = 0x526f6c6c6f7574;
    private const ulong HoldoutSeed = 0x486f6c646f7574;
    private const int StackLimit = 1024;

    /// <summary>The unit's rollout bucket: it is in a rollout of p % when the bucket is below p/100.</summary>
    public static double Rollout(string experimentKey, string unit) => Bucket(experimentKey, unit, RolloutSeed);

    /// <summary>The unit's holdout bucket, independent of its rollout bucket.</summary>
    public static double Holdout(string experimentKey, string unit) => Bucket(experimentKey, unit, HoldoutSeed);

    /// <summary>Whether <paramref name="bucket"/> falls in the first <paramref name="percentage"/> percent.</summary>
    public static bool IsWithin(double bucket, double percentage) => bucket * 100 < percentage;

    private static double Bucket(string experimentKey, string unit, ulong seed)
    {
        // The key and unit are separated by a byte that is in no id, so ("a/b", "c") and ("a/bc", "") differ.
        var length = Encoding.UTF8.GetMaxByteCount(experimentKey.Length + unit.Length) + 1;
        var rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        var buffer = rented is null ? stackalloc byte[StackLimit] : rented.AsSpan();
        try
        {
            var written = Encoding.UTF8.GetBytes(experimentKey, buffer);
            buffer[written++] = 0;
            written += Encoding.UTF8.GetBytes(unit, buffer[written..]);
            var hash = XxHash64.HashToUInt64(buffer[..written], (long)seed);

            // The top 53 bits, as a double's mantissa holds them: uniform on [0, 1) in steps of 2⁻⁵³.
            return (hash >> 11) * (1.0 / (1UL << 53));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
