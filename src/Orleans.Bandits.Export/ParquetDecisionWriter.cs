using Parquet;
using Parquet.Schema;

namespace Orleans.Bandits.Export;

/// <summary>
/// Writes decision-log events as a Parquet file (<see cref="DecisionEventSchema"/>) to any writable stream, an HTTP
/// response included, one row group at a time: each <see cref="WriteRowGroupAsync"/> reaches the stream before it
/// returns, so an export holds one page of events in memory, never the whole log. Disposing writes the footer;
/// a file with no row group is a valid empty table.
/// </summary>
public sealed class ParquetDecisionWriter : IAsyncDisposable
{
    private readonly DeferredWriteStream _output;
    private readonly ParquetWriter _writer;

    private ParquetDecisionWriter(DeferredWriteStream output, ParquetWriter writer)
    {
        _output = output;
        _writer = writer;
    }

    public static async Task<ParquetDecisionWriter> CreateAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var deferred = new DeferredWriteStream(output);
        var writer = await ParquetWriter.CreateAsync(DecisionEventSchema.Schema, deferred, cancellationToken: cancellationToken);
        return new ParquetDecisionWriter(deferred, writer);
    }

    /// <summary>Writes <paramref name="events"/> as one row group, in order; nothing when there are none.</summary>
    public async Task WriteRowGroupAsync(IReadOnlyList<DecisionEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            await group.WriteAsync(DecisionEventSchema.SelectionId, events.Select(e => (string?)e.SelectionId).ToList());
            await group.WriteAsync(DecisionEventSchema.EventId, events.Select(e => e.EventId).ToList());
            await group.WriteAsync(DecisionEventSchema.Arm, events.Select(e => (string?)e.Arm).ToList());
            await group.WriteAsync(DecisionEventSchema.Propensity, (ReadOnlyMemory<double?>)events.Select(e => e.Propensity).ToArray(), cancellationToken: cancellationToken);
            await WriteListAsync(group, DecisionEventSchema.Context, events.Select(e => e.Context), cancellationToken);
            await group.WriteAsync(DecisionEventSchema.Version, (ReadOnlyMemory<long>)events.Select(e => e.Version).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync(DecisionEventSchema.Policy, events.Select(e => (string?)e.Policy).ToList());
            await group.WriteAsync(DecisionEventSchema.SelectedAt, (ReadOnlyMemory<DateTime>)events.Select(e => e.SelectedAt.UtcDateTime).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync(DecisionEventSchema.Reward, (ReadOnlyMemory<double?>)events.Select(e => e.Reward).ToArray(), cancellationToken: cancellationToken);
            await WriteListAsync(group, DecisionEventSchema.Costs, events.Select(e => e.Costs), cancellationToken);
            await group.WriteAsync(DecisionEventSchema.RewardedAt, (ReadOnlyMemory<DateTime?>)events.Select(e => e.RewardedAt?.UtcDateTime).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync(DecisionEventSchema.Defaulted, (ReadOnlyMemory<bool>)events.Select(e => e.Defaulted).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync(DecisionEventSchema.Holdout, (ReadOnlyMemory<bool>)events.Select(e => e.Holdout).ToArray(), cancellationToken: cancellationToken);
            group.CompleteValidate();
        }

        await _output.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _output.DisposeAsync();
    }

    /// <summary>
    /// A list column by its levels: per row a null list is definition level 0, an empty list 1, and each value 2
    /// (the list is optional, its repeated group adds one, elements are required); a row's first value has
    /// repetition level 0 and the rest 1.
    /// </summary>
    private static async Task WriteListAsync(ParquetRowGroupWriter group, ListField list, IEnumerable<double[]?> rows, CancellationToken cancellationToken)
    {
        var values = new List<double>();
        var definitions = new List<int>();
        var repetitions = new List<int>();
        foreach (var row in rows)
        {
            if (row is null || row.Length == 0)
            {
                definitions.Add(row is null ? 0 : 1);
                repetitions.Add(0);
                continue;
            }

            for (var i = 0; i < row.Length; i++)
            {
                values.Add(row[i]);
                definitions.Add(2);
                repetitions.Add(i == 0 ? 0 : 1);
            }
        }

        await group.WriteAllPartsAsync<double>(DecisionEventSchema.ElementOf(list), values.ToArray(), definitions.ToArray(), repetitions.ToArray(), cancellationToken);
    }
}
