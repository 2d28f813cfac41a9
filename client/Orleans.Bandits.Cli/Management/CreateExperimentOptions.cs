using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Bandits.Cli.Commands;

namespace Orleans.Bandits.Cli.Management;

/// <summary>
/// The options of <c>bandits experiments create</c> and the request body they make. A body file gives the
/// starting point; every option given on the line overrides its field. The API validates the result, so the
/// rules (id pattern, arm count, ranges) live in one place.
/// </summary>
public sealed class CreateExperimentOptions
{
    public Argument<string?> Id { get; } = new("id")
    {
        Description = "The experiment's id (may come from --from-file instead).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> Policy { get; } = new("--policy")
    {
        Description = "Policy by catalogue name (see 'bandits policies'). Default: the API's, thompson-beta.",
    };

    public Option<string[]> Param { get; } = new("--param")
    {
        Description = "A policy parameter as name=value, a vector as name=1,2 (repeatable).",
    };

    public Option<string[]> Arm { get; } = new("--arm")
    {
        Description = "An arm id (repeat for each arm).",
    };

    public Option<int?> ContextDimension { get; } = new("--context-dimension")
    {
        Description = "Length of the context vector, for contextual policies (lin-ucb, lin-thompson).",
    };

    public Option<int?> FeedbackWindowSeconds { get; } = new("--feedback-window-seconds")
    {
        Description = "How long a token accepts feedback. Default: the API's, 86400.",
    };

    public Option<int?> RewardWaitSeconds { get; } = new("--reward-wait-seconds")
    {
        Description = "Learn a decision without feedback after this many seconds with --default-reward.",
    };

    public Option<double?> DefaultReward { get; } = new("--default-reward")
    {
        Description = "The reward learned for a decision whose wait ends without feedback.",
    };

    public Option<string?> RewardAggregation { get; } = new("--reward-aggregation")
    {
        Description = "'first': one outcome per selection (the API's default); 'sum': every distinct event id adds a reward.",
    };

    public Option<string?> FromFile { get; } = new("--from-file")
    {
        Description = "A JSON request body (API.md, POST /v1/experiments) to start from.",
    };

    public IEnumerable<Option> Options =>
        [Policy, Param, Arm, ContextDimension, FeedbackWindowSeconds, RewardWaitSeconds, DefaultReward, RewardAggregation, FromFile];

    /// <summary>The body of <c>POST /v1/experiments</c>.</summary>
    public JsonObject Read(ParseResult parseResult)
    {
        var body = parseResult.GetValue(FromFile) is { } path ? ReadFile(path) : [];
        Set(body, "id", parseResult.GetValue(Id));
        if (parseResult.GetValue(Arm) is { Length: > 0 } arms)
        {
            body["arms"] = new JsonArray([.. arms.Select(arm => new JsonObject { ["id"] = arm })]);
        }

        var policyName = parseResult.GetValue(Policy);
        var parameters = PolicyArguments.ParseParameters(parseResult.GetValue(Param) ?? []);
        if (policyName is not null || parameters.Count > 0)
        {
            var policy = body["policy"] as JsonObject ?? [];
            body["policy"] = policy;
            Set(policy, "name", policyName);
            if (parameters.Count > 0)
            {
                var values = policy["params"] as JsonObject ?? [];
                policy["params"] = values;
                foreach (var (name, value) in PolicyParameters.ToJson(parameters).ToList())
                {
                    values[name] = value?.DeepClone();
                }
            }
        }

        Set(body, "contextDimension", parseResult.GetValue(ContextDimension));
        Set(body, "feedbackWindowSeconds", parseResult.GetValue(FeedbackWindowSeconds));
        Set(body, "rewardWaitSeconds", parseResult.GetValue(RewardWaitSeconds));
        Set(body, "defaultReward", parseResult.GetValue(DefaultReward));
        if (parseResult.GetValue(RewardAggregation) is { } aggregation)
        {
            body["rewardAggregation"] = aggregation is "first" or "sum"
                ? aggregation
                : throw new UsageException("--reward-aggregation", $"'{aggregation}' is not an aggregation: use 'first' or 'sum'.");
        }
        return body;
    }

    private static JsonObject ReadFile(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new UsageException("--from-file", $"{path} must hold a JSON object (the request body of POST /v1/experiments).");
        }
        catch (JsonException e)
        {
            throw new UsageException("--from-file", $"{path} is not valid JSON: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException("--from-file", e.Message);
        }
    }

    private static void Set<T>(JsonObject target, string name, T? value)
    {
        if (value is not null)
        {
            target[name] = JsonValue.Create(value);
        }
    }
}
