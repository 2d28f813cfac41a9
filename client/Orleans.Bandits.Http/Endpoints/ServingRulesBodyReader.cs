using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>
/// The serving-rule fields of a create or PATCH body as a <see cref="ServingRulesChange"/>: what the JSON cannot say
/// wrongly is refused here (an unknown op, a value that is no scalar, a time that is not HH:mm), the rest by the
/// experiment grain (<c>ServingRulesValidator</c>), which knows the arms. Either way a 400 names the field.
/// </summary>
public static class ServingRulesBodyReader
{
    private static readonly Dictionary<string, TargetingOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = TargetingOperator.Eq,
        ["ne"] = TargetingOperator.Ne,
        ["in"] = TargetingOperator.In,
        ["notIn"] = TargetingOperator.NotIn,
        ["gt"] = TargetingOperator.Gt,
        ["gte"] = TargetingOperator.Gte,
        ["lt"] = TargetingOperator.Lt,
        ["lte"] = TargetingOperator.Lte,
        ["contains"] = TargetingOperator.Contains,
    };

    /// <summary>The names of the operators, as the API spells them.</summary>
    public static string NameOf(TargetingOperator op) => Operators.First(o => o.Value == op).Key;

    /// <summary>The rules a body sets: each field present (not null) is named in the change.</summary>
    public static bool TryRead(
        UnitPercentageBody? rollout,
        List<TargetingRuleBody?>? targeting,
        ScheduleBody? schedule,
        JsonElement defaultArm,
        UnitPercentageBody? holdout,
        double? explorationFloor,
        out ServingRulesChange change,
        [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        change = new ServingRulesChange(ServingRules.None, ServingRuleFields.None);
        var fields = ServingRuleFields.None;
        var problems = new[]
        {
            Percentage("rollout", rollout, out var rolloutShare),
            Percentage("holdout", holdout, out var holdoutShare),
            Targeting(targeting, out var rules),
            Schedule(schedule, out var window),
        };
        problem = problems.FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            return false;
        }

        string? arm = null;
        switch (defaultArm.ValueKind)
        {
            case JsonValueKind.Undefined:
                break;
            case JsonValueKind.Null:
                fields |= ServingRuleFields.DefaultArm;
                break;
            case JsonValueKind.String:
                arm = defaultArm.GetString();
                fields |= ServingRuleFields.DefaultArm;
                break;
            default:
                problem = Problems.Invalid("defaultArm", "defaultArm must be an arm id, or null for the first active arm.");
                return false;
        }

        fields |= rollout is null ? 0 : ServingRuleFields.Rollout;
        fields |= holdout is null ? 0 : ServingRuleFields.Holdout;
        fields |= targeting is null ? 0 : ServingRuleFields.Targeting;
        fields |= schedule is null ? 0 : ServingRuleFields.Schedule;
        fields |= explorationFloor is null ? 0 : ServingRuleFields.ExplorationFloor;
        change = new ServingRulesChange(new ServingRules(rolloutShare, rules, window, arm, holdoutShare, explorationFloor ?? 0), fields);
        return true;
    }

    private static ProblemHttpResult? Percentage(string field, UnitPercentageBody? body, out UnitPercentage? share)
    {
        share = null;
        if (body is null)
        {
            return null;
        }

        if (body.Percentage is not { } percentage)
        {
            return Problems.Invalid($"{field}.percentage", $"{field}.percentage is required: a number from 0 to 100.");
        }

        share = new UnitPercentage(percentage);
        return null;
    }

    private static ProblemHttpResult? Targeting(List<TargetingRuleBody?>? body, out IReadOnlyList<TargetingRule>? rules)
    {
        rules = null;
        if (body is null)
        {
            return null;
        }

        if (body.Count > ServingRules.MaxTargetingRules)
        {
            return Problems.Invalid("targeting", $"An experiment has at most {ServingRules.MaxTargetingRules} targeting rules (got {body.Count}).");
        }

        var read = new List<TargetingRule>(body.Count);
        for (var i = 0; i < body.Count; i++)
        {
            var field = $"targeting[{i}]";
            if (body[i] is not { } rule)
            {
                return Problems.Invalid(field, $"{field} must be an object {{\"attribute\", \"op\", \"value\"}}.");
            }

            if (rule.Op is null || !Operators.TryGetValue(rule.Op, out var op))
            {
                return Problems.Invalid($"{field}.op", $"{field}.op must be one of {string.Join(", ", Operators.Keys)} (got '{rule.Op}').");
            }

            var isList = op is TargetingOperator.In or TargetingOperator.NotIn;
            if ((rule.Value.ValueKind == JsonValueKind.Array) != isList || !TryValues(rule.Value, out var values))
            {
                return Problems.Invalid($"{field}.value", isList
                    ? $"{field}.value must be a list of 1 to {ServingRules.MaxRuleValues} strings, numbers or booleans for '{rule.Op}'."
                    : $"{field}.value must be one string, number or boolean for '{rule.Op}'.");
            }

            read.Add(new TargetingRule(rule.Attribute ?? "", op, values));
        }

        rules = read;
        return null;
    }

    private static bool TryValues(JsonElement value, out List<AttributeValue> values)
    {
        values = [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            if (AttributeReader.Read(value) is not { } single)
            {
                return false;
            }

            values.Add(single);
            return true;
        }

        if (value.GetArrayLength() > ServingRules.MaxRuleValues)
        {
            return false;
        }

        foreach (var element in value.EnumerateArray())
        {
            if (AttributeReader.Read(element) is not { } listed)
            {
                return false;
            }

            values.Add(listed);
        }

        return true;
    }

    private static ProblemHttpResult? Schedule(ScheduleBody? body, out ServingSchedule? schedule)
    {
        schedule = null;
        if (body is null)
        {
            return null;
        }

        DailyHours? hours = null;
        if (body.Hours is { } window)
        {
            if (!TryMinute(window.From, out var from) || !TryMinute(window.To, out var to))
            {
                return Problems.Invalid("schedule.hours", "schedule.hours.from and .to are required, times of day \"HH:mm\" from 00:00 to 23:59.");
            }

            hours = new DailyHours(from, to, window.TimeZone ?? "");
        }

        // An empty schedule serves always: it is stored as no schedule, so the experiment reads back without one.
        schedule = body.Start is null && body.End is null && hours is null ? null : new ServingSchedule(body.Start, body.End, hours);
        return null;
    }

    private static bool TryMinute(string? time, out int minute)
    {
        minute = 0;
        if (time is not { Length: 5 } || !TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        minute = (parsed.Hour * 60) + parsed.Minute;
        return true;
    }
}
