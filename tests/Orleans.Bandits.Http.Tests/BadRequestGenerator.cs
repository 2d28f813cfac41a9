using System.Text;

namespace Orleans.Bandits.Http.Tests;

/// <summary>One request that the API must refuse.</summary>
/// <param name="ExpectContinue">Send the headers first and the body only if the server agrees, as a well-behaved client does for a large upload.</param>
public sealed record BadRequest(string Method, string Path, string? Body, string ContentType = "application/json", bool ExpectContinue = false)
{
    public override string ToString() => $"{Method} {Path} [{ContentType}] {(Body is null ? "" : Body.Length > 120 ? Body[..120] + "…" : Body)}";
}

/// <summary>
/// Seeded generator of malformed requests: wrong types, missing fields, huge numbers, NaN,
/// deep JSON, wrong content types, oversized bodies, unicode ids and garbage tokens. Every
/// request it makes is invalid by the contract, so every answer must be a 4xx problem.
/// </summary>
public sealed class BadRequestGenerator(int seed, string experiment, string validToken)
{
    private static readonly string[] BadIds = ["5", "null", "true", "\"\"", "\"UPPER\"", "\"héllo\"", "\"日本\"", "\"-lead\"", "\"spa ce\"", "\"a/b\"", "[]", "{}", "\"" + new string('a', 65) + "\"", "\"a\\u0000b\""];
    private static readonly string[] BadPathIds = ["UPPER", "h%C3%A9llo", "%E6%97%A5", "-lead", "spa%20ce", new string('a', 65), "%F0%9F%98%80"];
    private static readonly string[] BadNumbers = ["\"1\"", "1e400", "-1e400", "\"NaN\"", "NaN", "Infinity", "[]", "{}", "true", "null"];
    private readonly Random _random = new(seed);

