using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace Orleans.Bandits.Export;

/// <summary>
/// Reads the events back from a decision-log Parquet file (<see cref="DecisionEventSchema"/>): the export of
/// <c>GET /v1/experiments/{id}/events.parquet</c>, or the same columns written by another tool (any timestamp unit,
/// nullable columns holding no nulls where the schema requires a value). Other columns are ignored.
/// </summary>
public static class ParquetDecisionReader
{
    /// <summary>Every event of the file, in file order, one row group in memory at a time.</summary>
    /// <param name="input">The file; a stream that cannot seek is read into memory first (Parquet's footer is at the end).</param>
    /// <param name="cancellationToken">Stops between row groups.</param>
    /// <exception cref="InvalidDataException">Not a Parquet file, or a column of the decision log is missing, of another type, or null where a value is required.</exception>
    public static async IAsyncEnumerable<DecisionEvent> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seekable = input;
        if (!input.CanSeek)
        {
            seekable = new MemoryStream();
            await input.CopyToAsync(seekable, cancellationToken);
            seekable.Position = 0;
        }

        await using var reader = await Open(seekable, cancellationToken);
        var columns = Columns.Find(reader.Schema);
        for (var i = 0; i < reader.RowGroupCount; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var decisionEvent in await ReadRowGroup(reader.OpenRowGroupReader(i), columns, cancellationToken))
            {
                yield return decisionEvent;
            }
        }
    }

    private static async Task<ParquetReader> Open(Stream input, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetReader.CreateAsync(input, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or ParquetException)
        {
            throw new InvalidDataException($"Not a Parquet file: {e.Message}", e);
        }
    }

    private static async Task<IReadOnlyList<DecisionEvent>> ReadRowGroup(ParquetRowGroupReader group, Columns columns, CancellationToken cancellationToken)
    {
        var rows = checked((int)group.RowCount);
        try
        {
            var selectionIds = await Strings(group, columns.SelectionId, rows, required: true, cancellationToken);
            var eventIds = await Strings(group, columns.EventId, rows, required: false, cancellationToken);
            var arms = await Strings(group, columns.Arm, rows, required: true, cancellationToken);
            var propensities = await Values<double>(group, columns.Propensity, rows, cancellationToken);
            var contexts = await Lists(group, columns.Context, rows, cancellationToken);
            var versions = await Values<long>(group, columns.Version, rows, cancellationToken);
            var policies = await Strings(group, columns.Policy, rows, required: true, cancellationToken);
            var selectedAt = await Values<DateTime>(group, columns.SelectedAt, rows, cancellationToken);
            var rewards = await Values<double>(group, columns.Reward, rows, cancellationToken);
            var costs = await Lists(group, columns.Costs, rows, cancellationToken);
            var rewardedAt = await Values<DateTime>(group, columns.RewardedAt, rows, cancellationToken);
            var defaulted = await Values<bool>(group, columns.Defaulted, rows, cancellationToken);
            var holdout = await Values<bool>(group, columns.Holdout, rows, cancellationToken);

            var events = new DecisionEvent[rows];
            for (var row = 0; row < rows; row++)
            {
                events[row] = new DecisionEvent(
                    selectionIds[row]!,
                    eventIds[row],
                    arms[row]!,
                    propensities[row],
                    contexts[row],
                    Required(versions[row], columns.Version),
                    policies[row]!,
                    Utc(Required(selectedAt[row], columns.SelectedAt)),
                    rewards[row],
                    costs[row],
                    rewardedAt[row] is { } rewarded ? Utc(rewarded) : null,
                    Required(defaulted[row], columns.Defaulted),
                    Required(holdout[row], columns.Holdout));
            }

            return events;
        }
        catch (Exception e) when (e is ArgumentException or ParquetException)
        {
            throw new InvalidDataException($"The file's columns are not a decision log's: {e.Message}", e);
        }
    }

    private static async Task<string?[]> Strings(ParquetRowGroupReader group, DataField field, int rows, bool required, CancellationToken cancellationToken)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: cancellationToken);
        if (required && Array.IndexOf(values, null) >= 0)
        {
            throw new InvalidDataException($"Column '{field.Name}' holds a null; every event has one.");
        }

        return values;
    }

    /// <summary>A flat column as nullable values, whether or not the file declares it nullable.</summary>
    private static async Task<T?[]> Values<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T?[rows];
        if (field.IsNullable)
        {
            await group.ReadAsync(field, values.AsMemory(), cancellationToken: cancellationToken);
            return values;
        }

        var present = new T[rows];
        await group.ReadAsync(field, present.AsMemory(), cancellationToken: cancellationToken);
        for (var i = 0; i < rows; i++)
        {
            values[i] = present[i];
        }

        return values;
    }

    /// <summary>
    /// A list column rebuilt from its levels: a row starts at repetition level 0; definition level 0 is a null list,
    /// the list's own level an empty one, and the element's maximum a value.
    /// </summary>
    private static async Task<double[]?[]> Lists(ParquetRowGroupReader group, DataField element, int rows, CancellationToken cancellationToken)
    {
        using var raw = (RawColumnData<double>)await group.ReadRawColumnDataBaseAsync(element, cancellationToken);
        var lists = new double[]?[rows];
        var row = -1;
        var next = 0;
        var current = new List<double>();
        var definitions = raw.DefinitionLevels;
        var repetitions = raw.RepetitionLevels;
        for (var i = 0; i < definitions.Length; i++)
        {
            if (repetitions[i] == 0)
            {
                if (row >= 0 && lists[row] is not null)
                {
                    lists[row] = [.. current];
                }

                row++;
                current.Clear();
                lists[row] = definitions[i] == 0 ? null : [];
            }

            if (definitions[i] == element.MaxDefinitionLevel)
            {
                current.Add(raw.Values[next++]);
            }
            else if (definitions[i] > 1)
            {
                throw new InvalidDataException($"Column '{element.Path}' holds a null element; its lists hold numbers.");
            }
        }

        if (row >= 0 && lists[row] is not null)
        {
            lists[row] = [.. current];
        }

        return lists;
    }

    private static T Required<T>(T? value, DataField field)
        where T : struct =>
        value ?? throw new InvalidDataException($"Column '{field.Name}' holds a null; every event has one.");

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    /// <summary>The file's own fields for the decision log's columns, found by path.</summary>
    private sealed record Columns(
        DataField SelectionId,
        DataField EventId,
        DataField Arm,
        DataField Propensity,
        DataField Context,
        DataField Version,
        DataField Policy,
        DataField SelectedAt,
        DataField Reward,
        DataField Costs,
        DataField RewardedAt,
        DataField Defaulted,
        DataField Holdout)
    {
        public static Columns Find(ParquetSchema schema)
        {
            var fields = schema.GetDataFields().ToDictionary(f => f.Path.ToString(), StringComparer.Ordinal);
            DataField Field(Field expected)
            {
                var path = (expected is ListField list ? DecisionEventSchema.ElementOf(list) : (DataField)expected).Path.ToString();
                return fields.TryGetValue(path, out var field)
                    ? field
                    : throw new InvalidDataException($"The file has no column '{path}': it is not a decision-log export.");
            }

            return new Columns(
                Field(DecisionEventSchema.SelectionId),
                Field(DecisionEventSchema.EventId),
                Field(DecisionEventSchema.Arm),
                Field(DecisionEventSchema.Propensity),
                Field(DecisionEventSchema.Context),
                Field(DecisionEventSchema.Version),
                Field(DecisionEventSchema.Policy),
                Field(DecisionEventSchema.SelectedAt),
                Field(DecisionEventSchema.Reward),
                Field(DecisionEventSchema.Costs),
                Field(DecisionEventSchema.RewardedAt),
                Field(DecisionEventSchema.Defaulted),
                Field(DecisionEventSchema.Holdout));
        }
    }
}
