using System.ComponentModel.DataAnnotations;

namespace Orleans.Bandits.Http.Models;

/// <summary><c>{"id":"green"}</c>: an arm in a create request, or the body of add-arm.</summary>
public sealed record ArmBody([property: Required] string? Id);
