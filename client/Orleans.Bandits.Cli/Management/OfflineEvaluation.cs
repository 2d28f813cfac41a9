using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Export;
using Orleans.Bandits.Grains.Evaluation;

namespace Orleans.Bandits.Cli.Management;

/// <summary>
/// <c>bandits evaluate --file</c>: the evaluation the API runs (<see cref="DecisionLogEvaluation"/>) on the rows of a
/// decision-log Parquet file, without a server. The platform's refusals become the command's: a request it finds
/// invalid is a usage error naming the option, a log it cannot evaluate exit code 3.
/// </summary>
public static class OfflineEvaluation
{
    public const string FileOption = "--file";
    public const string ArmsOption = "--arms";

    /// <param name="path">The Parquet file, e.g. written by <c>bandits export</c>.</param>
    /// <param name="request">The target, estimators and window, as the API takes them.</param>
    /// <param name="arms">The experiment's arms in its order, or null for those the file names.</param>
    /// <param name="cancellationToken">Stops between row groups.</param>
    public static async Task<EvaluationReport> RunAsync(string path, EvaluationRequest request, IReadOnlyList<string>? arms, CancellationToken cancellationToken)
    {
        try
        {
            var evaluation = DecisionLogEvaluation.ForLog(request, arms);
            await using (var input = Open(path))
            {
                try
                {
                    await foreach (var decisionEvent in ParquetDecisionReader.ReadAsync(input, cancellationToken))
                    {
                        evaluation.Add(decisionEvent);
                    }
                }
                catch (InvalidDataException e)
                {
                    throw new UsageException(FileOption, $"'{path}' is not a decision log: {OneLine(e.Message)}");
                }
            }

            return evaluation.Evaluate();
        }
        catch (BanditsException e) when (e.Kind == BanditsErrorKind.Validation)
        {
            throw new UsageException(OptionOf(e.Field), OneLine(e.Message));
        }
        catch (BanditsException e)
        {
            throw new RejectedException($"{OneLine(e.Message)} ({path})");
        }
    }

    /// <summary>The arms of <c>--arms a,b,c</c>, in the order given.</summary>
    public static IReadOnlyList<string> ReadArms(string list)
    {
        var arms = list.Split(',', StringSplitOptions.TrimEntries);
        if (arms.Any(arm => arm.Length == 0))
        {
            throw new UsageException(ArmsOption, $"'{list}' must be arm ids separated by commas (e.g. {ArmsOption} red,green,blue).");
        }

        return arms.Distinct(StringComparer.Ordinal).Count() == arms.Length
            ? arms
            : throw new UsageException(ArmsOption, $"'{list}' names an arm more than once.");
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(FileOption, OneLine(e.Message));
        }
    }

    /// <summary>The option a refused field of the request came from.</summary>
    private static string OptionOf(string? field) => field switch
    {
        "arms" => ArmsOption,
        "estimators" => "--estimator",
        _ when field?.StartsWith("policy.params.", StringComparison.Ordinal) == true => "--param " + field["policy.params.".Length..],
        _ => "--policy",
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
