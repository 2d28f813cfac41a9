using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Bandits.Client;
using Orleans.Bandits.Contracts;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>Outcomes for tokens; 202 only once the event is durably accepted.</summary>
public static class FeedbackEndpoints
{
    public static RouteGroupBuilder MapFeedbackEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/feedback", Submit).WithTags("Feedback");
        return v1;
    }

    private static async Task<Results<Accepted<FeedbackAcceptedResponse>, ProblemHttpResult>> Submit(FeedbackBody body, HttpContext context, IBanditsClient bandits)
    {
        if (string.IsNullOrEmpty(body.Token))
        {
            return Problems.Invalid("token", "token is required: the token returned by select.");
        }

        if (body.Reward is { } reward && !double.IsFinite(reward))
        {
            return Problems.Invalid("reward", "reward must be a finite number.");
        }

        Unavailability? unavailable = null;
        if (body.Unavailable is { } report)
        {
            if (report.RetryAfterMs is not { } retryAfter)
            {
                return Problems.Invalid("unavailable.retryAfterMs", "unavailable.retryAfterMs is required.");
            }

            unavailable = new Unavailability(retryAfter, report.Backoff ?? false);
        }

        var accepted = await bandits.FeedbackAsync(Tenancy.TenantOf(context), new FeedbackRequest(body.Token, body.Reward, body.EventId, body.Costs, unavailable));
        return TypedResults.Accepted((string?)null, new FeedbackAcceptedResponse(accepted.EventId));
    }
}
