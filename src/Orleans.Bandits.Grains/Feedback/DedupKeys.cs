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
    /// <summary>
    /// Outcome kinds a selection can have at most one of. Each starts with a control character, which no event id
    /// may contain, so an outcome's key never equals an event's.
    /// </summary>
    public const string AnyOutcome = "\u0001outcome";

    /// <inheritdoc cref="AnyOutcome"/>
    public const string UnavailableOutcome = "\u0001unavailable";

    /// <summary>Marks the <paramref name="slot"/>th outcome of a selection under rewardAggregation <c>sum</c>, which takes a bounded number.</summary>
    public static string SummedOutcome(int slot) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\u0001sum.{slot}");

    /// <summary>Marks a selection learned with the experiment's default reward; also the identity of that default event.</summary>
    public const string DefaultedOutcome = "\u0001defaulted";

    public static UInt128 For(UInt128 selectionId, string? clientEventId) =>
        clientEventId is null ? selectionId : Digest(selectionId, clientEventId);

    /// <summary>The key that marks a selection as having had an outcome of <paramref name="kind"/> (<see cref="AnyOutcome"/>, <see cref="UnavailableOutcome"/> or <see cref="DefaultedOutcome"/>).</summary>
    public static UInt128 ForOutcome(UInt128 selectionId, string kind) => Digest(selectionId, kind);

    private static UInt128 Digest(UInt128 selectionId, string suffix)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(suffix)];
        BinaryPrimitives.WriteUInt128LittleEndian(input, selectionId);
        Encoding.UTF8.GetBytes(suffix, input.AsSpan(16));
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input, digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    /// <summary>The event id reported back when the client gave none: the selection id, in hex.</summary>
    public static string DefaultEventId(UInt128 selectionId) => selectionId.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
}
