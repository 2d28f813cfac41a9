using Microsoft.AspNetCore.Mvc;

namespace Orleans.Bandits.Http.OpenApi;

/// <summary>
/// A refusal a route answers with, for the OpenAPI document: an <c>application/problem+json</c> body
/// (<see cref="Problems"/>) with this status, and what it means on this route. On a handler, or on a group for
/// the refusals every route in it shares.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProblemResponseAttribute : ProducesResponseTypeAttribute
{
    public const string ContentType = "application/problem+json";

    public ProblemResponseAttribute(int statusCode, string description)
        : base(typeof(ProblemDetails), statusCode, ContentType)
    {
        Description = description;
    }
}
