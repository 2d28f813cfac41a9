using System.ComponentModel;
using System.Globalization;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>Creating, reading, pausing and deleting experiments, and their arms.</summary>
public static class ExperimentEndpoints
{
    public static RouteGroupBuilder MapExperimentEndpoints(this RouteGroupBuilder v1)
    {
        var experiments = v1.MapGroup("/experiments").WithTags("Experiments");
        experiments.MapPost("/", Create);
        experiments.MapGet("/", List);
        experiments.MapGet("/{id}", Get);
        experiments.MapPatch("/{id}", Patch);
        experiments.MapDelete("/{id}", Delete);
        experiments.MapPost("/{id}/arms", AddArm);
        experiments.MapDelete("/{id}/arms/{armId}", RetireArm);
        return v1;
    }

    [EndpointName("createExperiment")]
    [EndpointSummary("Create an experiment")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), or an invalid id, arms, policy or setting (`validation`, with `errors` by field).")]
    [ProblemResponse(StatusCodes.Status409Conflict, "An experiment with this id already exists (`conflict`), or the tenant holds its quota of experiments (`quota-exceeded`).")]
    private static async Task<Results<Created<ExperimentResponse>, ProblemHttpResult>> Create(CreateExperimentBody body, HttpContext context, IBanditsClient bandits)
    {
        if (!ExperimentId.IsValidId(body.Id))
        {
            return Problems.Invalid("id", $"id is required and must match {ExperimentId.IdRule}.");
        }

        if (body.Arms is null || body.Arms.Any(a => a is null))
        {
            return Problems.Invalid("arms", "arms is required: a list of {\"id\": ...} objects.");
        }

        PolicySpec? policy = null;
        if (body.Policy is { } requested)
        {
            if (!PolicyBodyReader.TryRead(requested, ExperimentDefinition.DefaultPolicyName, out var spec, out var problem))
            {
                return problem;
            }

            policy = spec;
        }

        RewardAggregation? aggregation = body.RewardAggregation switch
        {
            null or "first" => RewardAggregation.First,
            "sum" => RewardAggregation.Sum,
            _ => null,
        };
        if (aggregation is null)
        {
            return Problems.Invalid("rewardAggregation", "rewardAggregation must be 'first' (one outcome per selection) or 'sum'.");
        }

        if (!ServingRulesBodyReader.TryRead(
            body.Rollout, body.Targeting, body.Schedule, default, body.Holdout, body.ExplorationFloor, out var serving, out var servingProblem))
        {
            return servingProblem;
        }

        var definition = new ExperimentDefinition(
            body.Arms.Select(a => a!.Id ?? "").ToList(),
            policy,
            body.ContextDimension ?? 0,
            body.FeedbackWindowSeconds ?? ExperimentDefinition.DefaultFeedbackWindowSeconds,
            aggregation.Value,
            body.RewardWaitSeconds,
            body.DefaultReward,
            serving.Values with { DefaultArm = body.DefaultArm });
        var view = await bandits.CreateExperimentAsync(Tenancy.TenantOf(context), body.Id!, definition);
        return TypedResults.Created($"/v1/experiments/{body.Id}", ExperimentResponse.From(view));
    }

