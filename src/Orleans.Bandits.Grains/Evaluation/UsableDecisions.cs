using Orleans.Bandits.Policies.Evaluation;

namespace Orleans.Bandits.Grains.Evaluation;

/// <summary>
/// The decisions of a log an evaluation can use, gathered a page at a time: each decision selected in the window
/// with a propensity and a reward, as one <see cref="LoggedDecision"/> (the sum of its rewards when the experiment
/// sums several), its arm by index. Only the most recent <paramref name="capacity"/> are kept, so an evaluation's
/// memory and time are bounded however long the log.
/// </summary>
internal sealed class UsableDecisions(IReadOnlyList<ArmView> arms, DecisionWindow window, int capacity)
{
    private readonly Dictionary<string, int> _arms = arms.Select((arm, index) => (arm.Id, index)).ToDictionary(a => a.Id, a => a.index, StringComparer.Ordinal);
    private readonly Queue<LoggedDecision> _kept = new();

    /// <summary>Decisions in the window with a reward, with or without a propensity.</summary>
    public long Rewarded { get; private set; }

    public IReadOnlyList<LoggedDecision> Decisions => [.. _kept];

    /// <summary>Adds a page of events; a decision's events are consecutive and never split across pages.</summary>
    public void Add(IReadOnlyList<DecisionEvent> page)
    {
        var i = 0;
        while (i < page.Count)
        {
            var decision = page[i];
            double? reward = null;
            for (; i < page.Count && page[i].SelectionId == decision.SelectionId; i++)
            {
                if (page[i].Reward is { } r)
                {
                    reward = (reward ?? 0) + r;
                }
            }

            if (reward is not { } total || !window.Contains(decision.SelectedAt))
            {
                continue;
            }

            Rewarded++;
            if (decision.Propensity is { } propensity and > 0 and <= 1 && _arms.TryGetValue(decision.Arm, out var arm))
            {
                _kept.Enqueue(new LoggedDecision(arm, total, propensity, decision.Context, decision.Costs));
                if (_kept.Count > capacity)
                {
                    _kept.Dequeue();
                }
            }
        }
    }
}
