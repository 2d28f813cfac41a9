using System.Globalization;

namespace Orleans.Bandits.Cli.Study;

/// <summary>
/// The article's setting in events instead of seconds. At a request rate λ, a staleness window of
/// W seconds (the time a selection may be served from parameters that miss an outcome) is
/// λ·W selections per batch, and a feedback delay of d seconds is λ·d selections. Regret depends
/// on how many selections are made on which information, not on the wall clock, so the study
/// plays the events at cluster speed and keeps the batches exact.
/// </summary>
/// <param name="RequestsPerSecond">λ.</param>
/// <param name="WindowSeconds">W: the article counts its training interval; the platform's own window is replica TTL + training interval.</param>
/// <param name="WindowSource">Where W came from, for the report.</param>
/// <param name="MeanDelaySeconds">Mean of the exponential feedback delay.</param>
public sealed record TimeScale(double RequestsPerSecond, double WindowSeconds, string WindowSource, double MeanDelaySeconds)
{
    /// <summary>B = λ·W, at least one selection.</summary>
    public int EventsPerBatch => Math.Max(1, (int)Math.Round(RequestsPerSecond * WindowSeconds, MidpointRounding.AwayFromZero));

    /// <summary>Mean delay in selections, λ·d.</summary>
    public double MeanDelayEvents => RequestsPerSecond * MeanDelaySeconds;

    /// <summary>How long T selections last at λ.</summary>
    public TimeSpan TrafficFor(long rounds) => TimeSpan.FromSeconds(rounds / RequestsPerSecond);

    /// <summary>One line per quantity: the setting in seconds and what it becomes in events.</summary>
    public IReadOnlyList<(string Quantity, string InTime, string InEvents)> Mapping(long rounds) =>
    [
        ("request rate λ", $"{Number(RequestsPerSecond)} /s", "1 selection per event"),
        ("staleness window W", $"{Number(WindowSeconds)} s ({WindowSource})", $"B = λ·W = {EventsPerBatch.ToString("N0", CultureInfo.InvariantCulture)} selections per batch"),
        ("feedback delay (exponential)", $"mean {Number(MeanDelaySeconds)} s", $"mean λ·d = {MeanDelayEvents.ToString("N0", CultureInfo.InvariantCulture)} selections"),
        ("horizon T", $"{TrafficFor(rounds).TotalHours.ToString("0.##", CultureInfo.InvariantCulture)} h of traffic", $"{rounds.ToString("N0", CultureInfo.InvariantCulture)} selections, {BatchCount(rounds).ToString("N0", CultureInfo.InvariantCulture)} batches"),
    ];

    /// <summary>J = ⌈T / B⌉.</summary>
    public long BatchCount(long rounds) => (rounds + EventsPerBatch - 1) / EventsPerBatch;

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
