using Grid.Cli.Commands;

namespace Grid.Cli.Tests;

/// <summary>Help is reachable every usual way and explains every command and option with an example.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> CommandNames() => [.. CommandCatalog.Default.Commands.Select(c => c.Spec.Name)];

    [Theory]
    [InlineData("")]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Overview_ListsEveryCommand(string commandLine)
    {
        var result = await new CliRun().RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        foreach (var command in CommandCatalog.Default.Commands)
        {
            Assert.Contains($"\n  {command.Spec.Name}", result.Output);
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task CommandHelp_ExplainsEveryOptionWithAnExample(string name)
    {
        var run = new CliRun();
        var spec = CommandCatalog.Default.Commands.Single(c => c.Spec.Name == name).Spec;

        var viaFlag = await run.RunAsync([.. name.Split(' '), "--help"]);
        var viaHelp = await run.RunAsync(["help", .. name.Split(' ')]);

        Assert.Equal(ExitCode.Ok, viaFlag.ExitCode);
        Assert.Equal(viaFlag.Output, viaHelp.Output);
        Assert.Contains($"usage: grid {spec.Usage}\n", viaFlag.Output);
        foreach (var option in spec.Options.Concat(GlobalOptions.All))
        {
            Assert.Contains($"  {option.Synopsis}  ", viaFlag.Output);
        }

        Assert.NotEmpty(spec.Examples);
        Assert.All(spec.Examples, e => Assert.Contains(e.Split(' ')[1], new[] { name.Split(' ')[0] }.Concat(spec.Aliases)));
        Assert.Empty(run.Grid.Calls);
    }

    [Theory]
    [InlineData("price --help")]
    [InlineData("help price")]
    [InlineData("rulebook -h")]
    public async Task GroupHelp_ListsItsCommands(string commandLine)
    {
        var result = await new CliRun().RunAsync(commandLine.Split(' '));

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Matches(@"^grid (price|rulebook) commands:\n", result.Output);
    }

    [Fact]
    public async Task HelpFlag_WinsOverOtherwiseBadArguments()
    {
        var result = await new CliRun().RunAsync("check", "alice", "1e5", "--bogus", "--help");

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.StartsWith("grid check:", result.Output);
    }

    [Fact]
    public async Task Alias_HasTheSameHelp()
    {
        var run = new CliRun();

        var viaAlias = await run.RunAsync("bp", "--help");
        var viaName = await run.RunAsync("buying-power", "--help");

        Assert.Equal(viaName.Output, viaAlias.Output);
    }
}
