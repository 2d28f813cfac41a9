namespace Orleans.Bandits.FlakyServers.Behaviour;

/// <summary>What a flaky server answers: 200, 500 or 429.</summary>
public enum ServerOutcome
{
    Success,
    Failure,
    RateLimited,
}
