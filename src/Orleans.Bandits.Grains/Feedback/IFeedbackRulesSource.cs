using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Feedback;

/// <summary>The experiment grain as feedback intake sees it: the rules an outcome must meet.</summary>
[Alias("bandits.IFeedbackRulesSource")]
public interface IFeedbackRulesSource : IGrainWithStringKey
{
    /// <remarks>
    /// Interleaved: the decision log asks for the rules while the experiment may be waiting on that log
    /// (stats, delete), and the rules are read in one turn from fields a training batch does not change.
    /// </remarks>
    /// <exception cref="BanditsException">NotFound when the experiment does not exist (or was deleted).</exception>
    [Alias("GetFeedbackRules"), AlwaysInterleave]
    Task<FeedbackRules> GetFeedbackRules();
}
