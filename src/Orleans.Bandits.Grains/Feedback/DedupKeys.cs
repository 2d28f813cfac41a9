using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Bandits.Grains.Feedback;

/// <summary>
/// The identity of a feedback event: the token's random selection id, plus the client's event
/// id when one is given. The same token resent (with the same event id) is the same event; a
/// different event id for the same token is a second event.
/// </summary>
public static class DedupKeys
{
    public static UInt128 For(UInt128 selectionId, string? clientEventId)
    {
        if (clientEventId is null)
        {
            return selectionId;
        }

        var input = new byte[16 + Encoding.UTF8.GetByteCount(clientEventId)];
        BinaryPrimitives.WriteUInt128LittleEndian(input, selectionId);
        Encoding.UTF8.GetBytes(clientEventId, input.AsSpan(16));
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input, digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    /// <summary>The event id reported back when the client gave none: the selection id, in hex.</summary>
    public static string DefaultEventId(UInt128 selectionId) => selectionId.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
}
