using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Fuzzes a duplex RPC by sending its hostile messages over many streams, four at a time. Each stream
/// starts with a probe (so a reconnect after a broken stream is checked) and sends another every 50
/// messages: decoded-but-invalid messages must each be answered and must not stop the stream. A message
/// that does not decode (a third of them; the rest are replaced by decodable ones so streams run long)
/// or is over the size cap ends the stream, which must end with a clean status; the fuzz then reconnects.
/// A stream that reaches its end normally must complete with OK and one reply per request. Broken framing
/// and key checks go on calls of their own; each batch of streams has a connection of its own.
/// </summary>
internal sealed class DuplexFuzzer(FuzzChannels channels, RawHttp raw, InputFactory inputs, TouchedAccounts touched)
{
    private const int ProbeEvery = 50;
    private const ulong FirstToken = 1_000_000;
    private static readonly TimeSpan SideCallTimeout = TimeSpan.FromSeconds(5);

    public async Task Run(RpcTarget rpc, RpcReport report, int count)
    {
        var profile = DuplexProfile.For(rpc);
        var random = new Random(InputFactory.StableSeed(rpc.Path, -1));
        var segments = new List<(int First, int Count, string Key, bool Cancel)>();
        for (var first = 0; first < count;)
        {
            var length = Math.Min(count - first, 150 + random.Next(300));
            segments.Add((first, length, CallerKeys.Pick(rpc.Path, random), random.Next(100) < 15));
            first += length;
        }

        report.Start();
        await Parallel.ForEachAsync(segments, new ParallelOptions { MaxDegreeOfParallelism = FuzzSettings.DuplexConcurrency }, async (segment, _) =>
        {
            using var channel = channels.Fresh(segment.Key);
            var invoker = channel.CreateCallInvoker();
            var stuck = 0;
            for (var next = segment.First; next < segment.First + segment.Count;)
            {
                var from = next;
                next = await Stream(invoker, rpc, profile, report, next, segment.First + segment.Count, segment.Key, segment.Cancel);

                // A stream that fails its first probe sends nothing; after three such, skip the input (a finding is already reported).
                stuck = next == from ? stuck + 1 : 0;
                if (stuck == 3)
                {
                    next++;
                    stuck = 0;
                }
            }
        });
        report.Stop();
    }

    /// <summary>Runs one stream from input <paramref name="first"/>; returns the next input to send.</summary>
    private async Task<int> Stream(CallInvoker invoker, RpcTarget rpc, DuplexProfile profile, RpcReport report, int first, int end, string key, bool cancel)
    {
        await using var stream = new FuzzStream(invoker, rpc, profile, report, touched);
        report.Sent(0, 1);
        var token = FirstToken;
        if (!await Probed(stream, profile, report, rpc, token++, key, "on a fresh stream (after a reconnect)"))
        {
            return first;
        }

        var sinceProbe = 0;
        for (var i = first; i < end; i++)
        {
            var input = inputs.Create(rpc, i);
            if (input.Frame is not null || input.ExpectsRefusal)
            {
                await SideCall(input, key, report);
                continue;
            }

            if (!input.Decodable || input.Oversize)
            {
                if (i % 3 == 0)
                {
                    // The stream is healthy up to here (a probe says so), so how it ends is down to this message.
                    if (!await Probed(stream, profile, report, rpc, token++, key, "after hostile messages, before an undecodable one"))
                    {
                        return i;
                    }

                    await stream.Write(input.Body, null);
                    report.Sent(1, 0);
                    await Ended(stream, input, report, cancel: false, broken: true);
                    return i + 1;
                }

                input = inputs.Structured(rpc, i);
            }

            var message = rpc.Request.Parser.ParseFrom(input.Body);
            var bytes = input.Body;
            if (input.Kind is InputKind.Valid or InputKind.HostileFields)
            {
                DuplexProfile.Restamp(message, token++);
                bytes = Google.Protobuf.MessageExtensions.ToByteArray(message);
            }

            report.Sent(1, 0);
            if (!await stream.Write(bytes, message))
            {
                await Ended(stream, input with { Body = bytes }, report, cancel: false, broken: false);
                return i + 1;
            }

            if (++sinceProbe == ProbeEvery)
            {
                sinceProbe = 0;
                if (!await Probed(stream, profile, report, rpc, token++, key, "after hostile messages"))
                {
                    return i + 1;
                }
            }
        }

        await Ended(stream, inputs.Create(rpc, end - 1), report, cancel, broken: false);
        return end;
    }

