namespace Orleans.Bandits.Contracts.DeadLetters;

/// <summary>Dead letters, oldest first, and the cursor of the next page (null after the last).</summary>
[GenerateSerializer, Immutable, Alias("bandits.DeadLetterPage")]
public sealed record DeadLetterPage([property: Id(0)] IReadOnlyList<DeadLetter> Items, [property: Id(1)] string? Next)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
