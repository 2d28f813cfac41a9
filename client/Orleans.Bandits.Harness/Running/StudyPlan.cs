using Orleans.Bandits.FlakyServers.Fleet;
using Orleans.Bandits.LoadBalancer.Strategies;

namespace Orleans.Bandits.Harness.Running;

/// <summary>What to run: every strategy × tier × seed, each with the same number of requests at the same rate.</summary>
/// <param name="Rate">Requests per second per run; 0 sends each request as soon as the previous one is answered.</param>
/// <param name="Parallel">Seeds run at once, each on its own fleet (tiers of a seed always run side by side).</param>
/// <param name="Session">Tags this study's experiments so a rerun against a running silo never meets old ones.</param>
/// <param name="WarmUpRequests">Unrecorded requests per strategy and tier before the study (see <see cref="WarmUp"/>); 0 = none.</param>
public sealed record StudyPlan(
    IReadOnlyList<Strategy> Strategies,
    IReadOnlyList<Tier> Tiers,
    IReadOnlyList<int> Seeds,
    int Requests,
    double Rate,
    int Parallel,
    string Session,
    int WarmUpRequests = 0)
{
    public int RunCount => Strategies.Count * Tiers.Count * Seeds.Count;
}
