namespace Orleans.Bandits.Http.Errors;

/// <summary>RFC 9457 problem responses. The <c>type</c> ends with a stable slug clients can match on.</summary>
public static class Problems
{
    private const string TypePrefix = "https://orleans-bandits.dev/problems/";

    public static (int Status, string Slug, string Title) Describe(BanditsErrorKind kind) => kind switch
    {
        BanditsErrorKind.Validation => (StatusCodes.Status400BadRequest, "validation", "The request is invalid."),
        BanditsErrorKind.InvalidToken => (StatusCodes.Status400BadRequest, "invalid-token", "The token is invalid."),
        BanditsErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "forbidden", "The resource belongs to another tenant."),
        BanditsErrorKind.NotFound => (StatusCodes.Status404NotFound, "not-found", "Not found."),
        BanditsErrorKind.Conflict => (StatusCodes.Status409Conflict, "conflict", "It already exists."),
        BanditsErrorKind.QuotaExceeded => (StatusCodes.Status409Conflict, "quota-exceeded", "The tenant's quota is used up."),
        BanditsErrorKind.NotEvaluable => (StatusCodes.Status409Conflict, "not-evaluable", "The decision log cannot be evaluated."),
        BanditsErrorKind.NoArmAvailable => (StatusCodes.Status409Conflict, "no-arm-available", "No arm is available."),
        BanditsErrorKind.AlreadyRewarded => (StatusCodes.Status409Conflict, "already-rewarded", "The selection already has its outcome."),
        BanditsErrorKind.RewardWindowClosed => (StatusCodes.Status410Gone, "reward-window-closed", "The selection's reward wait is over."),
        BanditsErrorKind.TokenExpired => (StatusCodes.Status410Gone, "token-expired", "The token has expired."),
        BanditsErrorKind.ExperimentReplaced => (StatusCodes.Status410Gone, "experiment-replaced", "The token's experiment was replaced."),
        _ => (StatusCodes.Status503ServiceUnavailable, "unavailable", "A dependency is unavailable; nothing was accepted."),
    };

    public static ProblemHttpResult From(BanditsException error)
    {
        var (status, slug, title) = Describe(error.Kind);
        var extensions = new Dictionary<string, object?>();
        if (error.Kind == BanditsErrorKind.Validation && error.Field is { } field)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [field] = [error.Message] };
        }

        return TypedResults.Problem(error.Message, statusCode: status, title: title, type: TypePrefix + slug, extensions: extensions);
    }

    public static ProblemHttpResult Invalid(string field, string message) => From(BanditsException.Invalid(field, message));

    public static ProblemHttpResult Status(int status, string slug, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypePrefix + slug);
}
