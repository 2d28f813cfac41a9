using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Bandits.Redis.Tests.Fixtures;
using Xunit.Abstractions;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>
/// Delayed rewards in production mode while one of three silo processes is killed mid-run (a real crash: the process
/// dies with its memory). Decisions the dead silo had gathered but not appended are lost; the test checks that each
/// loss was on that silo's <c>bandits_decisions_waiting</c> gauge or a survivor's <c>unrecorded</c> counter, and that
/// nothing is learned twice: every logged decision is learned once (its timely reward or the default), a lost one
/// only through a timely reward, and late feedback is refused either way.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DecisionLogSiloFailureTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private const int WaitSeconds = 2;
    private const int MaxAttempts = 60;
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TokenKey Key = new("crash-key", Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task A_killed_silo_loses_only_the_decisions_its_gauge_showed_waiting_and_nothing_is_learned_twice()
    {
        const int selects = 2_000, killAt = 700;
        var clusterId = $"decision-crash-{Guid.NewGuid():N}";
        var tokenKey = new Dictionary<string, string>
        {
            ["Bandits__Tokens__Keys__0__Id"] = Key.Id,
            ["Bandits__Tokens__Keys__0__Secret"] = Convert.ToBase64String(Key.Secret),
        };

        // The victim gathers decisions for a minute before it appends them (the most the setting allows), so at the
        // kill it holds every decision it served: the loss the README bounds, at its largest.
        var longGather = new Dictionary<string, string>(tokenKey) { ["Bandits__Decisions__GatherMilliseconds"] = "60000" };
        await using var victim = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, longGather);
        await using var first = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, tokenKey);
        await using var second = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, tokenKey);
        SiloProcess[] all = [victim, first, second], survivors = [first, second];

        var experiments = Enumerable.Range(0, 3).Select(i => $"wait-crash-{i}").ToArray();
        foreach (var name in experiments)
        {
            var created = await first.Http.PostAsJsonAsync("/v1/experiments", new
            {
                id = name,
                arms = new[] { new { id = "a" }, new { id = "b" }, new { id = "c" } },
                rewardWaitSeconds = WaitSeconds,
                defaultReward = 0,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // Selections go to all three silos until the kill and to the survivors after it; feedback only ever goes to the
        // survivors. 600 decisions get a reward of 1: 500 at once (every tenth of those sent twice) and 100 only once
        // their wait is surely over.
        var answered = new List<Answered>(selects);
        var late = new List<(Answered Decision, DateTime SelectedBefore)>();
        long waitingAtKill = -1;
        for (var i = 0; i < selects; i++)
        {
            if (i == killAt)
            {
                // Nothing reaches the victim between this scrape and the kill, so the gauge is exactly what it dies with.
                waitingAtKill = await MetricAsync(victim, "bandits_decisions_waiting");
                victim.Kill();
            }

            var experiment = experiments[i % 3];
            var selectedBefore = DateTime.UtcNow;
            var silo = i < killAt ? all[i % 3] : survivors[i % 2];
            var selection = await SelectAsync(silo, survivors, experiment);
            var decision = new Answered(experiment, selection.Arm, selection.Token, silo == victim);
            answered.Add(decision);
            if (i % 10 < 3)
            {
                if (i % 20 == 0)
                {
                    late.Add((decision, selectedBefore));
                }
                else if (await RewardAsync(survivors, i, decision.Token) == HttpStatusCode.Accepted)
                {
                    decision.Rewarded = true;
                    if (i % 10 == 1)
                    {
                        Assert.Equal(HttpStatusCode.Accepted, await RewardAsync(survivors, i + 1, decision.Token));
                    }
                }
            }
        }

        foreach (var (decision, selectedBefore) in late)
        {
            var due = selectedBefore + TimeSpan.FromSeconds(WaitSeconds + 0.1) - DateTime.UtcNow;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            Assert.Equal(HttpStatusCode.Gone, await RewardAsync(survivors, 0, decision.Token));
        }

        // Every selection a survivor answered ends appended or counted as unrecorded (an append that failed after it
        // reached Redis is both).
        var survivorSelections = answered.Count(d => !d.OnVictim);
        var survivorTotals = await Eventually.Until(
            async () => (Recorded: await SumAsync(survivors, "bandits_decisions_recorded_total"), Unrecorded: await SumAsync(survivors, "bandits_decisions_unrecorded_total")),
            totals => totals.Recorded + totals.Unrecorded >= survivorSelections,
            Convergence,
            "every selection of the survivors appended or counted",
            RedisCollection.Poll);
        Assert.Equal(survivorSelections, survivorTotals.Recorded + survivorTotals.Unrecorded);

        var tokens = new TokenService([Key], Key.Id);
        long victimLost = 0, survivorLost = 0;
        foreach (var experiment in experiments)
        {
            var mine = answered.Where(d => d.Experiment == experiment).ToDictionary(d => SelectionId(tokens, d.Token));
            var logged = (await EventsAsync(first, experiment)).Select(e => e.GetProperty("selectionId").GetString()!).ToHashSet();
            Assert.Subset(mine.Keys.ToHashSet(), logged);
            victimLost += mine.Count(pair => pair.Value.OnVictim && !logged.Contains(pair.Key));
            survivorLost += mine.Count(pair => !pair.Value.OnVictim && !logged.Contains(pair.Key));

            var rewarded = mine.Values.Count(d => d.Rewarded);
            var loggedRewarded = mine.Count(pair => pair.Value.Rewarded && logged.Contains(pair.Key));
            var learned = logged.Count + (rewarded - loggedRewarded);
            var stats = await Eventually.Until(
                () => first.Http.GetFromJsonAsync<JsonElement>($"/v1/experiments/{experiment}/stats"),
                s => s.GetProperty("trainedEvents").GetInt64() >= learned,
                Convergence,
                $"{experiment}: its {logged.Count} logged decisions and its rewarded lost ones learned",
                RedisCollection.Poll);

            Assert.Equal(logged.Count, stats.GetProperty("decisions").GetInt64());
            Assert.Equal(learned, stats.GetProperty("trainedEvents").GetInt64());
            Assert.Equal(logged.Count - loggedRewarded, stats.GetProperty("defaultRewards").GetInt64());
            foreach (var arm in stats.GetProperty("arms").EnumerateArray())
            {
                var id = arm.GetProperty("id").GetString();
                Assert.Equal(mine.Values.Count(d => d.Arm == id && d.Rewarded), arm.GetProperty("rewardSum").GetDouble());
            }

            // The log says the same, decision by decision: one outcome each, timely or defaulted.
            var settled = await EventsAsync(first, experiment);
            Assert.Equal(logged.Count, settled.Count);
            Assert.Equal(loggedRewarded, settled.Count(e => !e.GetProperty("defaulted").GetBoolean() && e.GetProperty("reward").GetDouble() == 1));
            Assert.Equal(logged.Count - loggedRewarded, settled.Count(e => e.GetProperty("defaulted").GetBoolean() && e.GetProperty("reward").GetDouble() == 0));
        }

        output.WriteLine($"victim: {answered.Count(d => d.OnVictim)} selections, {waitingAtKill} waiting at the kill, {victimLost} lost; survivors: {survivorLost} lost, {survivorTotals.Unrecorded} counted unrecorded");
        Assert.Equal(waitingAtKill, victimLost);
        Assert.True(survivorLost <= survivorTotals.Unrecorded, $"{survivorLost} survivor decisions are missing from the logs but only {survivorTotals.Unrecorded} were counted");
    }

    private static async Task<(string Arm, string Token)> SelectAsync(SiloProcess silo, SiloProcess[] survivors, string experiment)
    {
        using var response = await SendAsync([silo], 0, http => http.PostAsJsonAsync($"/v1/experiments/{experiment}/select", new { }), survivors.Contains(silo));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("arm").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>The final answer to a reward: 202, or 410 when its wait was over (a slow moment, or retries across the kill).</summary>
    private static async Task<HttpStatusCode> RewardAsync(SiloProcess[] survivors, int turn, string token)
    {
        using var response = await SendAsync(survivors, turn, http => http.PostAsJsonAsync("/v1/feedback", new { token, reward = 1 }), retry: true);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Gone, $"feedback answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            Assert.EndsWith("reward-window-closed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        }

        return response.StatusCode;
    }

    /// <summary>
    /// Sends until answered below 500 while the survivors notice the dead silo, as a client does: a resent selection is a
    /// new one, and a resent reward carries the same token, so it is counted once whether or not a failed attempt got through.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(SiloProcess[] silos, int turn, Func<HttpClient, Task<HttpResponseMessage>> send, bool retry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await send(silos[(turn + attempt) % silos.Length].Http);
                if ((int)response.StatusCode < 500 || !retry || attempt == MaxAttempts)
                {
                    return response;
                }

                response.Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && retry && attempt < MaxAttempts)
            {
            }

            await Task.Delay(RetryDelay);
        }
    }

    private static async Task<List<JsonElement>> EventsAsync(SiloProcess silo, string experiment)
    {
        var page = await silo.Http.GetFromJsonAsync<JsonElement>($"/v1/experiments/{experiment}/events?limit=10000");
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task<long> SumAsync(SiloProcess[] silos, string metric)
    {
        long sum = 0;
        foreach (var silo in silos)
        {
            sum += await MetricAsync(silo, metric);
        }

        return sum;
    }

    /// <summary>A metric from the silo's Prometheus text, summed over its series (0 before anything was measured).</summary>
    private static async Task<long> MetricAsync(SiloProcess silo, string name)
    {
        var text = await silo.Http.GetStringAsync("/metrics");
        return text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(line => long.Parse(line[(line.Contains('{', StringComparison.Ordinal) ? line.LastIndexOf('}') + 1 : name.Length)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
    }

    private static string SelectionId(TokenService tokens, string token)
    {
        Assert.Equal(TokenVerdict.Valid, tokens.Verify(token, out var verified));
        return verified!.SelectionId.ToString("x32", CultureInfo.InvariantCulture);
    }

    private sealed record Answered(string Experiment, string Arm, string Token, bool OnVictim)
    {
        public bool Rewarded { get; set; }
    }
}
