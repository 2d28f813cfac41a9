using System.Globalization;
using Orleans.Bandits.Contracts.Decisions;
using Orleans.Bandits.Export;
using Orleans.Bandits.Grains.Decisions;
using Orleans.Bandits.Grains.Feedback;
using Orleans.Bandits.Redis.Decisions;
using Orleans.Bandits.Redis.Tests.Fixtures;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>The decision store's Redis commands against the real server: the retention's trim, and what a decision costs in Redis and in Parquet.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisDecisionStoreTests(RedisServerFixture redis, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _serviceId = $"decision-store-tests-{Guid.NewGuid():N}";
    private RedisDecisionStore _store = null!;
    private ConnectionMultiplexer _admin = null!;

    public async Task InitializeAsync()
    {
        _store = new RedisDecisionStore(ConfigurationOptions.Parse(redis.ConnectionString), _serviceId);
        _admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _admin.DisposeAsync();
    }

    [Fact]
    public async Task A_trim_drops_the_entries_through_the_id_and_the_named_outcomes_and_keeps_the_rest_under_their_ids()
    {
        const string log = "tenant/trimmed/decisions.0";
        var batches = Enumerable.Range(0, 3).Select(b => Decisions(b * 2, 2, contextDimension: 0)).ToList();
        var ids = new List<string>();
        foreach (var batch in batches)
        {
            ids.Add(await _store.AppendAsync(log, DecisionBatchCodec.Encode(batch)));
        }

        var fields = batches.SelectMany(b => b).Select(d => DedupKeys.DefaultEventId(d.SelectionId)).ToList();
        await _store.AppendOutcomesAsync(log, [.. fields.Select(f => new KeyValuePair<string, byte[]>(f, [1, 2, 3]))]);

        await _store.TrimAsync(log, ids[1], fields[..4]);

        Assert.Equal([ids[2]], (await _store.ReadAsync(log, null, 10)).Select(e => e.Id));
        Assert.Equal([ids[2]], (await _store.ReadAsync(log, ids[0], 10)).Select(e => e.Id));
        var outcomes = await _store.GetOutcomesAsync(log, fields);
        Assert.Equal([true, true, true, true, false, false], outcomes.Select(o => o is null));
    }

    /// <summary>
    /// The storage cost README.md's decision-log section states: 10,000 decisions appended in batches of 100 (group
    /// commit under load), each with one outcome, then MEMORY USAGE of the stream and of the outcomes hash, and the
    /// size of the same events as a Parquet file, per decision. Printed to the test output; the bounds guard the
    /// stated figures against a format change that would multiply them.
    /// </summary>
    [Theory]
    [InlineData(0, 340, 85)]
    [InlineData(8, 450, 180)]
    public async Task A_decision_with_its_outcome_costs_a_few_hundred_bytes_in_redis_and_less_in_parquet(int contextDimension, int redisBound, int parquetBound)
    {
        const int count = 10_000;
        const int batchSize = 100;
        var log = $"tenant/measured-{contextDimension}/decisions.0";
        var decisions = Decisions(0, count, contextDimension);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var batch in decisions.Chunk(batchSize))
        {
            await _store.AppendAsync(log, DecisionBatchCodec.Encode(batch));
            await _store.AppendOutcomesAsync(log, [.. batch.Select(d => new KeyValuePair<string, byte[]>(
                DedupKeys.DefaultEventId(d.SelectionId),
                OutcomeCodec.Encode(new OutcomeRecord(d.SelectionId, EventId(d), 1, null, now, false))))]);
        }

        var stream = await MemoryUsage($"{_serviceId}/decisions/{log}");
        var hash = await MemoryUsage($"{_serviceId}/outcomes/{log}");
        using var parquet = new MemoryStream();
        await using (var writer = await ParquetDecisionWriter.CreateAsync(parquet))
        {
            foreach (var page in decisions.Chunk(DecisionEventPage.MaxLimit))
            {
                await writer.WriteRowGroupAsync([.. page.Select(d => new DecisionEvent(
                    DedupKeys.DefaultEventId(d.SelectionId), EventId(d), $"arm-{d.Arm}", d.Propensity, d.Context, d.Version, d.Policy,
                    DateTimeOffset.FromUnixTimeMilliseconds(d.SelectedAtUnixMs), 1, null, DateTimeOffset.FromUnixTimeMilliseconds(now), false, false))]);
            }
        }

        var redisPerDecision = (stream + hash) / (double)count;
        var parquetPerDecision = parquet.Length / (double)count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"context {contextDimension}: stream {stream / (double)count:F0} B + outcomes hash {hash / (double)count:F0} B = {redisPerDecision:F0} B per decision in Redis; Parquet {parquetPerDecision:F0} B per event"));
        Assert.InRange(redisPerDecision, 1, redisBound);
        Assert.InRange(parquetPerDecision, 1, parquetBound);
    }

    private async Task<long> MemoryUsage(string key) => (long)await _admin.GetDatabase().ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");

    private static string EventId(DecisionRecord decision) => $"click-{(ulong)decision.SelectionId % 1_000_000:D6}";

    /// <summary>Decisions as a busy experiment records them: random selection ids, ten arms, a propensity, one second apart.</summary>
    private static List<DecisionRecord> Decisions(int first, int count, int contextDimension)
    {
        var random = new Random(first + 1);
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return [.. Enumerable.Range(first, count).Select(i => new DecisionRecord(
            new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64()),
            i % 10,
            0.1 + (random.NextDouble() * 0.8),
            contextDimension == 0 ? null : [.. Enumerable.Range(0, contextDimension).Select(_ => random.NextDouble())],
            i / 100,
            "thompson-beta",
            start + (i * 1000L),
            false))];
    }
}