    [EndpointName("listExperiments")]
    [EndpointSummary("List the experiments, a page at a time")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "`limit` is not a whole number from 1 to 1000, or `after` is not an id (`validation`, with `errors` by field).")]
    private static async Task<Results<Ok<ExperimentListResponse>, ProblemHttpResult>> List(
        [Description("Experiments per page: a whole number from 1 to 1000, 100 when absent.")] string? limit,
        [Description("The previous page's `next`: the page starts after this id.")] string? after,
        HttpContext context,
        IBanditsClient bandits)
    {
        var size = ExperimentIndexPage.DefaultLimit;
        if (limit is not null && !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            return Problems.Invalid("limit", $"limit must be a whole number between 1 and {ExperimentIndexPage.MaxLimit}.");
        }

        var page = await bandits.ListExperimentsAsync(Tenancy.TenantOf(context), after, size);
        return TypedResults.Ok(new ExperimentListResponse(page.Items.Select(ExperimentResponse.From).ToList(), page.Next));
    }

    [EndpointName("getExperiment")]
    [EndpointSummary("Read an experiment")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "The id does not match `^[a-z0-9][a-z0-9._-]{0,63}$` (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    private static async Task<Ok<ExperimentResponse>> Get(string id, HttpContext context, IBanditsClient bandits) =>
        TypedResults.Ok(ExperimentResponse.From(await bandits.GetExperimentAsync(Tenancy.TenantOf(context), id)));

    [EndpointName("setExperimentStatus")]
    [EndpointSummary("Pause or resume an experiment, or change its serving rules")]
    [EndpointDescription("Each field is optional and a field left out stays as it is. The serving rules are changed first and all together; a refused rule changes nothing, status included. Every accepted change is a new version, served by every replica within one refresh interval.")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), an invalid id, a status other than `running` or `paused`, an invalid serving rule, or nothing to change (`validation`, with `errors` by field).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    private static async Task<Results<Ok<ExperimentResponse>, ProblemHttpResult>> Patch(string id, ExperimentPatchBody body, HttpContext context, IBanditsClient bandits)
    {
        ExperimentStatus? status = body.Status switch
        {
            "running" => ExperimentStatus.Running,
            "paused" => ExperimentStatus.Paused,
            _ => null,
        };
        if (body.Status is not null && status is null)
        {
            return Problems.Invalid("status", "status must be \"running\" or \"paused\".");
        }

        if (!ServingRulesBodyReader.TryRead(body.Rollout, body.Targeting, body.Schedule, body.DefaultArm, body.Holdout, body.ExplorationFloor, out var change, out var problem))
        {
            return problem;
        }

        if (status is null && change.Fields == ServingRuleFields.None)
        {
            return Problems.Invalid("status", "Give status, or a serving rule to change (rollout, targeting, schedule, defaultArm, holdout, explorationFloor).");
        }

        var tenant = Tenancy.TenantOf(context);
        var view = change.Fields == ServingRuleFields.None ? null : await bandits.ChangeServingRulesAsync(tenant, id, change);
        if (status is { } next)
        {
            view = await bandits.SetStatusAsync(tenant, id, next);
        }

        return TypedResults.Ok(ExperimentResponse.From(view!));
    }

    [EndpointName("deleteExperiment")]
    [EndpointSummary("Delete an experiment")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "The id does not match `^[a-z0-9][a-z0-9._-]{0,63}$` (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    private static async Task<NoContent> Delete(string id, HttpContext context, IBanditsClient bandits)
    {
        await bandits.DeleteExperimentAsync(Tenancy.TenantOf(context), id);
        return TypedResults.NoContent();
    }

    [EndpointName("addArm")]
    [EndpointSummary("Add an arm to an experiment")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), an invalid id, or the experiment already has the most arms allowed (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    [ProblemResponse(StatusCodes.Status409Conflict, "The experiment already has an arm with this id (`conflict`).")]
    private static async Task<Created<ExperimentResponse>> AddArm(string id, ArmBody body, HttpContext context, IBanditsClient bandits)
    {
        var view = await bandits.AddArmAsync(Tenancy.TenantOf(context), id, body.Id ?? "");
        return TypedResults.Created($"/v1/experiments/{id}", ExperimentResponse.From(view));
    }

    [EndpointName("retireArm")]
    [EndpointSummary("Retire an arm")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "The id does not match `^[a-z0-9][a-z0-9._-]{0,63}$` (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id, or no such arm in it (`not-found`).")]
    private static async Task<NoContent> RetireArm(string id, string armId, HttpContext context, IBanditsClient bandits)
    {
        await bandits.RetireArmAsync(Tenancy.TenantOf(context), id, armId);
        return TypedResults.NoContent();
    }
}
