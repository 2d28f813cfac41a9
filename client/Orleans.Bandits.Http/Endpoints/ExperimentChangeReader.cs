using System.Diagnostics.CodeAnalysis;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>
/// The PATCH body as an <see cref="ExperimentChange"/>, every field read here: what the JSON alone can tell is refused
/// with a 400 naming the field, and the grain checks the rest against the experiment.
/// </summary>
public static class ExperimentChangeReader
{
    public static bool TryRead(ExperimentPatchBody body, out ExperimentChange change, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        change = new ExperimentChange();
        problem = ReadStatus(body, ref change) ?? ReadPolicy(body, ref change) ?? ReadArms(body, ref change) ?? ReadWinner(body, ref change);
        if (problem is not null)
        {
            return false;
        }

        if (change == new ExperimentChange())
        {
            problem = Problems.Invalid("status", "Give at least one of status, policy, arms or winner.");
            return false;
        }

        return true;
    }

    /// <summary>A winner rule as the create and PATCH bodies give it; both bounds are required.</summary>
    public static ProblemHttpResult? ReadWinner(WinnerBody? body, out WinnerRule? rule)
    {
        rule = null;
        if (body is null)
        {
            return null;
        }

        if (body.ProbabilityBest is not { } probability)
        {
            return Problems.Invalid("winner.probabilityBest", "winner.probabilityBest is required: the probability of being best an arm needs, above 0.5 and at most 1.");
        }

        if (body.MaxExpectedLoss is not { } loss)
        {
            return Problems.Invalid("winner.maxExpectedLoss", "winner.maxExpectedLoss is required: the largest expected loss a winner may have, 0 or more.");
        }

        rule = new WinnerRule(probability, loss, body.Promote ?? false);
        return null;
    }

    /// <summary>Arm metadata by arm id from a list of arms, each named once; <c>null</c> when no arm has metadata.</summary>
    public static ProblemHttpResult? ReadMetadata(IReadOnlyList<ArmBody?> arms, bool required, out Dictionary<string, IReadOnlyDictionary<string, string>>? metadata)
    {
        metadata = null;
        for (var i = 0; i < arms.Count; i++)
        {
            if (arms[i] is not { Id: { } id } arm)
            {
                return Problems.Invalid($"arms[{i}].id", "Every arm needs its id.");
            }

            if (arm.Metadata is null)
            {
                if (required)
                {
                    return Problems.Invalid($"arms[{i}].metadata", $"arms[{i}].metadata is required: an object of string values replacing the arm's metadata ({{}} clears it).");
                }

                continue;
            }

            metadata ??= new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            if (!metadata.TryAdd(id, arm.Metadata))
            {
                return Problems.Invalid($"arms[{i}].id", $"Arm '{id}' is named twice.");
            }
        }

        return null;
    }

    private static ProblemHttpResult? ReadStatus(ExperimentPatchBody body, ref ExperimentChange change)
    {
        if (body.Status is null)
        {
            return null;
        }

        ExperimentStatus? status = body.Status switch
        {
            "running" => ExperimentStatus.Running,
            "paused" => ExperimentStatus.Paused,
            _ => null,
        };
        if (status is null)
        {
            return Problems.Invalid("status", "status must be \"running\" or \"paused\".");
        }

        change = change with { Status = status };
        return null;
    }

    private static ProblemHttpResult? ReadPolicy(ExperimentPatchBody body, ref ExperimentChange change)
    {
        if (body.Policy is not { } policy)
        {
            return null;
        }

        if (!PolicyBodyReader.TryRead(policy, policy.Name ?? "", out var spec, out var problem))
        {
            return problem;
        }

        change = change with { PolicyName = policy.Name, PolicyParams = spec.Params.Count > 0 ? spec.Params : null };
        return null;
    }

    private static ProblemHttpResult? ReadWinner(ExperimentPatchBody body, ref ExperimentChange change)
    {
        if (ReadWinner(body.Winner, out var winner) is { } problem)
        {
            return problem;
        }

        change = change with { Winner = winner };
        return null;
    }

    private static ProblemHttpResult? ReadArms(ExperimentPatchBody body, ref ExperimentChange change)
    {
        if (body.Arms is not { } arms)
        {
            return null;
        }

        if (ReadMetadata(arms, required: true, out var metadata) is { } problem)
        {
            return problem;
        }

        change = change with { ArmMetadata = metadata };
        return null;
    }
}
