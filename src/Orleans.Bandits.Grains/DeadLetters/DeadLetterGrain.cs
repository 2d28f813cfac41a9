using System.Text.RegularExpressions;
using Orleans.Bandits.Primitives.DeadLetters;
using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.DeadLetters;

/// <summary>
/// The operators' view of the dead letters. A stateless worker: each call is one store command, and letters are
/// replayed through the queues, so nothing here needs a single writer.
/// </summary>
[StatelessWorker]
public sealed partial class DeadLetterGrain(IDeadLetterStore store) : Grain, IDeadLetterGrain
{
    public async Task<DeadLetterPage> List(string? after, int limit)
    {
        if (limit is < 1 or > DeadLetterPage.MaxLimit)
        {
            throw BanditsException.Invalid("limit", $"limit must be from 1 to {DeadLetterPage.MaxLimit} (got {limit}).");
        }

        var letters = await store.ListAsync(after is null ? null : ValidId("after", after), limit + 1);
        var page = letters.Take(limit).Select(l => new DeadLetter(l.Id, l.Queue, l.EntryId, l.Reason, l.Deliveries, l.At, l.Streams)).ToList();
        return new DeadLetterPage(page, letters.Count > limit ? page[^1].Id : null);
    }

    public async Task Replay(string id)
    {
        if (!await store.ReplayAsync(ValidId("id", id)))
        {
            throw Missing(id);
        }
    }

    public async Task Delete(string id)
    {
        if (!await store.DeleteAsync(ValidId("id", id)))
        {
            throw Missing(id);
        }
    }

    private static string ValidId(string field, string id) =>
        LetterId().IsMatch(id) ? id : throw BanditsException.Invalid(field, $"{field} must be a dead letter's id, such as 1733250000000-0 (got '{id}').");

    private static BanditsException Missing(string id) => new(BanditsErrorKind.NotFound, $"There is no dead letter '{id}'.", "id");

    [GeneratedRegex(@"^\d{1,20}-\d{1,20}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LetterId();
}