    public IEnumerable<BadRequest> Generate(int count)
    {
        Func<BadRequest>[] makers =
        [
            NotJson, CreateWithBadId, CreateWithBadArms, CreateWithBadPolicy, CreateWithBadNumbers, SelectWithBadBody,
            SelectOnBadId, FeedbackWithBadToken, FeedbackWithBadFields, PatchWithBadStatus, AddBadArm, WrongContentType,
            DeepJson, Oversized, BadBatch, UnicodePaths,
        ];
        for (var i = 0; i < count; i++)
        {
            yield return makers[i % makers.Length]();
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string Garbage(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }

    private BadRequest NotJson() => new("POST", Pick(["/v1/experiments", "/v1/feedback", $"/v1/experiments/{experiment}/select", "/v1/feedback/batch", "/v1/tenants"]), Pick(["{", "{\"id\":", "[1,2", "nul", "{'id':'x'}", Garbage(_random.Next(1, 64)), "{\"a\":1,}"]));

    private BadRequest CreateWithBadId() => new("POST", "/v1/experiments", $"{{\"id\":{Pick(BadIds)},\"arms\":[{{\"id\":\"a\"}}]}}");

    private BadRequest CreateWithBadArms()
    {
        var arms = Pick(["null", "\"x\"", "5", "[]", "[5]", "[null]", "[{\"id\":5}]", "[{\"id\":\"A\"}]", "[{\"id\":\"a\"},{\"id\":\"a\"}]", "[{}]", ManyArms()]);
        return new("POST", "/v1/experiments", $"{{\"id\":\"fuzz-new\",\"arms\":{arms}}}");
    }

    private string ManyArms() => "[" + string.Join(',', Enumerable.Range(0, 1001).Select(i => $"{{\"id\":\"a{i}\"}}")) + "]";

    private BadRequest CreateWithBadPolicy()
    {
        var policy = Pick([
            "{\"name\":\"nope\"}", "{\"name\":5}", "\"thompson-beta\"", "[]",
            "{\"name\":\"thompson-beta\",\"params\":{\"alpha\":-1}}", "{\"name\":\"thompson-beta\",\"params\":{\"alpha\":0}}",
            "{\"name\":\"thompson-beta\",\"params\":{\"alpha\":\"x\"}}", "{\"name\":\"thompson-beta\",\"params\":{\"zzz\":1}}",
            "{\"name\":\"thompson-beta\",\"params\":{\"alpha\":[1,\"b\"]}}", "{\"name\":\"thompson-beta\",\"params\":{\"alpha\":1e400}}",
            "{\"name\":\"thompson-beta\",\"params\":[]}",
        ]);
        return new("POST", "/v1/experiments", $"{{\"id\":\"fuzz-new\",\"arms\":[{{\"id\":\"a\"}}],\"policy\":{policy}}}");
    }

    private BadRequest CreateWithBadNumbers()
    {
        var field = Pick(["contextDimension", "feedbackWindowSeconds"]);
        var value = field == "contextDimension"
            ? Pick(["-1", "257", "1e10", "\"3\"", "1.5", "3", "99999999999"])
            : Pick(["0", "-5", "2592001", "1e400", "\"x\"", "1.5", "99999999999"]);
        return new("POST", "/v1/experiments", $"{{\"id\":\"fuzz-new\",\"arms\":[{{\"id\":\"a\"}}],\"{field}\":{value}}}");
    }

    private BadRequest SelectWithBadBody()
    {
        var body = Pick([
            $"{{\"exploration\":{Pick(["-1", "\"x\"", "1e400", "101", "\"NaN\"", "[]"])}}}",
            "{\"exclude\":\"a\"}", "{\"exclude\":[\"nope\"]}", "{\"exclude\":[5]}", "{\"exclude\":[null]}",
            "{\"context\":\"x\"}", "{\"context\":[1,\"a\"]}", "{\"context\":{}}", "[]", "5", "\"text\"",
        ]);
        return new("POST", $"/v1/experiments/{experiment}/select", body);
    }

    private BadRequest SelectOnBadId() => new("POST", $"/v1/experiments/{Pick(BadPathIds)}/select", "{}");

    private BadRequest FeedbackWithBadToken()
    {
        var token = Pick([
            "\"\"", "null", "5", "[]", "\"" + Garbage(20).Replace("\\", "").Replace("\"", "") + "\"", "\"AAAA\"",
            "\"" + validToken[..^2] + "\"", "\"" + validToken + "x\"", "\"" + Flip(validToken) + "\"", "\"" + new string('A', 9000) + "\"",
        ]);
        return new("POST", "/v1/feedback", $"{{\"token\":{token},\"reward\":1}}");
    }

    private string Flip(string token)
    {
        var chars = token.ToCharArray();
        var at = _random.Next(chars.Length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private BadRequest FeedbackWithBadFields()
    {
        var rest = Pick([
            $"\"reward\":{Pick(BadNumbers)}", "\"reward\":1.5", "\"reward\":-0.1", "\"reward\":2", "\"reward\":1e308",
            "\"eventId\":\"x\"", "\"reward\":1,\"unavailable\":{\"retryAfterMs\":5}", "\"unavailable\":{\"retryAfterMs\":-1}",
            "\"unavailable\":{}", "\"unavailable\":{\"retryAfterMs\":\"soon\"}", "\"unavailable\":{\"retryAfterMs\":999999999999}",
            "\"reward\":0,\"eventId\":\"\"", $"\"reward\":0,\"eventId\":\"{new string('e', 200)}\"", "\"reward\":0,\"costs\":\"x\"",
            "\"reward\":0,\"costs\":[1e400]",
        ]);
        return new("POST", "/v1/feedback", $"{{\"token\":\"{validToken}\",{rest}}}");
    }

    private BadRequest PatchWithBadStatus() =>
        new("PATCH", $"/v1/experiments/{experiment}", $"{{\"status\":{Pick(["\"sleeping\"", "\"RUNNING\"", "5", "null", "[]", "\"\""])}}}");

    private BadRequest AddBadArm() => new("POST", $"/v1/experiments/{experiment}/arms", $"{{\"id\":{Pick(BadIds.Append("\"a\"").ToArray())}}}");

    private BadRequest WrongContentType() => new(
        "POST",
        Pick(["/v1/experiments", "/v1/feedback", $"/v1/experiments/{experiment}/arms"]),
        "{\"id\":\"fuzz-new\",\"arms\":[{\"id\":\"a\"}]}",
        Pick(["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png"]));

    private BadRequest DeepJson()
    {
        var depth = _random.Next(100, 5000);
        var body = _random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        return new("POST", Pick(["/v1/experiments", "/v1/feedback", $"/v1/experiments/{experiment}/select"]), body);
    }

    private BadRequest Oversized() => new("POST", Pick(["/v1/feedback", "/v1/experiments", "/v1/feedback/batch"]), "{\"token\":\"" + new string('x', 1_100_000) + "\"}", ExpectContinue: true);

    private BadRequest BadBatch() => new("POST", "/v1/feedback/batch", Pick(["{\"items\":null}", "{\"items\":[]}", "{}", "{\"items\":[5]}", "{\"items\":\"x\"}", "{\"items\":[" + string.Join(',', Enumerable.Repeat("{\"token\":\"x\",\"reward\":1}", 1001)) + "]}"]));

    private BadRequest UnicodePaths() => new(Pick(["GET", "DELETE"]), $"/v1/experiments/{Pick(BadPathIds)}", null);
}
