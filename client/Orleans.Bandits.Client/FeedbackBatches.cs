namespace Orleans.Bandits.Client;

/// <summary>Feedback for many selections at once, each accepted or refused on its own.</summary>
public static class FeedbackBatches
{
    /// <summary>
    /// Submits every item concurrently: intake puts concurrent feedback for one experiment in one stream message, so
    /// a batch costs about what its experiments do, not what its items do. An item refused (an expired token, an
    /// outcome already given) does not hold back the others; its index and reason are in the result. Items keep their
    /// event ids, so resending a batch after an unknown outcome (a lost connection) counts nothing twice.
    /// </summary>
    public static async Task<FeedbackBatchResult> FeedbackBatchAsync(this IBanditsClient client, string tenant, IReadOnlyList<FeedbackRequest> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var failures = await Task.WhenAll(items.Select(async (item, index) =>
        {
            try
            {
                await client.FeedbackAsync(tenant, item);
                return null;
            }
            catch (BanditsException e)
            {
                return new FeedbackItemFailure(index, e.Kind, e.Message);
            }
        }));
        var failed = failures.OfType<FeedbackItemFailure>().ToList();
        return new FeedbackBatchResult(items.Count - failed.Count, failed);
    }
}
