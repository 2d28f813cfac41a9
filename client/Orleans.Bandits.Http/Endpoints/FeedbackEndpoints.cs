namespace Orleans.Bandits.Http.Endpoints;

/// <summary>Outcomes for tokens; 202 only once the event is durably accepted.</summary>
public static class FeedbackEndpoints
{
    public static RouteGroupBuilder MapFeedbackEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/feedback", Submit).WithTags("Feedback");
        v1.MapPost("/feedback/batch", SubmitBatch).WithTags("Feedback");
        return v1;
    }

    [EndpointName("submitFeedback")]
    [EndpointSummary("Report the outcome of a selection")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), an invalid field (`validation`), or a token this platform did not issue or that was tampered with (`invalid-token`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "The token's experiment or arm no longer exists (`not-found`).")]
    [ProblemResponse(StatusCodes.Status409Conflict, "The selection already has its outcome and the experiment learns one per selection (`already-rewarded`).")]
    [ProblemResponse(StatusCodes.Status410Gone, "The token is older than the feedback window (`token-expired`), its experiment was deleted or reset since (`experiment-replaced`), or its reward wait is over and the default reward was learned (`reward-window-closed`).")]
    private static async Task<Results<Accepted<FeedbackAcceptedResponse>, ProblemHttpResult>> Submit(FeedbackBody body, HttpContext context, IBanditsClient bandits)
    {
        var request = ToRequest(body);
        if (request.Problem is { } problem)
        {
            return Problems.From(problem);
        }

        var accepted = await bandits.FeedbackAsync(Tenancy.TenantOf(context), request.Request!);
        return TypedResults.Accepted((string?)null, new FeedbackAcceptedResponse(accepted.EventId));
    }

    /// <summary>
    /// Each item is accepted or rejected on its own; an item that failed because a dependency
    /// is down is reported with 503 so the client retries just that item.
    /// </summary>
    [EndpointName("submitFeedbackBatch")]
    [EndpointSummary("Report the outcomes of up to 1000 selections")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), or not 1 to 1000 items (`validation`); an invalid item is reported in `rejected` instead.")]
    private static async Task<Results<Accepted<FeedbackBatchResponse>, ProblemHttpResult>> SubmitBatch(FeedbackBatchBody body, HttpContext context, IBanditsClient bandits)
    {
        if (body.Items is null || body.Items.Count is 0 or > FeedbackBatchBody.MaxItems)
        {
            return Problems.Invalid("items", $"items must hold 1 to {FeedbackBatchBody.MaxItems} feedback objects.");
        }

        var rejected = new List<RejectedItem>();
        var valid = new List<(int Index, FeedbackRequest Request)>();
        foreach (var (item, index) in body.Items.Select((item, index) => (item, index)))
        {
            var (request, problem) = item is null ? (null, BanditsException.Invalid("items", "An item is null.")) : ToRequest(item);
            if (problem is not null)
            {
                rejected.Add(new RejectedItem(index, Problems.Describe(problem.Kind).Status, problem.Message));
            }
            else
            {
                valid.Add((index, request!));
            }
        }

        var submitted = await bandits.FeedbackBatchAsync(Tenancy.TenantOf(context), valid.ConvertAll(v => v.Request));
        rejected.AddRange(submitted.Failures.Select(f => new RejectedItem(valid[f.Index].Index, Problems.Describe(f.Kind).Status, f.Message)));
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return TypedResults.Accepted((string?)null, new FeedbackBatchResponse(body.Items.Count - rejected.Count, rejected));
    }

    private static (FeedbackRequest? Request, BanditsException? Problem) ToRequest(FeedbackBody body)
    {
        if (string.IsNullOrEmpty(body.Token))
        {
            return (null, BanditsException.Invalid("token", "token is required: the token returned by select."));
        }

        if (body.Reward is { } reward && !double.IsFinite(reward))
        {
            return (null, BanditsException.Invalid("reward", "reward must be a finite number."));
        }

        if (body.Costs is { } costs && (costs.Length > 64 || !costs.All(double.IsFinite)))
        {
            return (null, BanditsException.Invalid("costs", "costs must be at most 64 finite numbers."));
        }

        Unavailability? unavailable = null;
        if (body.Unavailable is { } report)
        {
            if (report.RetryAfterMs is not { } retryAfter)
            {
                return (null, BanditsException.Invalid("unavailable.retryAfterMs", "unavailable.retryAfterMs is required."));
            }

            unavailable = new Unavailability(retryAfter, report.Backoff ?? false);
        }

        return (new FeedbackRequest(body.Token, body.Reward, body.EventId, body.Costs, unavailable), null);
    }
}
