namespace Orleans.Bandits.Contracts.Selection;

/// <summary>The JSON type of an attribute value: targeting compares only values of the same kind.</summary>
[GenerateSerializer, Alias("bandits.AttributeKind")]
public enum AttributeKind
{
    Text = 0,
    Number = 1,
    Boolean = 2,
}
