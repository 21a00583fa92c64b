using Grpc.Core;

namespace Grid.Host.Tests.Fuzz;

/// <summary>
/// Fuzzes an RPC that takes one request: unary calls (32 in flight, each given 15 s) and server-streaming
/// calls (64 in flight, each read to its first message and then cancelled, or cut at 250 ms). Every input
/// is one call; broken framing goes over raw HTTP/2.
/// </summary>
internal sealed class CallFuzzer(FuzzChannels channels, RawHttp raw, InputFactory inputs, TouchedAccounts touched)
{
    public async Task Run(RpcTarget rpc, RpcReport report, int count)
    {
        var streaming = rpc.Type == MethodType.ServerStreaming;
        var deadline = streaming ? FuzzSettings.StreamDeadline : FuzzSettings.UnaryDeadline;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = streaming ? FuzzSettings.StreamConcurrency : FuzzSettings.UnaryConcurrency };
        report.Start();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, _) =>
        {
            var input = inputs.Create(rpc, i);

            // A big message takes longer than a subscription's cut to upload, and a refusal must be waited for.
            var time = input.Body.Length > FuzzSettings.MaxMessageBytes / 2 || input.ExpectsRefusal ? FuzzSettings.UnaryDeadline : deadline;
            // A message over the engine cap that the RPC still accepts (a Margin portfolio of megabytes) gets a
            // connection of its own: dozens of them in flight on one connection queue behind its flow control.
            using var own = input.Large && !input.Oversize ? channels.Fresh(input.Key) : null;
            var invoker = own?.CreateCallInvoker() ?? channels.For(input.Key, input.Oversize);
            var result = input.Frame is { } frame
                ? await raw.Send(rpc.Path, frame, input.Key, time)
                : streaming
                    ? await RawCalls.FirstMessage(invoker, rpc, input.Body, time)
                    : await RawCalls.Unary(invoker, rpc, input.Body, time);
            report.Sent();
            if (result is { Code: StatusCode.OK, Response: { Length: > 0 } response, Transport: null } && OutcomePolicy.Judge(input, result, streaming) is null)
            {
                touched.From(rpc.Response.Parser.ParseFrom(response));
            }

            report.Count(input.Frame is null ? OutcomePolicy.Label(input, result) : $"broken framing: {OutcomePolicy.Label(input, result)}");
            if (OutcomePolicy.Judge(input, result, streaming) is { } reason)
            {
                report.Find(reason, $"{result.Code}: {result.Detail}", input.Reference, input.Frame?.Body ?? input.Body);
            }
        });
        report.Stop();
    }
}
