using System.CommandLine;
using System.Text.Json.Nodes;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Api.Models;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Management;

/// <summary><c>bandits feedback</c>: reports the reward for a token from select.</summary>
public static class FeedbackCommand
{
    public static Command Create()
    {
        var token = new Argument<string>("token") { Description = "The token from select." };
        var reward = new Option<double>("--reward")
        {
            Description = "The reward: a finite number ([0, 1] for the policies whose catalogue entry says so).",
            Required = true,
        };
        var eventId = new Option<string?>("--event-id")
        {
            Description = "An idempotency key: the same token and event id sent again is counted once.",
        };
        var command = new Command("feedback", "Send the reward for a selection.") { token, reward, eventId };
        return command.WithApiAction(async call =>
        {
            var request = new JsonObject { ["token"] = call.GetValue(token), ["reward"] = call.GetValue(reward) };
            if (call.GetValue(eventId) is { } id)
            {
                request["eventId"] = id;
            }

            var body = await call.Api.SendAsync(HttpMethod.Post, "v1/feedback", request, call.CancellationToken);
            call.Show<FeedbackAcceptedModel>(body, (console, accepted) => console.WriteLine($"Accepted: event id {accepted.EventId}"));
        });
    }
}
