using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Orleans.Bandits.Cli.Api;
using Orleans.Bandits.Cli.Commands;

namespace Orleans.Bandits.Cli.Management;

/// <summary>
/// <c>bandits export</c>: an experiment's decision log to a file, as Parquet (<c>GET /v1/experiments/{id}/events.parquet</c>,
/// streamed) or NDJSON (every page of <c>GET /v1/experiments/{id}/events</c>, following <c>Bandits-Next-Cursor</c>).
/// </summary>
public static class ExportCommand
{
    public const string Parquet = "parquet";
    public const string Ndjson = "ndjson";
    public const string NdjsonMediaType = "application/x-ndjson";

    /// <summary>With NDJSON the cursor of the next page travels in this header, absent on the last page (API.md).</summary>
    public const string NextCursorHeader = "Bandits-Next-Cursor";

    public static Command Create()
    {
        var id = ManagementArguments.Experiment();
        var output = new Option<string>("--output", "-o")
        {
            Description = "The file to write; replaced only once the export is complete.",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = $"'{Parquet}' (one row per event, for DuckDB, pandas, Spark) or '{Ndjson}' (one JSON event a line).",
            DefaultValueFactory = _ => Parquet,
        };
        var pageSize = new Option<int>("--page-size")
        {
            Description = $"Events per request with --format {Ndjson} (1-{DecisionEventPage.MaxLimit}).",
            DefaultValueFactory = _ => DecisionEventPage.MaxLimit,
        };
        var from = SelectionWindow.FromOption();
        var to = SelectionWindow.ToOption();
        var command = new Command("export", "Export an experiment's decisions with their rewards to a Parquet or NDJSON file.") { id, output, format, from, to, pageSize };
        return command.WithApiAction(async call =>
        {
            var experiment = call.GetValue(id);
            var path = call.GetValue(output);
            var window = SelectionWindow.Read(call.GetValue(from), call.GetValue(to));
            var size = call.GetValue(pageSize);
            if (size < 1 || size > DecisionEventPage.MaxLimit)
            {
                throw new UsageException("--page-size", $"--page-size must be 1-{DecisionEventPage.MaxLimit} (got {size}).");
            }

            var progress = new DownloadProgress(call.Error, $"export {experiment}");
            string written;
            switch (call.GetValue(format))
            {
                case Parquet:
                    await AtomicFile.WriteAsync(path, "--output", file => DownloadParquetAsync(call, experiment, window, file, progress));
                    written = DownloadProgress.Mebibytes(progress.Bytes) + " of Parquet";
                    break;
                case Ndjson:
                    var events = 0L;
                    await AtomicFile.WriteAsync(path, "--output", async file => events = await DownloadNdjsonAsync(call, experiment, window, size, file, progress));
                    written = $"{events.ToString(CultureInfo.InvariantCulture)} events";
                    break;
                case var other:
                    throw new UsageException("--format", $"'{other}' is not a format: use '{Parquet}' or '{Ndjson}'.");
            }

            call.Confirm($"Wrote {written} to {Path.GetFullPath(path)}");
        });
    }

    private static async Task DownloadParquetAsync(ApiInvocation call, string experiment, SelectionWindow window, Stream file, DownloadProgress progress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Experiment(experiment, "/events.parquet" + window.Query()));
        using var response = await call.Api.OpenAsync(request, call.CancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(call.CancellationToken);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await body.ReadAsync(buffer, call.CancellationToken)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), call.CancellationToken);
            progress.Add(read);
        }
    }

    /// <summary>Copies every page's lines, keeping those selected inside the window (the events route has no window of its own).</summary>
    private static async Task<long> DownloadNdjsonAsync(ApiInvocation call, string experiment, SelectionWindow window, int pageSize, Stream file, DownloadProgress progress)
    {
        await using var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        var events = 0L;
        string? after = null;
        do
        {
            var query = $"/events?limit={pageSize.ToString(CultureInfo.InvariantCulture)}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Experiment(experiment, query));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(NdjsonMediaType));
            using var response = await call.Api.OpenAsync(request, call.CancellationToken);
            after = response.Headers.TryGetValues(NextCursorHeader, out var cursors) ? cursors.FirstOrDefault() : null;
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(call.CancellationToken), Encoding.UTF8);
            while (await reader.ReadLineAsync(call.CancellationToken) is { } line)
            {
                if (line.Length == 0 || (!window.IsAll && !window.Contains(SelectedAt(line))))
                {
                    continue;
                }

                await writer.WriteLineAsync(line.AsMemory(), call.CancellationToken);
                events++;
                progress.Add(Encoding.UTF8.GetByteCount(line) + 1);
            }
        }
        while (after is not null);

        return events;
    }

    private static DateTimeOffset SelectedAt(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.TryGetProperty("selectedAt", out var selectedAt)
            ? selectedAt.GetDateTimeOffset()
            : throw new JsonException("An event has no selectedAt.");
    }
}
