using System.Collections.Concurrent;

namespace Orleans.Bandits.Grains.Feedback;

/// <summary>
/// The feedback rules of the experiments a silo's intake has seen, so an outcome is validated on the silo that
/// takes it with no call on the hot path. An entry is fetched again when it is older than <see cref="Lifetime"/>,
/// or when a token is newer than it (a later incarnation, or an arm added since). Holds at most
/// <see cref="Capacity"/> experiments (about 200 bytes each); past that it starts over.
/// </summary>
public sealed class FeedbackRulesCache(IGrainFactory grains, TimeProvider clock)
{
    public const int Capacity = 10_000;

    /// <summary>How long an entry is trusted: bounds how long a deleted experiment's rules keep admitting its tokens.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The rules to check a token of <paramref name="generation"/> for <paramref name="arm"/> against.</summary>
    /// <exception cref="BanditsException">NotFound when the experiment does not exist; Unavailable when the rules cannot be read and none are known.</exception>
    public async ValueTask<FeedbackRules> Get(string experimentKey, long generation, int arm)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var known = _entries.TryGetValue(experimentKey, out var entry) && entry.Rules.IsCompletedSuccessfully ? entry.Rules.Result : null;
        if (known is not null && now - entry!.FetchedAtMs < Lifetime.TotalMilliseconds
            && (known.Generation > generation || (known.Generation == generation && arm < known.ArmCount)))
        {
            return known;
        }

        var fetch = new Entry(grains.GetGrain<IFeedbackRulesSource>(experimentKey).GetFeedbackRules(), now);
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[experimentKey] = fetch;
        try
        {
            return await fetch.Rules;
        }
        catch (BanditsException)
        {
            // A refusal (e.g. the experiment does not exist) is not remembered: the next token asks again.
            _entries.TryRemove(new KeyValuePair<string, Entry>(experimentKey, fetch));
            throw;
        }
        catch (Exception) when (known is not null)
        {
            // The experiment cannot be reached (e.g. its storage is down): the rules it had a moment ago still
            // hold for the tokens they cover, and publishing decides whether the event is accepted.
            _entries[experimentKey] = entry!;
            return known;
        }
        catch (Exception)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(experimentKey, fetch));
            throw new BanditsException(BanditsErrorKind.Unavailable, "The experiment's rules cannot be read right now; the event was not accepted.");
        }
    }

    private sealed record Entry(Task<FeedbackRules> Rules, long FetchedAtMs);
}
