using System.ComponentModel.DataAnnotations;

namespace Orleans.Bandits.Http.Models;

/// <summary><c>{"items":[feedback...]}</c>, at most <see cref="MaxItems"/>.</summary>
public sealed record FeedbackBatchBody([property: Required] List<FeedbackBody?>? Items)
{
    public const int MaxItems = 1000;
}

public sealed record FeedbackBatchResponse(int Accepted, IReadOnlyList<RejectedItem> Rejected);

public sealed record RejectedItem(int Index, int Status, string Detail);
