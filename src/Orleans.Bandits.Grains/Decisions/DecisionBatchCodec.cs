using System.Text;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// The bytes of one decision-log entry: a batch of decisions, in a compact binary form (about 60 bytes per
/// decision without context, plus 8 per context value), so that a log of millions of decisions stays small in Redis.
/// </summary>
public static class DecisionBatchCodec
{
    private const byte FormatVersion = 1;

    public static byte[] Encode(IReadOnlyList<DecisionRecord> decisions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(decisions.Count);
            foreach (var decision in decisions)
            {
                writer.Write((ulong)(decision.SelectionId >> 64));
                writer.Write((ulong)decision.SelectionId);
                writer.Write(decision.Arm);
                writer.Write(decision.Propensity ?? double.NaN);
                writer.Write(decision.Version);
                writer.Write(decision.SelectedAtUnixMs);
                writer.Write(decision.Holdout);
                writer.Write(decision.Policy);
                writer.Write(decision.Context?.Length ?? 0);
                foreach (var value in decision.Context ?? [])
                {
                    writer.Write(value);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not an entry this codec wrote.</exception>
    public static IReadOnlyList<DecisionRecord> Decode(byte[] entry)
    {
        using var reader = new BinaryReader(new MemoryStream(entry), Encoding.UTF8);
        if (reader.ReadByte() != FormatVersion)
        {
            throw new InvalidDataException("Unknown decision-log entry format.");
        }

        var decisions = new DecisionRecord[reader.ReadInt32()];
        for (var i = 0; i < decisions.Length; i++)
        {
            var selectionId = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
            var arm = reader.ReadInt32();
            var propensity = reader.ReadDouble();
            var version = reader.ReadInt64();
            var selectedAt = reader.ReadInt64();
            var holdout = reader.ReadBoolean();
            var policy = reader.ReadString();
            var context = new double[reader.ReadInt32()];
            for (var j = 0; j < context.Length; j++)
            {
                context[j] = reader.ReadDouble();
            }

            decisions[i] = new DecisionRecord(selectionId, arm, double.IsNaN(propensity) ? null : propensity, context.Length > 0 ? context : null, version, policy, selectedAt, holdout);
        }

        return decisions;
    }
}
