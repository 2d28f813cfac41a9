namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>What a target policy has learned when its choice probabilities for a logged decision are taken.</summary>
public enum TargetTraining
{
    /// <summary>
    /// The decisions before it, learned in order in batches as the platform trains: the value of deploying the
    /// target at the start of the log and letting it learn (from every logged reward, not only from its own
    /// choices, so it learns at least as fast as it would have live). Its probabilities for a decision depend
    /// only on the past, which keeps every estimator's importance weighting valid.
    /// </summary>
    Replay,

    /// <summary>
    /// The whole log, learned first: the value of the target as it would stand after all this data. Its
    /// probabilities then depend on every logged reward, a slight optimism when the log is short.
    /// </summary>
    WholeLog,
}
