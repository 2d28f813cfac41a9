using System.Reflection;
using System.Text.RegularExpressions;

namespace Orleans.Bandits.Http.Tests;

/// <summary>The README's marked bash blocks, as the tests that run them as written read them.</summary>
public static class ReadmeBlocks
{
    /// <summary>The bash block between <c>&lt;!-- marker --&gt;</c> and <c>&lt;!-- /marker --&gt;</c>.</summary>
    public static string Bash(string marker)
    {
        var root = typeof(ReadmeBlocks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var match = Regex.Match(readme, $@"<!-- {Regex.Escape(marker)} -->\s*```bash\n(.*?)```\s*<!-- /{Regex.Escape(marker)} -->", RegexOptions.Singleline);
        Assert.True(match.Success, $"README.md has no <!-- {marker} --> bash block.");
        return match.Groups[1].Value;
    }
}
