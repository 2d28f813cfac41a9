using System.Text;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// The bytes of outcomes as the store keeps them under their selection: self-delimiting records, so that the
/// outcomes of one selection can be appended one after another and read back together.
/// </summary>
public static class OutcomeCodec
{
    private const byte FormatVersion = 1;

    public static byte[] Encode(OutcomeRecord outcome)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write((ulong)(outcome.EventKey >> 64));
            writer.Write((ulong)outcome.EventKey);
            writer.Write(outcome.EventId);
            writer.Write(outcome.Reward ?? double.NaN);
            writer.Write(outcome.Costs?.Length ?? -1);
            foreach (var cost in outcome.Costs ?? [])
            {
                writer.Write(cost);
            }

            writer.Write(outcome.RewardedAtUnixMs);
            writer.Write(outcome.Defaulted);
        }

        return buffer.ToArray();
    }

    /// <summary>Every outcome in <paramref name="bytes"/>, in append order, each event once.</summary>
    /// <exception cref="InvalidDataException">The bytes are not outcomes this codec wrote.</exception>
    public static IReadOnlyList<OutcomeRecord> DecodeAll(byte[] bytes)
    {
        var outcomes = new List<OutcomeRecord>();
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            if (reader.ReadByte() != FormatVersion)
            {
                throw new InvalidDataException("Unknown outcome format.");
            }

            var eventKey = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
            var eventId = reader.ReadString();
            var reward = reader.ReadDouble();
            var costCount = reader.ReadInt32();
            var costs = costCount < 0 ? null : new double[costCount];
            for (var i = 0; i < costCount; i++)
            {
                costs![i] = reader.ReadDouble();
            }

            var outcome = new OutcomeRecord(eventKey, eventId, double.IsNaN(reward) ? null : reward, costs, reader.ReadInt64(), reader.ReadBoolean());
            if (outcomes.TrueForAll(o => o.EventKey != eventKey))
            {
                outcomes.Add(outcome);
            }
        }

        return outcomes;
    }
}
