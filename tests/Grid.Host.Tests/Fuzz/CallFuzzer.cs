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
            if (streaming && input.Frame is null && !input.Oversize && result.Transport is not null && OutcomePolicy.Judge(input, result, streaming) is not null)
            {
                result = await Again(rpc, input, time, result, report);
            }

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

    /// <summary>
    /// The fuzz cancels each subscription after its first message, 64 at a time on one shared connection. A cancelled
    /// stream counts against the connection until its handler has finished, and on a loaded machine handlers finish
    /// late: Kestrel then refuses new streams (ENHANCE_YOUR_CALM) and closes the connection (GOAWAY), failing calls
    /// that did nothing wrong. Such a call is sent again, alone on a connection of its own, twice at most; only what
    /// it gets there is judged, so an input that really breaks the transport still fails.
    /// </summary>
    private async Task<CallResult> Again(RpcTarget rpc, FuzzInput input, TimeSpan time, CallResult first, RpcReport report)
    {
        var result = first;
        for (var attempt = 0; attempt < 2 && result.Transport is not null && OutcomePolicy.Judge(input, result, streaming: true) is not null; attempt++)
        {
            report.Count($"sent again alone after {OutcomePolicy.Label(input, result)} on the shared connection");
            await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)));
            using var own = channels.Fresh(input.Key);
            result = await RawCalls.FirstMessage(own.CreateCallInvoker(), rpc, input.Body, time);
        }

        return result;
    }
}
