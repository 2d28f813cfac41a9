using Microsoft.Extensions.Logging;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Grains.Decisions;
using Orleans.Bandits.Grains.Telemetry;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Orleans.Bandits.Grains.Feedback;

/// <summary>
/// Feedback intake on the local silo: verify the token, validate the outcome against the experiment's
/// rules (the only place an outcome is validated: the experiment trusts what arrives on its stream),
/// claim it as the selection's outcome (<see cref="IDecisionLogGrain"/>), and publish to the experiment's stream. The call returns only after the stream provider accepted
/// the event, never before.
/// </summary>
/// <remarks>
/// Reentrant: a call holds no turn while its publish is under way. The backpressure a
/// non-reentrant worker gave (one publish per activation) is the silo's
/// <see cref="FeedbackPublisher"/> now, which bounds publishes in flight and batches the
/// events that wait for one.
/// </remarks>
[StatelessWorker]
[Reentrant]
public sealed partial class FeedbackGrain(TokenService tokens, FeedbackRulesCache rules, OutcomeClaims outcomes, FeedbackPublisher publisher, TimeProvider clock, ILogger<FeedbackGrain> logger)
    : Grain, IFeedbackGrain
{
    public async Task<FeedbackAccepted> Submit(string tenant, FeedbackRequest request)
    {
        try
        {
            return await Accept(tenant, request);
        }
        catch (BanditsException e)
        {
            BanditsMetrics.FeedbackRejected.Add(1, BanditsMetrics.Reason(e.Kind.ToString()));
            throw;
        }
    }

    private async Task<FeedbackAccepted> Accept(string tenant, FeedbackRequest request)
    {
        var token = Verify(tenant, request);
        ValidateShape(request);
        var id = new ExperimentId(token.Tenant, token.Experiment);
        using var span = BanditsTracing.StartFeedback(id.Key);
        var experimentRules = await rules.Get(id.Key, token.Generation, token.Arm);
        var feedback = ToEvent(experimentRules, token, request);
        if (span is not null || token.SelectSpan is not null)
        {
            // Only where traced: an untraced feedback should not pay for a second copy of its event.
            feedback = feedback with
            {
                SelectionTrace = BanditsTracing.TraceParent(token.SelectSpan),
                FeedbackTrace = BanditsTracing.TraceParent(span?.Context),
            };
        }
        await ClaimOutcome(id, experimentRules, token, request, feedback);

        var stream = this.GetStreamProvider(BanditsProviders.FeedbackStream)
            .GetStream<FeedbackEvent>(StreamId.Create(BanditsProviders.FeedbackNamespace, id.Key));
        try
        {
            await publisher.PublishAsync(stream, feedback);
        }
        catch (Exception e)
        {
            LogPublishFailed(logger, e, id.Key);
            throw new BanditsException(BanditsErrorKind.Unavailable, "The feedback stream is unavailable; the event was not accepted.");
        }

        BanditsMetrics.FeedbackAccepted.Add(1, BanditsMetrics.For(id.Key));
        return new FeedbackAccepted(EventIdOf(token, request));
    }

    /// <summary>
    /// Refuses a second outcome for the selection (409 already-rewarded) and one after its reward wait (410
    /// reward-window-closed); a repeat of the same event passes and is published again, so a retry after a failed
    /// publish loses nothing and the experiment drops the copy.
    /// </summary>
    private async Task ClaimOutcome(ExperimentId id, FeedbackRules rules, SelectionToken token, FeedbackRequest request, FeedbackEvent feedback)
    {
        var claim = new OutcomeClaim(
            token.SelectionId,
            feedback.DedupKey,
            feedback.Unavailable is not null,
            rules.RewardAggregation == RewardAggregation.First,
            token.ExpiresAtUnixMs,
            rules.RewardWaitSeconds is { } wait ? token.IssuedAtUnixMs + (wait * 1000L) : null,
            EventIdOf(token, request),
            feedback.Reward,
            feedback.Costs);
        OutcomeVerdict verdict;
        try
        {
            verdict = await outcomes.ClaimAsync(DecisionLogKey.For(id.Key, rules.Generation), claim);
        }
        catch (Exception e) when (e is not BanditsException)
        {
            LogClaimFailed(logger, e, id.Key);
            throw new BanditsException(BanditsErrorKind.Unavailable, "The decision log is unavailable; the event was not accepted.");
        }

        switch (verdict)
        {
            case OutcomeVerdict.AlreadyRewarded:
                throw new BanditsException(BanditsErrorKind.AlreadyRewarded, claim.OneOutcome
                    ? "This selection already has its outcome (the experiment's rewardAggregation is 'first'); only a repeat with the same eventId is accepted."
                    : "This selection's arm was already reported unavailable; a selection takes one such report.", "eventId");
            case OutcomeVerdict.TooManyOutcomes:
                throw new BanditsException(BanditsErrorKind.AlreadyRewarded, $"This selection already has its {DecisionLogGrain.MaxOutcomesPerSelection} outcomes, the most one selection may teach.", "eventId");
            case OutcomeVerdict.WindowClosed:
                throw new BanditsException(BanditsErrorKind.RewardWindowClosed, "The selection's reward wait is over: it is learned with the experiment's default reward.", "token");
        }
    }

    private static string EventIdOf(SelectionToken token, FeedbackRequest request) => request.EventId ?? DedupKeys.DefaultEventId(token.SelectionId);

    private SelectionToken Verify(string tenant, FeedbackRequest request)
    {
        var verdict = tokens.Verify(request.Token, out var token);
        if (verdict != TokenVerdict.Valid || token is null)
        {
            throw new BanditsException(BanditsErrorKind.InvalidToken, verdict switch
            {
                TokenVerdict.UnknownKey => "The token was signed by an unknown or retired key.",
                TokenVerdict.BadSignature => "The token's signature does not match its content.",
                _ => "The token is not a token issued by this platform.",
            }, "token");
        }

        if (!string.Equals(token.Tenant, tenant, StringComparison.Ordinal))
        {
            throw new BanditsException(BanditsErrorKind.Forbidden, "The token belongs to another tenant.", "token");
        }

        if (clock.GetUtcNow().ToUnixTimeMilliseconds() >= token.ExpiresAtUnixMs)
        {
            throw new BanditsException(BanditsErrorKind.TokenExpired, "The token is older than the experiment's feedback window.", "token");
        }

        return token;
    }

    private static void ValidateShape(FeedbackRequest request)
    {
        if (request.EventId is { } eventId && (eventId.Length is 0 or > FeedbackRequest.MaxEventIdLength || eventId.Any(char.IsControl)))
        {
            throw BanditsException.Invalid("eventId", $"eventId must be 1 to {FeedbackRequest.MaxEventIdLength} characters without control characters.");
        }

        if ((request.Reward is null) == (request.Unavailable is null))
        {
            throw BanditsException.Invalid("reward", "Give exactly one of 'reward' or 'unavailable'.");
        }

        if (request.Reward is { } reward && !(Math.Abs(reward) <= FeedbackRequest.MaxRewardMagnitude))
        {
            throw BanditsException.Invalid("reward", $"reward must be a number between -{FeedbackRequest.MaxRewardMagnitude:0e0} and {FeedbackRequest.MaxRewardMagnitude:0e0}.");
        }

        if (request.Unavailable is { RetryAfterMs: < 0 or > Unavailability.MaxRetryAfterMs })
        {
            throw BanditsException.Invalid("unavailable.retryAfterMs", $"retryAfterMs must be between 0 and {Unavailability.MaxRetryAfterMs}.");
        }
    }

    private static FeedbackEvent ToEvent(FeedbackRules rules, SelectionToken token, FeedbackRequest request)
    {
        if (token.Generation < rules.Generation)
        {
            throw new BanditsException(BanditsErrorKind.ExperimentReplaced, "The token was issued by an experiment that has since been deleted or reset.", "token");
        }

        if (token.Generation > rules.Generation || token.Arm < 0 || token.Arm >= rules.ArmCount)
        {
            throw new BanditsException(BanditsErrorKind.NotFound, "The token's experiment or arm does not exist.");
        }

        if (request.Reward is { } reward)
        {
            try
            {
                PolicyResolver.Resolve(rules)
                    .Validate(new TrainingEvent(token.Arm, reward, token.Propensity, token.Context, request.Costs));
            }
            catch (PolicyValidationException e)
            {
                throw BanditsException.Invalid(e.Field, e.Message);
            }
        }

        return new FeedbackEvent(
            DedupKeys.For(token.SelectionId, request.EventId),
            token.Arm,
            request.Reward,
            request.Unavailable,
            token.Propensity,
            token.Context,
            request.Costs,
            token.ExpiresAtUnixMs,
            token.Version,
            token.Generation,
            Holdout: token.Holdout);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming the outcome of feedback for {Experiment} failed")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception, string experiment);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing feedback for {Experiment} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string experiment);
}
