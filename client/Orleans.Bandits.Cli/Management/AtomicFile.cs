using Orleans.Bandits.Cli.Commands;

namespace Orleans.Bandits.Cli.Management;

/// <summary>
/// Writes a file through a temporary one beside it, renamed over the target only when the writing succeeded: a
/// failed or cancelled download leaves no partial file, and an earlier file at the path stays as it was.
/// </summary>
public static class AtomicFile
{
    /// <param name="path">The file to write.</param>
    /// <param name="option">The option that named the path, for errors.</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    public static async Task WriteAsync(string path, string option, Func<Stream, Task> write)
    {
        var target = Path.GetFullPath(path);
        // Beside the target, so the rename stays on one file system and is atomic.
        var temporary = $"{target}.{Guid.NewGuid():N}.part";
        try
        {
            await using (var file = Create(temporary, option))
            {
                await write(file);
            }

            Replace(temporary, target, option);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void Replace(string temporary, string target, string option)
    {
        try
        {
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(option, e.Message);
        }
    }

    private static FileStream Create(string path, string option)
    {
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(option, e.Message);
        }
    }
}
