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
