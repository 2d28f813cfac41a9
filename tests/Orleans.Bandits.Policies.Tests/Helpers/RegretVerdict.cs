using Xunit.Abstractions;

namespace Orleans.Bandits.Policies.Tests.Helpers;

/// <summary>
/// What one regret test concludes about one policy: every bound it checks, measured on its fixed seeds.
/// The real policy must keep all of them and each mutant must break at least one, through the same
/// verdict, so a test that lets a wrong policy through cannot go unnoticed.
/// </summary>
internal sealed class RegretVerdict(IReadOnlyList<BoundCheck> checks)
{
    public IReadOnlyList<BoundCheck> Checks { get; } = checks;

    public bool Holds => Checks.All(c => c.Holds);

    public override string ToString() => string.Join("; ", Checks);

    /// <summary>Reports every check, then asserts all hold: the real policy's side.</summary>
    public void AssertHolds(ITestOutputHelper output)
    {
        output.WriteLine(ToString());
        Assert.True(Holds, $"a bound is broken: {this}");
    }

    /// <summary>Reports every check, then asserts one is broken: the mutant's side.</summary>
    public void AssertBroken(ITestOutputHelper output)
    {
        output.WriteLine(ToString());
        Assert.False(Holds, $"the mutant keeps every bound, so the test cannot tell it from the real policy: {this}");
    }
}
