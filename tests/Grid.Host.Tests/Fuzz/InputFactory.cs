using Google.Protobuf;
using Grid.Host.Tests.Infrastructure;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Makes the i-th input of an RPC. Each input has its own generator seeded from (seed, RPC path, i), so
/// any single input is reproducible whatever the concurrency, and the mix of kinds is fixed:
/// 10% valid, 43% hostile fields, 15% wild, 15% damaged encodings, 4% random bytes, 5% broken framing
/// (when <paramref name="framing"/>), and 2% each without a key, with a wrong key, with a refused role.
/// </summary>
internal sealed class InputFactory(FuzzVocabulary vocabulary, bool framing = true)
{
    public FuzzInput Create(RpcTarget rpc, int index)
    {
        var random = new Random(StableSeed(rpc.Path, index));
        var fuzzer = new MessageFuzzer(random, vocabulary);
        var roll = random.Next(100);
        var kind = roll switch
        {
            < 10 => InputKind.Valid,
            < 53 => InputKind.HostileFields,
            < 68 => InputKind.Wild,
            < 83 => InputKind.Mutated,
            < 87 => InputKind.RandomBytes,
            < 92 => framing ? InputKind.Framing : InputKind.HostileFields,
            < 94 => InputKind.NoKey,
            < 96 => InputKind.WrongKey,
            < 98 => CallerKeys.Refused(rpc.Path) is null ? InputKind.WrongKey : InputKind.RefusedRole,
            _ => InputKind.HostileFields,
        };

        var hostility = kind switch
        {
            InputKind.Valid => 0.0,
            InputKind.Wild => 0.7 + (random.NextDouble() * 0.3),
            _ => 0.05 + (random.NextDouble() * 0.25),
        };
        var body = fuzzer.Generate(rpc.Request, hostility).ToByteArray();
        var how = $"hostility {hostility:0.00}";
        RawFrame? frame = null;
        switch (kind)
        {
            case InputKind.Mutated:
                (body, how) = new EncodingMutator(random).Mutate(body, rpc.Request);
                break;
            case InputKind.RandomBytes:
                body = new EncodingMutator(random).RandomBytes(random.Next(10) == 0 ? 70_000 : random.Next(256));
                how = "random bytes";
                break;
            case InputKind.Framing:
                frame = new FrameMutator(random).Frame(body);
                how = frame.How;
                break;
        }

        var key = kind switch
        {
            InputKind.NoKey => null,
            InputKind.WrongKey => random.Next(4) == 0 ? $"{TestKeys.Admin}x" : CallerKeys.Wrong,
            InputKind.RefusedRole => CallerKeys.Refused(rpc.Path),
            _ => CallerKeys.Pick(rpc.Path, random),
        };
        return new FuzzInput(rpc, index, kind, body, key, Decodes(rpc, body), frame, how);
    }

    /// <summary>
    /// A decodable stand-in for input <paramref name="index"/> (a plausible message with a few hostile
    /// fields, from its own seed): duplex streams use it in place of most undecodable inputs, each of which
    /// would end the stream.
    /// </summary>
    public FuzzInput Structured(RpcTarget rpc, int index)
    {
        var random = new Random(~StableSeed(rpc.Path, index));
        var hostility = 0.05 + (random.NextDouble() * 0.25);
        var body = new MessageFuzzer(random, vocabulary).Generate(rpc.Request, hostility).ToByteArray();
        if (body.Length > FuzzSettings.MaxMessageBytes)
        {
            body = new MessageFuzzer(random, vocabulary).Generate(rpc.Request, 0).ToByteArray();
        }

        return new FuzzInput(rpc, index, InputKind.HostileFields, body, CallerKeys.Pick(rpc.Path, random), true, null, $"stand-in, hostility {hostility:0.00}");
    }

    /// <summary>True when the request type parses <paramref name="body"/> (what the server's deserializer does).</summary>
    public static bool Decodes(RpcTarget rpc, byte[] body)
    {
        try
        {
            rpc.Request.Parser.ParseFrom(body);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    /// <summary>FNV-1a of the path mixed with the seed and the index: stable across processes, unlike string.GetHashCode.</summary>
    public static int StableSeed(string path, int index)
    {
        var hash = 2_166_136_261u;
        foreach (var c in path)
        {
            hash = (hash ^ c) * 16_777_619u;
        }

        unchecked
        {
            return (int)((hash ^ (uint)FuzzSettings.Seed) * 2_654_435_761u) ^ (index * 40_503);
        }
    }
}
