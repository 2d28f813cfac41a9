using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Orleans.Bandits.Cluster.Benchmarks.Hosting;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Bandits.Testing.Silos;

namespace Orleans.Bandits.Cluster.Benchmarks.Selection;

/// <summary>
/// The steps the selector grain adds to the bare policy select, each alone, so the gap between
/// (b) and (a) + (c) in <see cref="SelectionBenchmarks"/> can be attributed rather than guessed.
/// No cluster: these are the same public building blocks the grain calls.
/// </summary>
public class SelectPathBenchmarks
{
    private readonly PolicySpec _spec = new("thompson-beta", new Dictionary<string, double[]> { ["alpha"] = [1.0], ["beta"] = [1.0] });
    private readonly byte[] _selectionId = new byte[16];
    private TokenService _tokens = null!;
    private SelectionToken _token = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tokens = new TokenService([TestSilo.Key], TestSilo.Key.Id);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _token = new SelectionToken(BenchmarkCluster.Tenant, "select-bench", 3, 1, null, null, now, now + 86_400_000, UInt128.MaxValue / 3, 0);
    }

    /// <summary>The selector resolves its policy from the replica's spec on every select.</summary>
    [Benchmark(Description = "policy resolve (cached)")]
    public object ResolvePolicy() => PolicyResolver.Resolve(_spec, 0);

    /// <summary>A fresh 128-bit selection id per token (the OS random source).</summary>
    [Benchmark(Description = "selection id (RandomNumberGenerator)")]
    public byte[] SelectionId()
    {
        RandomNumberGenerator.Fill(_selectionId);
        return _selectionId;
    }

    /// <summary>Encode, HMAC-SHA256 and base64url of one token.</summary>
    [Benchmark(Description = "token sign (HMAC-SHA256)")]
    public string SignToken() => _tokens.Sign(_token);
}
