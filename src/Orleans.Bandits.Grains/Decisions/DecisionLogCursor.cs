using System.Globalization;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// Where a reader of a decision log stands: after the entry <see cref="AfterEntry"/> (null: at the start), with the
/// first <see cref="Skip"/> decisions of the next entry already read. Opaque to clients: <c>{entry}:{skip}</c>.
/// </summary>
public readonly record struct DecisionLogCursor(string? AfterEntry, int Skip)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{AfterEntry}:{Skip}");

    /// <exception cref="BanditsException">Validation of <c>after</c>: not a cursor this log handed out.</exception>
    public static DecisionLogCursor Parse(string? text)
    {
        if (text is null)
        {
            return default;
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var skip)
            || !IsEntryId(text.AsSpan(0, colon)))
        {
            throw BanditsException.Invalid("after", "after must be a cursor returned as 'next' by an earlier page.");
        }

        return new DecisionLogCursor(colon == 0 ? null : text[..colon], skip);
    }

    /// <summary>Empty, or digits with at most one inner dash: the ids both stores hand out (Redis stream ids, and the memory store's).</summary>
    private static bool IsEntryId(ReadOnlySpan<char> id) =>
        id.Length <= 41 && id.IndexOfAnyExcept("0123456789-") < 0 && id.Count('-') <= 1 && (id.IsEmpty || (id[0] != '-' && id[^1] != '-'));
}
