namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// Sufficient statistics: everything a policy has learned, in a plain numeric form so any
/// serializer can persist it. Each policy documents its own layout of <see cref="Arms"/>
/// (one vector per arm) and <see cref="Shared"/> (policy-wide values).
/// Mutable: only the single writer (the experiment grain, or a simulator) touches it.
/// </summary>
public sealed class PolicyState
{
    /// <summary>The layout version written by this build; bumped when any policy changes its layout.</summary>
    public const int CurrentSchemaVersion = 1;

    public PolicyState(List<double[]> arms, double[] shared, int schemaVersion = CurrentSchemaVersion)
    {
        if (schemaVersion != CurrentSchemaVersion)
        {
            throw new NotSupportedException($"Policy state schema {schemaVersion} is not supported (this build reads {CurrentSchemaVersion}).");
        }

        Arms = arms;
        Shared = shared;
        SchemaVersion = schemaVersion;
    }

    public int SchemaVersion { get; }

    public List<double[]> Arms { get; }

    public double[] Shared { get; set; }

    public int ArmCount => Arms.Count;

    public PolicyState Clone() => new(Arms.Select(a => (double[])a.Clone()).ToList(), (double[])Shared.Clone(), SchemaVersion);
}
