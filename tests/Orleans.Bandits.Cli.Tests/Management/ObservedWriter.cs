using System.Text;

namespace Orleans.Bandits.Cli.Tests.Management;

/// <summary>A writer a test can read while a command still writes to it (e.g. <c>stats --watch</c>).</summary>
public sealed class ObservedWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
