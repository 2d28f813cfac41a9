using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace Orleans.Bandits.Grains.Tokens;

/// <summary>
/// The compact binary payload of a token (little-endian), before the signature:
/// format byte, key id, tenant, experiment (each length-prefixed ASCII), arm (int32),
/// version (int64), propensity (double, NaN = none), context (uint16 count + doubles),
/// issued-at and expires-at (int64 Unix ms), selection id (16 bytes), generation (int64), flags (byte: bit 0 holdout,
/// bit 1 traced), and when traced the select span's trace id (16 bytes) and span id (8 bytes).
/// Format 2 added the generation; tokens of format 1 are refused. Format 3 added the flags; tokens of format 2, issued
/// before it, are still read (with no flag set), so feedback in flight across an upgrade is not lost.
/// </summary>
public static class TokenCodec
{
    private const byte Format = 3;
    private const byte FormatWithoutFlags = 2;
    private const byte HoldoutFlag = 1;
    private const byte TracedFlag = 2;
    private const int SpanLength = 16 + 8;
    private const int MaxIdLength = 64;

    /// <summary>The encoded length of <paramref name="token"/>, so a signer can encode into a stack buffer.</summary>
    public static int EncodedLength(string keyId, SelectionToken token)
    {
        var contextLength = token.Context?.Length ?? 0;
        if (contextLength > ushort.MaxValue)
        {
            throw new ArgumentException("Context is too long for a token.", nameof(token));
        }

        return 1 + 3 + keyId.Length + token.Tenant.Length + token.Experiment.Length + 4 + 8 + 8 + 2 + (8 * contextLength) + 8 + 8 + 16 + 8 + 1
            + (token.SelectSpan is null ? 0 : SpanLength);
    }

    /// <summary>Writes the payload into <paramref name="span"/>, which must be exactly <see cref="EncodedLength"/> bytes.</summary>
    public static void Encode(string keyId, SelectionToken token, Span<byte> span)
    {
        var contextLength = token.Context?.Length ?? 0;
        span[0] = Format;
        var offset = 1;
        offset += WriteAscii(span[offset..], keyId);
        offset += WriteAscii(span[offset..], token.Tenant);
        offset += WriteAscii(span[offset..], token.Experiment);
        BinaryPrimitives.WriteInt32LittleEndian(span[offset..], token.Arm);
        offset += 4;
        BinaryPrimitives.WriteInt64LittleEndian(span[offset..], token.Version);
        offset += 8;
        BinaryPrimitives.WriteDoubleLittleEndian(span[offset..], token.Propensity ?? double.NaN);
        offset += 8;
        BinaryPrimitives.WriteUInt16LittleEndian(span[offset..], (ushort)contextLength);
        offset += 2;
        for (var i = 0; i < contextLength; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[offset..], token.Context![i]);
            offset += 8;
        }

        BinaryPrimitives.WriteInt64LittleEndian(span[offset..], token.IssuedAtUnixMs);
        offset += 8;
        BinaryPrimitives.WriteInt64LittleEndian(span[offset..], token.ExpiresAtUnixMs);
        offset += 8;
        BinaryPrimitives.WriteUInt128LittleEndian(span[offset..], token.SelectionId);
        offset += 16;
        BinaryPrimitives.WriteInt64LittleEndian(span[offset..], token.Generation);
        offset += 8;
        span[offset] = (byte)((token.Holdout ? HoldoutFlag : 0) | (token.SelectSpan is null ? 0 : TracedFlag));
        offset += 1;
        if (token.SelectSpan is { } traced)
        {
            // Exact slices: CopyTo fills the whole destination it is given.
            traced.TraceId.CopyTo(span.Slice(offset, 16));
            traced.SpanId.CopyTo(span.Slice(offset + 16, 8));
        }
    }

    /// <summary>Parses a payload; false for anything that is not exactly one well-formed payload.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out string keyId, out SelectionToken? token)
    {
        keyId = "";
        token = null;
        if (payload.Length < 1 || payload[0] is not (Format or FormatWithoutFlags))
        {
            return false;
        }

        var offset = 1;
        if (!TryReadAscii(payload, ref offset, out keyId)
            || !TryReadAscii(payload, ref offset, out var tenant)
            || !TryReadAscii(payload, ref offset, out var experiment)
            || payload.Length < offset + 4 + 8 + 8 + 2)
        {
            return false;
        }

        var arm = BinaryPrimitives.ReadInt32LittleEndian(payload[offset..]);
        offset += 4;
        var version = BinaryPrimitives.ReadInt64LittleEndian(payload[offset..]);
        offset += 8;
        var propensity = BinaryPrimitives.ReadDoubleLittleEndian(payload[offset..]);
        offset += 8;
        int contextLength = BinaryPrimitives.ReadUInt16LittleEndian(payload[offset..]);
        offset += 2;
        var flagsLength = payload[0] == Format ? 1 : 0;
        var tail = (8 * contextLength) + 8 + 8 + 16 + 8 + flagsLength;
        var traced = flagsLength == 1 && payload.Length > offset + tail - 1 && (payload[offset + tail - 1] & TracedFlag) != 0;
        if (payload.Length != offset + tail + (traced ? SpanLength : 0))
        {
            return false;
        }

        var context = contextLength == 0 ? null : new double[contextLength];
        for (var i = 0; i < contextLength; i++)
        {
            context![i] = BinaryPrimitives.ReadDoubleLittleEndian(payload[offset..]);
            offset += 8;
        }

        var issuedAt = BinaryPrimitives.ReadInt64LittleEndian(payload[offset..]);
        offset += 8;
        var expiresAt = BinaryPrimitives.ReadInt64LittleEndian(payload[offset..]);
        offset += 8;
        var selectionId = BinaryPrimitives.ReadUInt128LittleEndian(payload[offset..]);
        offset += 16;
        var generation = BinaryPrimitives.ReadInt64LittleEndian(payload[offset..]);
        offset += 8;
        var flags = flagsLength == 1 ? payload[offset] : (byte)0;
        offset += flagsLength;
        if ((flags & ~(HoldoutFlag | TracedFlag)) != 0)
        {
            return false;
        }

        ActivityContext? selectSpan = traced
            ? new ActivityContext(ActivityTraceId.CreateFromBytes(payload.Slice(offset, 16)), ActivitySpanId.CreateFromBytes(payload.Slice(offset + 16, 8)), ActivityTraceFlags.Recorded, isRemote: true)
            : null;
        token = new SelectionToken(
            tenant, experiment, arm, version, double.IsNaN(propensity) ? null : propensity, context, issuedAt, expiresAt, selectionId, generation, (flags & HoldoutFlag) != 0, selectSpan);
        return true;
    }

    private static int WriteAscii(Span<byte> destination, string value)
    {
        if (value.Length > MaxIdLength)
        {
            throw new ArgumentException($"Token field '{value}' is longer than {MaxIdLength} characters.", nameof(value));
        }

        destination[0] = (byte)value.Length;
        return 1 + Encoding.ASCII.GetBytes(value, destination[1..]);
    }

    private static bool TryReadAscii(ReadOnlySpan<byte> payload, ref int offset, out string value)
    {
        value = "";
        if (payload.Length <= offset)
        {
            return false;
        }

        int length = payload[offset];
        if (length > MaxIdLength || payload.Length < offset + 1 + length)
        {
            return false;
        }

        var bytes = payload.Slice(offset + 1, length);
        foreach (var b in bytes)
        {
            if (b is < 0x21 or > 0x7e)
            {
                return false;
            }
        }

        value = Encoding.ASCII.GetString(bytes);
        offset += 1 + length;
        return true;
    }
}
