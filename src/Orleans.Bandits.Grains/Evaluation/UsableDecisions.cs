using Orleans.Bandits.Policies.Evaluation;

namespace Orleans.Bandits.Grains.Evaluation;

/// <summary>
/// The decisions of a log an evaluation can use, gathered one event at a time: each decision selected in the window
/// with a propensity and a reward, as one <see cref="LoggedDecision"/> (the sum of its rewards when the experiment
/// sums several). Only the most recent <paramref name="capacity"/> are kept, so an evaluation's memory and time are
/// bounded however long the log.
/// </summary>
/// <param name="window">The decisions to keep, by selection time.</param>
/// <param name="arms">The arms a decision may name, or null for any: a log read without its experiment knows no other.</param>
/// <param name="capacity">The most decisions kept.</param>
internal sealed class UsableDecisions(DecisionWindow window, IReadOnlyList<string>? arms, int capacity)
{
    private readonly HashSet<string>? _arms = arms is null ? null : new HashSet<string>(arms, StringComparer.Ordinal);
    private readonly SortedSet<string> _named = new(StringComparer.Ordinal);

    // By arm name, not index: without the experiment the arms are only known once the whole log is read.
    private readonly Queue<(string Arm, LoggedDecision Decision)> _kept = new();
    private DecisionEvent? _open;
    private double? _openReward;

    /// <summary>Decisions in the window with a reward, with or without a propensity.</summary>
    public long Rewarded { get; private set; }

    /// <summary>Every arm the log names, in ordinal order.</summary>
    public IReadOnlyList<string> Named => [.. _named];

    /// <summary>The length of the first context in the log, 0 when no event has one.</summary>
    public int ContextDimension { get; private set; }

    /// <summary>Adds the next event of the log; a decision's events are consecutive, as the log and its exports keep them.</summary>
    public void Add(DecisionEvent decisionEvent)
    {
        if (_open?.SelectionId == decisionEvent.SelectionId)
        {
            _openReward = Sum(_openReward, decisionEvent.Reward);
            return;
        }

        Close();
        _open = decisionEvent;
        _openReward = decisionEvent.Reward;
        _named.Add(decisionEvent.Arm);
        if (ContextDimension == 0 && decisionEvent.Context is { Length: > 0 } context)
        {
            ContextDimension = context.Length;
        }
    }

    /// <summary>The kept decisions, oldest first, each arm by its index in <paramref name="order"/>, which names every arm kept.</summary>
    public IReadOnlyList<LoggedDecision> Decisions(IReadOnlyList<string> order)
    {
        Close();
        var index = order.Select((arm, i) => (arm, i)).ToDictionary(a => a.arm, a => a.i, StringComparer.Ordinal);
        return [.. _kept.Select(k => k.Decision with { Arm = index[k.Arm] })];
    }

    private static double? Sum(double? total, double? reward) => reward is { } r ? (total ?? 0) + r : total;

    /// <summary>Keeps the decision whose events are complete, if it is usable.</summary>
    private void Close()
    {
        var decision = _open;
        _open = null;
        if (decision is null || _openReward is not { } reward || !window.Contains(decision.SelectedAt))
        {
            return;
        }

        Rewarded++;
        if (decision.Propensity is { } propensity and > 0 and <= 1 && (_arms is null || _arms.Contains(decision.Arm)))
        {
            _kept.Enqueue((decision.Arm, new LoggedDecision(0, reward, propensity, decision.Context, decision.Costs)));
            if (_kept.Count > capacity)
            {
                _kept.Dequeue();
            }
        }
    }
}
