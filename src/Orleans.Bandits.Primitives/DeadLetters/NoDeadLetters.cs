namespace Orleans.Bandits.Primitives.DeadLetters;

/// <summary>Local mode: memory streams give up on nothing, so there is never a letter.</summary>
public sealed class NoDeadLetters : IDeadLetterStore
{
    public Task<IReadOnlyList<DeadLetterEntry>> ListAsync(string? afterId, int count) => Task.FromResult<IReadOnlyList<DeadLetterEntry>>([]);

    public Task<bool> ReplayAsync(string id) => Task.FromResult(false);

    public Task<bool> DeleteAsync(string id) => Task.FromResult(false);
}
