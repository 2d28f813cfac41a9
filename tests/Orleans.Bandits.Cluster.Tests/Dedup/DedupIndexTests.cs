using Orleans.Bandits.Grains.Dedup;

namespace Orleans.Bandits.Cluster.Tests.Dedup;

public sealed class DedupIndexTests
{
    [Fact]
    public void A_key_is_accepted_once_until_it_expires()
    {
        var index = new DedupIndex();
        Assert.True(index.TryAdd(1, expiresAtUnixMs: 100));
        Assert.False(index.TryAdd(1, expiresAtUnixMs: 100));
        index.Prune(99);
        Assert.True(index.Contains(1));
        index.Prune(100);
        Assert.False(index.Contains(1));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Pruning_forgets_only_expired_keys_whatever_the_insertion_order()
    {
        var index = new DedupIndex();
        index.TryAdd(1, 300);
        index.TryAdd(2, 100);
        index.TryAdd(3, 200);
        index.Prune(150);
        Assert.False(index.Contains(2));
        Assert.True(index.Contains(1));
        Assert.True(index.Contains(3));
    }
}
