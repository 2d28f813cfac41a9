using System.Globalization;

namespace Orleans.Bandits.Cli.Management;

/// <summary>
/// Progress of a long export on stderr: a line each time another <see cref="Step"/> has arrived, so a small file
/// prints nothing and a large one shows that it moves, without mixing with what a script reads from stdout.
/// </summary>
public sealed class DownloadProgress(TextWriter error, string what)
{
    public const long Step = 8L * 1024 * 1024;

    private long _bytes;

    public long Bytes => _bytes;

    public void Add(long bytes)
    {
        var before = _bytes / Step;
        _bytes += bytes;
        if (_bytes / Step > before)
        {
            error.WriteLine($"{what}: {Mebibytes(_bytes)} so far");
        }
    }

    public static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
}
