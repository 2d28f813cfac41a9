using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Bandits.Dashboard.Tests.Fixtures;

/// <summary>The API calls the tests make besides the page: experiments, selections and feedback.</summary>
public static class Api
{
    public static async Task CreateExperimentAsync(HttpClient http, object body)
    {
        var response = await http.PostAsJsonAsync("/v1/experiments", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Selects, then reports the reward the arm's entry in <paramref name="rewards"/> gives; returns the arms chosen.</summary>
    public static async Task<List<string>> SelectAndRewardAsync(HttpClient http, string experiment, int count, Func<string, int, double> rewards)
    {
        var chosen = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var selection = await (await http.PostAsJsonAsync($"/v1/experiments/{experiment}/select", new { })).Content.ReadFromJsonAsync<JsonElement>();
            var arm = selection.GetProperty("arm").GetString()!;
            chosen.Add(arm);
            var feedback = await http.PostAsJsonAsync("/v1/feedback", new { token = selection.GetProperty("token").GetString(), reward = rewards(arm, i) });
            Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());
        }

        return chosen;
    }

    /// <summary>
    /// Selects <paramref name="perArm"/> times for each arm, excluding the others so that the choice cannot depend
    /// on how fresh the selecting replica is, and reports the reward <paramref name="rewards"/> gives.
    /// </summary>
    public static async Task RewardEachArmAsync(HttpClient http, string experiment, string[] arms, int perArm, Func<string, int, double> rewards)
    {
        for (var i = 0; i < perArm; i++)
        {
            foreach (var arm in arms)
            {
                var response = await http.PostAsJsonAsync($"/v1/experiments/{experiment}/select", new { exclude = arms.Where(other => other != arm).ToArray() });
                var selection = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(arm, selection.GetProperty("arm").GetString());
                var feedback = await http.PostAsJsonAsync("/v1/feedback", new { token = selection.GetProperty("token").GetString(), reward = rewards(arm, i) });
                Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());
            }
        }
    }

    public static Task<JsonElement> StatsAsync(HttpClient http, string experiment) =>
        http.GetFromJsonAsync<JsonElement>($"/v1/experiments/{experiment}/stats");

    public static Task<JsonElement> ExperimentAsync(HttpClient http, string experiment) =>
        http.GetFromJsonAsync<JsonElement>($"/v1/experiments/{experiment}");
}
