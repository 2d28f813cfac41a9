namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>The estimators' names on the wire (<c>ips</c>, <c>snips</c>, <c>dr</c>), as the evaluate endpoint takes and returns them.</summary>
public static class OffPolicyEstimatorNames
{
    public static string Name(OffPolicyEstimator estimator) => estimator switch
    {
        OffPolicyEstimator.Ips => "ips",
        OffPolicyEstimator.Snips => "snips",
        OffPolicyEstimator.DoublyRobust => "dr",
        _ => throw new ArgumentOutOfRangeException(nameof(estimator), estimator, "Unknown estimator."),
    };

    public static bool TryParse(string name, out OffPolicyEstimator estimator)
    {
        (var known, estimator) = name switch
        {
            "ips" => (true, OffPolicyEstimator.Ips),
            "snips" => (true, OffPolicyEstimator.Snips),
            "dr" => (true, OffPolicyEstimator.DoublyRobust),
            _ => (false, default),
        };
        return known;
    }
}
