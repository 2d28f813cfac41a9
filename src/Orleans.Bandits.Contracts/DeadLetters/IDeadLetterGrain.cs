namespace Orleans.Bandits.Contracts.DeadLetters;

/// <summary>The feedback the stream provider gave up on: listed, replayed or dropped by an operator. One per cluster (key 0).</summary>
[Alias("bandits.IDeadLetterGrain")]
public interface IDeadLetterGrain : IGrainWithIntegerKey
{
    /// <exception cref="BanditsException">Validation of a bad cursor or limit.</exception>
    [Alias("List")]
    Task<DeadLetterPage> List(string? after, int limit);

    /// <summary>Puts the letter's events back on their queue; the experiments learn each event once, whatever was learned before.</summary>
    /// <exception cref="BanditsException">NotFound; Validation of a malformed id.</exception>
    [Alias("Replay")]
    Task Replay(string id);

    /// <exception cref="BanditsException">NotFound; Validation of a malformed id.</exception>
    [Alias("Delete")]
    Task Delete(string id);
}
