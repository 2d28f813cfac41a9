using System.Buffers.Binary;

namespace Orleans.Bandits.Dashboard.Tests.Fixtures;

public static class PngSize
{
    /// <summary>Width and height from the IHDR chunk, which PNG requires right after the 8-byte signature.</summary>
    public static (int Width, int Height) Read(string path)
    {
        var header = new byte[24];
        using var file = File.OpenRead(path);
        file.ReadExactly(header);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
