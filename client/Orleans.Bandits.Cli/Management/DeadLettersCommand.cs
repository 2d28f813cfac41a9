using System.CommandLine;
using System.Globalization;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Cli.Reporting;

namespace Orleans.Bandits.Cli.Management;

/// <summary><c>bandits dead-letters</c>: the feedback the stream provider gave up on, listed, replayed or dropped (admin key).</summary>
public static class DeadLettersCommand
{
    /// <summary>The API's largest page.</summary>
    public const int MaxLimit = 1000;

    public static Command Create() => new("dead-letters", "Feedback the platform gave up delivering: list, replay once the fault is fixed, delete (admin key).")
    {
        List(),
        Act("replay", HttpMethod.Post, "/replay", "Put a letter's events back on their queue; experiments learn each event once.", "Replayed"),
        Act("delete", HttpMethod.Delete, "", "Drop a letter for good.", "Deleted"),
    };

    private static Command List()
    {
        var after = new Option<string?>("--after") { Description = "Start after this letter id (the 'next' of the previous page)." };
        var limit = new Option<int>("--limit")
        {
            Description = $"Letters to show (1-{MaxLimit}).",
            DefaultValueFactory = _ => 100,
        };
        var command = new Command("list", "List dead letters, oldest first, with the experiments whose events each carries.") { after, limit };
        return command.WithApiAction(async call =>
        {
            var size = call.GetValue(limit);
            if (size is < 1 or > MaxLimit)
            {
                throw new UsageException("--limit", $"--limit must be 1-{MaxLimit} (got {size}).");
            }

            var query = $"v1/admin/dead-letters?limit={size.ToString(CultureInfo.InvariantCulture)}" + (call.GetValue(after) is { } cursor ? $"&after={Uri.EscapeDataString(cursor)}" : "");
            call.Show<DeadLetterPageModel>(await call.Api.GetAsync(query, call.CancellationToken), DeadLetterTable.Write);
        });
    }

    private static Command Act(string name, HttpMethod method, string suffix, string description, string done)
    {
        var id = new Argument<string>("id") { Description = "The letter's id (from dead-letters list)." };
        var command = new Command(name, description) { id };
        return command.WithApiAction(async call =>
        {
            await call.Api.SendAsync(method, $"v1/admin/dead-letters/{Uri.EscapeDataString(call.GetValue(id))}{suffix}", null, call.CancellationToken);
            call.Confirm($"{done} dead letter '{call.GetValue(id)}'.");
        });
    }
}
