using System.Net;
using System.Text.Json;

namespace Orleans.Bandits.Http.Tests;

/// <summary>Spends a key's permits one request at a time until the first 429, and reads that refusal.</summary>
public static class RateLimitProbe
{
    /// <summary>How many requests were accepted before the first 429 (-1 if none came within <paramref name="bound"/>), and the 429's problem and Retry-After.</summary>
    public static async Task<(int Accepted, JsonElement? Problem, TimeSpan? RetryAfter)> AcceptedBeforeTheFirst429(ApiCalls api, string key, int bound)
    {
        for (var accepted = 0; accepted <= bound; accepted++)
        {
            using var response = await api.Send(key, HttpMethod.Get, "/v1/policies");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (accepted, await ApiCalls.Json(response), response.Headers.RetryAfter?.Delta);
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return (-1, null, null);
    }
}
