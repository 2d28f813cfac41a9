using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Feedback;

/// <summary>The experiment grain as feedback intake sees it: the rules an outcome must meet.</summary>
[Alias("bandits.IFeedbackRulesSource")]
public interface IFeedbackRulesSource : IGrainWithStringKey
{
    /// <exception cref="BanditsException">NotFound when the experiment does not exist (or was deleted).</exception>
    [Alias("GetFeedbackRules"), ReadOnly]
    Task<FeedbackRules> GetFeedbackRules();
}
