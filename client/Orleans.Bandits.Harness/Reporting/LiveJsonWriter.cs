using System.Text.Json;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>Rewrites <c>live.json</c> about once a second, atomically (write aside, then rename), so a reader never sees half a file.</summary>
public sealed class LiveJsonWriter(string path, LiveBoard board, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Writes until <paramref name="cancellationToken"/> is cancelled, then once more with the final state.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Write();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The study is over; fall through to the final write.
        }

        Write();
    }

    public void Write()
    {
        if (board.Focus is not { } run)
        {
            return;
        }

        var aside = path + ".tmp";
        File.WriteAllText(aside, JsonSerializer.Serialize(run.Snapshot(clock.GetUtcNow()), Json));
        File.Move(aside, path, overwrite: true);
    }
}
