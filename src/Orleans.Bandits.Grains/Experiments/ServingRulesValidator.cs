namespace Orleans.Bandits.Grains.Experiments;

/// <summary>Checks serving rules against the experiment's arms before anything is stored: a refused rule changes nothing.</summary>
public static class ServingRulesValidator
{
    /// <exception cref="BanditsException">Validation, naming the field (e.g. <c>targeting[1].value</c>).</exception>
    public static void Validate(ServingRules rules, IReadOnlyList<ArmView> arms)
    {
        CheckPercentage("rollout.percentage", rules.Rollout);
        CheckPercentage("holdout.percentage", rules.Holdout);
        if (!(rules.ExplorationFloor is >= 0 and < 1))
        {
            throw BanditsException.Invalid("explorationFloor", "explorationFloor must be a number f with 0 <= f < 1 (at f = 1 the policy would never choose).");
        }

        if (rules.DefaultArm is { } defaultArm && !arms.Any(a => a.Id == defaultArm && !a.Retired))
        {
            throw BanditsException.Invalid("defaultArm", $"defaultArm must name an active arm of the experiment (got '{defaultArm}').");
        }

        CheckTargeting(rules.Targeting);
        CheckSchedule(rules.Schedule);
    }

    private static void CheckPercentage(string field, UnitPercentage? share)
    {
        if (share is not null && !(share.Percentage is >= 0 and <= 100))
        {
            throw BanditsException.Invalid(field, $"{field} must be a number from 0 to 100.");
        }
    }

    private static void CheckTargeting(IReadOnlyList<TargetingRule>? rules)
    {
        if (rules is null)
        {
            return;
        }

        if (rules.Count > ServingRules.MaxTargetingRules)
        {
            throw BanditsException.Invalid("targeting", $"An experiment has at most {ServingRules.MaxTargetingRules} targeting rules (got {rules.Count}).");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule is null)
            {
                throw BanditsException.Invalid($"targeting[{i}]", $"targeting[{i}] must be an object {{\"attribute\", \"op\", \"value\"}}.");
            }

            if (string.IsNullOrEmpty(rule.Attribute) || rule.Attribute.Length > SelectRequest.MaxAttributeNameLength)
            {
                throw BanditsException.Invalid($"targeting[{i}].attribute", $"targeting[{i}].attribute must be a name of 1 to {SelectRequest.MaxAttributeNameLength} characters.");
            }

            if (!Enum.IsDefined(rule.Op))
            {
                throw BanditsException.Invalid($"targeting[{i}].op", $"targeting[{i}].op must be one of eq, ne, in, notIn, gt, gte, lt, lte, contains.");
            }

            CheckValues($"targeting[{i}].value", rule);
        }
    }

    private static void CheckValues(string field, TargetingRule rule)
    {
        var values = rule.Values;
        var isList = rule.Op is TargetingOperator.In or TargetingOperator.NotIn;
        if (values is null || (isList ? values.Count is < 1 or > ServingRules.MaxRuleValues : values.Count != 1))
        {
            throw BanditsException.Invalid(field, isList
                ? $"{field} must be a list of 1 to {ServingRules.MaxRuleValues} values for '{Name(rule.Op)}'."
                : $"{field} must be one value (a string, number or boolean) for '{Name(rule.Op)}'.");
        }

        if (values.Any(v => v is null || !v.IsWellFormed))
        {
            throw BanditsException.Invalid(field, $"{field} values are strings of at most {AttributeValue.MaxTextLength} characters, finite numbers or booleans.");
        }

        if (values.Any(v => v.Kind != values[0].Kind))
        {
            throw BanditsException.Invalid(field, $"{field} must list values of one type: an attribute of another type never matches.");
        }

        var kind = values[0].Kind;
        if (rule.Op is TargetingOperator.Gt or TargetingOperator.Gte or TargetingOperator.Lt or TargetingOperator.Lte && kind != AttributeKind.Number)
        {
            throw BanditsException.Invalid(field, $"{field} must be a number for '{Name(rule.Op)}'.");
        }

        if (rule.Op == TargetingOperator.Contains && kind != AttributeKind.Text)
        {
            throw BanditsException.Invalid(field, $"{field} must be a string for 'contains'.");
        }
    }

    private static void CheckSchedule(ServingSchedule? schedule)
    {
        if (schedule is null)
        {
            return;
        }

        if (schedule.Start is { } start && schedule.End is { } end && end <= start)
        {
            throw BanditsException.Invalid("schedule.end", "schedule.end must be later than schedule.start.");
        }

        if (schedule.Hours is not { } hours)
        {
            return;
        }

        if (hours.FromMinute is < 0 or >= DailyHours.MinutesPerDay || hours.ToMinute is < 0 or >= DailyHours.MinutesPerDay)
        {
            throw BanditsException.Invalid("schedule.hours", "schedule.hours.from and .to must be times of day, \"HH:mm\" from 00:00 to 23:59.");
        }

        if (hours.FromMinute == hours.ToMinute)
        {
            throw BanditsException.Invalid("schedule.hours", "schedule.hours.from and .to must differ (leave hours out to serve all day).");
        }

        if (!IsTimeZone(hours.TimeZone))
        {
            throw BanditsException.Invalid("schedule.hours.timeZone", $"schedule.hours.timeZone must be an IANA time zone such as Europe/Berlin (got '{hours.TimeZone}').");
        }
    }

    private static bool IsTimeZone(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return false;
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static string Name(TargetingOperator op) => op == TargetingOperator.NotIn ? "notIn" : op.ToString().ToLowerInvariant();
}
