namespace Orleans.Bandits.Grains.Selection.Gates;

/// <summary>
/// Whether a request's attributes satisfy an experiment's targeting rules (all of them). A rule holds only for an
/// attribute that is present and of the kind of the rule's value: a missing attribute, or a number where the rule names
/// a string, fails every operator, <c>ne</c> and <c>notIn</c> included, so targeting admits only requests it can read.
/// </summary>
public static class TargetingGate
{
    public static bool Admits(IReadOnlyList<TargetingRule>? rules, IReadOnlyDictionary<string, AttributeValue>? attributes)
    {
        if (rules is null)
        {
            return true;
        }

        foreach (var rule in rules)
        {
            if (attributes is null || !attributes.TryGetValue(rule.Attribute, out var value) || !Holds(rule, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="rule"/> holds for the attribute <paramref name="value"/>.</summary>
    public static bool Holds(TargetingRule rule, AttributeValue value)
    {
        if (rule.Values.Count == 0 || rule.Values[0].Kind != value.Kind)
        {
            return false;
        }

        var first = rule.Values[0];
        return rule.Op switch
        {
            TargetingOperator.Eq => Same(value, first),
            TargetingOperator.Ne => !Same(value, first),
            TargetingOperator.In => rule.Values.Any(listed => Same(value, listed)),
            TargetingOperator.NotIn => !rule.Values.Any(listed => Same(value, listed)),
            TargetingOperator.Gt => value.Kind == AttributeKind.Number && value.Number > first.Number,
            TargetingOperator.Gte => value.Kind == AttributeKind.Number && value.Number >= first.Number,
            TargetingOperator.Lt => value.Kind == AttributeKind.Number && value.Number < first.Number,
            TargetingOperator.Lte => value.Kind == AttributeKind.Number && value.Number <= first.Number,
            TargetingOperator.Contains => value.Kind == AttributeKind.Text && value.Text!.Contains(first.Text!, StringComparison.Ordinal),
            _ => false,
        };
    }

    private static bool Same(AttributeValue a, AttributeValue b) => a.Kind == b.Kind && a.Kind switch
    {
        AttributeKind.Text => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
        AttributeKind.Number => a.Number == b.Number,
        _ => a.Flag == b.Flag,
    };
}
