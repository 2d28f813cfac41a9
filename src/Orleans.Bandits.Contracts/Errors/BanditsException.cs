namespace Orleans.Bandits.Contracts.Errors;

/// <summary>
/// A request the platform refuses, with the reason. Thrown by grains and rethrown on the caller's
/// side by Orleans, so a web app (or the HTTP gateway) can turn it into the right answer.
/// </summary>
[GenerateSerializer, Alias("bandits.BanditsException")]
public sealed class BanditsException : Exception
{
    public BanditsException(BanditsErrorKind kind, string message, string? field = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    [Id(0)]
    public BanditsErrorKind Kind { get; }

    /// <summary>For validation errors, the offending field (e.g. <c>reward</c>, <c>policy.params.alpha</c>).</summary>
    [Id(1)]
    public string? Field { get; }

    public static BanditsException NotFound(ExperimentId id) =>
        new(BanditsErrorKind.NotFound, $"Experiment '{id.Name}' does not exist.");

    public static BanditsException Invalid(string field, string message) =>
        new(BanditsErrorKind.Validation, message, field);
}
