using Orleans.Bandits.Grains.Selection.Gates;

namespace Orleans.Bandits.Cluster.Tests.Selection;

/// <summary>Each operator at its boundary, a missing attribute and a value of another type.</summary>
public sealed class TargetingGateTests
{
    private static TargetingRule Rule(TargetingOperator op, params AttributeValue[] values) => new("x", op, values);

    private static AttributeValue N(double number) => AttributeValue.Of(number);

    private static AttributeValue S(string text) => AttributeValue.Of(text);

    [Theory]
    [InlineData(TargetingOperator.Gt, 10, false)]
    [InlineData(TargetingOperator.Gt, 10.000001, true)]
    [InlineData(TargetingOperator.Gte, 10, true)]
    [InlineData(TargetingOperator.Gte, 9.999999, false)]
    [InlineData(TargetingOperator.Lt, 10, false)]
    [InlineData(TargetingOperator.Lt, 9.999999, true)]
    [InlineData(TargetingOperator.Lte, 10, true)]
    [InlineData(TargetingOperator.Lte, 10.000001, false)]
    [InlineData(TargetingOperator.Eq, 10, true)]
    [InlineData(TargetingOperator.Eq, 10.000001, false)]
    [InlineData(TargetingOperator.Ne, 10, false)]
    [InlineData(TargetingOperator.Ne, 10.000001, true)]
    public void Numeric_operators_at_their_boundary(TargetingOperator op, double attribute, bool holds) =>
        Assert.Equal(holds, TargetingGate.Holds(Rule(op, N(10)), N(attribute)));

    [Fact]
    public void In_and_not_in_match_exactly_one_of_the_listed_values()
    {
        var countries = new[] { S("DE"), S("AT") };
        Assert.True(TargetingGate.Holds(Rule(TargetingOperator.In, countries), S("AT")));
        Assert.False(TargetingGate.Holds(Rule(TargetingOperator.In, countries), S("at")));
        Assert.False(TargetingGate.Holds(Rule(TargetingOperator.In, countries), S("CH")));
        Assert.True(TargetingGate.Holds(Rule(TargetingOperator.NotIn, countries), S("CH")));
        Assert.False(TargetingGate.Holds(Rule(TargetingOperator.NotIn, countries), S("DE")));
    }

    [Fact]
    public void Contains_is_an_ordinal_substring_test_including_the_whole_string_and_the_empty_one()
    {
        Assert.True(TargetingGate.Holds(Rule(TargetingOperator.Contains, S("beta")), S("beta")));
        Assert.True(TargetingGate.Holds(Rule(TargetingOperator.Contains, S("beta")), S("app-beta-2")));
        Assert.False(TargetingGate.Holds(Rule(TargetingOperator.Contains, S("beta")), S("app-Beta")));
        Assert.False(TargetingGate.Holds(Rule(TargetingOperator.Contains, S("beta")), S("bet")));
        Assert.True(TargetingGate.Holds(Rule(TargetingOperator.Contains, S("")), S("")));
    }

    [Fact]
    public void Booleans_compare_by_equality()
    {
        Assert.True(TargetingGate.Holds(Rule(TargetingOperator.Eq, AttributeValue.Of(true)), AttributeValue.Of(true)));
        Assert.False(TargetingGate.Holds(Rule(TargetingOperator.Eq, AttributeValue.Of(true)), AttributeValue.Of(false)));
        Assert.True(TargetingGate.Holds(Rule(TargetingOperator.Ne, AttributeValue.Of(true)), AttributeValue.Of(false)));
    }

    [Theory]
    [InlineData(TargetingOperator.Eq)]
    [InlineData(TargetingOperator.Ne)]
    [InlineData(TargetingOperator.In)]
    [InlineData(TargetingOperator.NotIn)]
    [InlineData(TargetingOperator.Gt)]
    [InlineData(TargetingOperator.Gte)]
    [InlineData(TargetingOperator.Lt)]
    [InlineData(TargetingOperator.Lte)]
    public void A_value_of_another_type_fails_every_operator_even_the_negative_ones(TargetingOperator op)
    {
        Assert.False(TargetingGate.Holds(Rule(op, N(10)), S("10")));
        Assert.False(TargetingGate.Holds(Rule(op, N(1)), AttributeValue.Of(true)));
    }

    [Fact]
    public void A_missing_attribute_fails_even_ne_and_not_in_and_every_rule_must_hold()
    {
        var rules = new[] { new TargetingRule("country", TargetingOperator.Ne, [S("DE")]), new TargetingRule("age", TargetingOperator.Gte, [N(18)]) };
        Assert.False(TargetingGate.Admits(rules, null));
        Assert.False(TargetingGate.Admits(rules, new Dictionary<string, AttributeValue> { ["age"] = N(30) }));
        Assert.False(TargetingGate.Admits(rules, new Dictionary<string, AttributeValue> { ["country"] = S("FR"), ["age"] = N(17) }));
        Assert.True(TargetingGate.Admits(rules, new Dictionary<string, AttributeValue> { ["country"] = S("FR"), ["age"] = N(18) }));
        Assert.True(TargetingGate.Admits(null, null));
        Assert.True(TargetingGate.Admits([], null));
    }
}
