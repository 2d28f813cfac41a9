using System.ComponentModel;
using System.Globalization;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>Creating, reading, changing, resetting and deleting experiments, their arms, and their audit log.</summary>
public static class ExperimentEndpoints
{
    public static RouteGroupBuilder MapExperimentEndpoints(this RouteGroupBuilder v1)
    {
        var experiments = v1.MapGroup("/experiments").WithTags("Experiments").AddEndpointFilter<AuditActorFilter>();
        experiments.MapPost("/", Create);
        experiments.MapGet("/", List);
        experiments.MapGet("/{id}", Get);
        experiments.MapPatch("/{id}", Patch);
        experiments.MapDelete("/{id}", Delete);
        experiments.MapPost("/{id}/arms", AddArm);
        experiments.MapDelete("/{id}/arms/{armId}", RetireArm);
        experiments.MapPost("/{id}/reset", Reset);
        experiments.MapGet("/{id}/audit", Audit);
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

        if (ExperimentChangeReader.ReadMetadata(body.Arms, required: false, out var metadata) is { } badArms)
        {
            return badArms;
        }

        if (ExperimentChangeReader.ReadWinner(body.Winner, out var winner) is { } badWinner)
        {
            return badWinner;
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
            serving.Values with { DefaultArm = body.DefaultArm },
            metadata?.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
            winner);
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

    [EndpointName("changeExperiment")]
    [EndpointSummary("Pause or resume an experiment, change its serving rules, tune its policy, replace arm metadata or set its winner rule")]
    [EndpointDescription("Each field is optional and a field left out stays as it is. The serving rules are changed first, all together; then status, policy params, arm metadata and the winner rule, all together. A refused field is answered 400 before anything it belongs with changes. Every accepted change is a new version, served by every replica within one refresh interval, and is in the audit log.")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), an invalid id, or an invalid field: a status other than `running` or `paused`, an invalid serving rule, another policy's name, policy params the policy refuses, an unknown arm, metadata over its limits, a winner rule out of range, or nothing to change (`validation`, with `errors` by field).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    private static async Task<Results<Ok<ExperimentResponse>, ProblemHttpResult>> Patch(string id, ExperimentPatchBody body, HttpContext context, IBanditsClient bandits)
    {
        if (!ServingRulesBodyReader.TryRead(body.Rollout, body.Targeting, body.Schedule, body.DefaultArm, body.Holdout, body.ExplorationFloor, out var serving, out var servingProblem))
        {
            return servingProblem;
        }

        // The control fields are read only when one is given: their reader refuses a body with none of them.
        ExperimentChange? change = null;
        if (body.Status is not null || body.Policy is not null || body.Arms is not null || body.Winner is not null)
        {
            if (!ExperimentChangeReader.TryRead(body, out var control, out var problem))
            {
                return problem;
            }

            change = control;
        }
        else if (serving.Fields == ServingRuleFields.None)
        {
            return Problems.Invalid("status", "Give at least one of status, policy, arms, winner, or a serving rule (rollout, targeting, schedule, defaultArm, holdout, explorationFloor).");
        }

        var tenant = Tenancy.TenantOf(context);
        var view = serving.Fields == ServingRuleFields.None ? null : await bandits.ChangeServingRulesAsync(tenant, id, serving);
        if (change is not null)
        {
            view = await bandits.ChangeExperimentAsync(tenant, id, change);
        }

        return TypedResults.Ok(ExperimentResponse.From(view!));
    }

    [EndpointName("resetExperiment")]
    [EndpointSummary("Forget what an experiment learned: a new incarnation with the same arms and settings")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "The id does not match `^[a-z0-9][a-z0-9._-]{0,63}$` (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    private static async Task<Ok<ExperimentResponse>> Reset(string id, HttpContext context, IBanditsClient bandits) =>
        TypedResults.Ok(ExperimentResponse.From(await bandits.ResetExperimentAsync(Tenancy.TenantOf(context), id)));

    [EndpointName("getExperimentAudit")]
    [EndpointSummary("List the control actions on an experiment id, oldest first (the most recent 1,000), also after a delete")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "The id does not match `^[a-z0-9][a-z0-9._-]{0,63}$` (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment ever had this id (`type` ends with `not-found`).")]
    private static async Task<Ok<AuditResponse>> Audit(string id, HttpContext context, IBanditsClient bandits) =>
        TypedResults.Ok(new AuditResponse((await bandits.GetAuditAsync(Tenancy.TenantOf(context), id))
            .Select(e => new AuditEntryResponse(e.At, e.Actor, e.Action, e.Detail)).ToList()));

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