    private static async Task<bool> Probed(FuzzStream stream, DuplexProfile profile, RpcReport report, RpcTarget rpc, ulong token, string key, string when)
    {
        if (profile.Probe is null)
        {
            return true;
        }

        var answer = await stream.Probe(token, key);
        if (answer is not null && profile.ProbeAnswered(answer))
        {
            report.Count("probe answered");
            return true;
        }

        report.Count("probe not answered");
        var end = await stream.Complete();
        var recent = stream.Recent;
        report.Find(
            $"a valid probe {when} got {(answer is null ? "no answer" : profile.Label(answer))}",
            end is null ? "stream still open" : $"{end.Code}: {end.Detail}",
            $"seed {FuzzSettings.Seed}, {rpc.Label}: the last message written before the probe (of {stream.Written}), and the ones before it",
            recent.Count > 0 ? recent[^1] : [],
            recent.Count > 1 ? recent.Take(recent.Count - 1).ToList() : null);
        return false;
    }

    /// <summary>Ends a stream and judges how it ended.</summary>
    private static async Task Ended(FuzzStream stream, FuzzInput last, RpcReport report, bool cancel, bool broken)
    {
        if (cancel)
        {
            report.Count("stream end: cancelled by the fuzzer");
            return;
        }

        var end = await stream.Complete();
        if (end is null)
        {
            report.Count("stream end: hang");
            report.Find("the stream did not end within 30 s of its request side completing", "", last.Reference, stream.Last);
            return;
        }

        if (broken)
        {
            report.Count($"stream end after {(last.Oversize ? "an oversized" : "an undecodable")} message: {OutcomePolicy.Label(last, end)}");
            if (OutcomePolicy.Judge(last, end, streaming: true) is { } why)
            {
                report.Find(why, $"{end.Code}: {end.Detail}", last.Reference, last.Body);
            }

            return;
        }

        report.Count($"stream end: {OutcomePolicy.Label(last, end)}");
        if (end.Code != StatusCode.OK || end.Transport is not null)
        {
            var recent = stream.Recent;
            report.Find(
                $"a stream of decodable messages died: {end.Label}",
                $"{end.Code}: {end.Detail}",
                $"seed {FuzzSettings.Seed}, {last.Rpc.Label}: the last message written (of {stream.Written}), and the ones before it",
                stream.Last,
                recent.Count > 1 ? recent.Take(recent.Count - 1).ToList() : null);
            return;
        }

        foreach (var (token, sent, received, message) in stream.Unpaired())
        {
            report.Find(
                received < sent ? "a decodable message got no reply" : "more replies than requests for a token",
                $"token {token}: {sent} sent, {received} replies",
                $"seed {FuzzSettings.Seed}, {last.Rpc.Label}: a request with token {token}",
                message);
        }
    }

    /// <summary>Broken framing over raw HTTP/2, or a message with a missing, wrong or refused key, each on a call of its own.</summary>
    private async Task SideCall(FuzzInput input, string streamKey, RpcReport report)
    {
        CallResult result;
        if (input.Frame is { } frame)
        {
            result = await raw.Send(input.Rpc.Path, frame, streamKey, SideCallTimeout);
        }
        else
        {
            await using var stream = new FuzzStream(channels.For(input.Key), input.Rpc, DuplexProfile.For(input.Rpc), report, touched);
            await stream.Write(input.Body, null);
            result = await stream.Complete() ?? new CallResult(StatusCode.DeadlineExceeded, "no status within 30 s");
        }

        report.Sent();
        report.Count($"{(input.Frame is null ? input.Kind.ToString() : "broken framing")}: {OutcomePolicy.Label(input, result)}");
        if (OutcomePolicy.Judge(input, result, streaming: true) is { } why)
        {
            report.Find(why, $"{result.Code}: {result.Detail}", input.Reference, input.Frame?.Body ?? input.Body);
        }
    }
}
