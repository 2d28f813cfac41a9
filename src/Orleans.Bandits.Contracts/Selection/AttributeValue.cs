using System.Globalization;

namespace Orleans.Bandits.Contracts.Selection;

/// <summary>A string, number or boolean, as a select request's <c>attributes</c> and a targeting rule's <c>value</c> carry them.</summary>
/// <param name="Kind">Which of the three it is.</param>
/// <param name="Text">The string, for <see cref="AttributeKind.Text"/>.</param>
/// <param name="Number">The number, for <see cref="AttributeKind.Number"/>.</param>
/// <param name="Flag">The boolean, for <see cref="AttributeKind.Boolean"/>.</param>
[GenerateSerializer, Immutable, Alias("bandits.AttributeValue")]
public sealed record AttributeValue(
    [property: Id(0)] AttributeKind Kind,
    [property: Id(1)] string? Text = null,
    [property: Id(2)] double Number = 0,
    [property: Id(3)] bool Flag = false)
{
    /// <summary>The longest string value accepted, in a request or a rule.</summary>
    public const int MaxTextLength = 256;

    public static AttributeValue Of(string text) => new(AttributeKind.Text, Text: text);

    public static AttributeValue Of(double number) => new(AttributeKind.Number, Number: number);

    public static AttributeValue Of(bool flag) => new(AttributeKind.Boolean, Flag: flag);

    /// <summary>Whether it fits the bounds: a string of at most <see cref="MaxTextLength"/> characters, a finite number.</summary>
    public bool IsWellFormed => Kind switch
    {
        AttributeKind.Text => Text is { Length: <= MaxTextLength },
        AttributeKind.Number => double.IsFinite(Number),
        AttributeKind.Boolean => true,
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        AttributeKind.Text => $"\"{Text}\"",
        AttributeKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        _ => Flag ? "true" : "false",
    };
}
