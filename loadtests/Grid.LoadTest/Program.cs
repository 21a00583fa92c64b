using Grid.LoadTest.Options;
using Grid.LoadTest.Running;

// Grid.LoadTest: N simulated matching engines on PreTrade.Stream, the echo ceiling and the risk core, in one run.
// dotnet run -c Release --project loadtests/Grid.LoadTest -- --help
if (ArgumentParser.WantsHelp(args))
{
    Console.WriteLine(HelpText.Text);
    return 0;
}

try
{
    return await new LoadRun(ArgumentParser.Parse(args), args, Console.Out).Execute();
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync($"grid-loadtest: {e.Message}");
    return 2;
}
catch (Exception e) when (e is InvalidOperationException or Grpc.Core.RpcException or HttpRequestException)
{
    // Setup the grid refused (an unlisted instrument, a refused seed, an unreachable host): a message, not a stack trace.
    await Console.Error.WriteLineAsync($"grid-loadtest: run failed: {e.Message}");
    return 1;
}
