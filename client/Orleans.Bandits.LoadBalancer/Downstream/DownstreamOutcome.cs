namespace Orleans.Bandits.LoadBalancer.Downstream;

/// <summary>How one attempt on a downstream server went.</summary>
public enum DownstreamOutcome
{
    /// <summary>200.</summary>
    Success,

    /// <summary>Any other answer, or none (connection refused, timeout).</summary>
    Failure,

    /// <summary>429.</summary>
    RateLimited,
}
