namespace Orleans.Bandits.FlakyServers.Contracts;

/// <summary>The take-home's request ids: 24 ASCII letters and digits.</summary>
public static class RequestId
{
    public const int Length = 24;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static bool IsValid(string? id) => id is { Length: Length } && id.All(char.IsAsciiLetterOrDigit);

    /// <summary>A fresh id from <paramref name="random"/> (seeded by the harness, so runs are replayable).</summary>
    public static string New(Random random) => string.Create(Length, random, static (span, rng) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[rng.Next(Alphabet.Length)];
        }
    });
}
