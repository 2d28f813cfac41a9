using Parquet.Schema;

namespace Orleans.Bandits.Export;

/// <summary>
/// The Parquet schema of the decision log: one column per field of the JSON event, named and ordered as the JSON
/// (<see cref="DecisionEvent"/>), so a query written against one works against the other. Times are UTC
/// timestamps in milliseconds, the log's own precision; lists are standard three-level Parquet lists.
/// </summary>
public static class DecisionEventSchema
{
    public static readonly DataField<string> SelectionId = new("selectionId", nullable: false);
    public static readonly DataField<string> EventId = new("eventId", nullable: true);
    public static readonly DataField<string> Arm = new("arm", nullable: false);
    public static readonly DataField<double> Propensity = new("propensity", nullable: true);
    public static readonly ListField Context = new("context", new DataField<double>(ListField.ElementName, nullable: false));
    public static readonly DataField<long> Version = new("version", nullable: false);
    public static readonly DataField<string> Policy = new("policy", nullable: false);
    public static readonly DateTimeDataField SelectedAt = new("selectedAt", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);
    public static readonly DataField<double> Reward = new("reward", nullable: true);
    public static readonly ListField Costs = new("costs", new DataField<double>(ListField.ElementName, nullable: false));
    public static readonly DateTimeDataField RewardedAt = new("rewardedAt", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true);
    public static readonly DataField<bool> Defaulted = new("defaulted", nullable: false);
    public static readonly DataField<bool> Holdout = new("holdout", nullable: false);

    /// <summary>The columns in file order.</summary>
    public static readonly ParquetSchema Schema = new(SelectionId, EventId, Arm, Propensity, Context, Version, Policy, SelectedAt, Reward, Costs, RewardedAt, Defaulted, Holdout);

    /// <summary>The leaf column of a list field: what its values are written to and read from.</summary>
    public static DataField ElementOf(ListField list) => (DataField)list.Item;
}
