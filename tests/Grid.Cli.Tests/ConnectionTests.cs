using Grid.Api.V1;
using Grid.Cli.Connection;
using static Grid.Cli.Tests.Figures;

namespace Grid.Cli.Tests;

/// <summary>Server address and API key resolve from options, then the environment, then defaults.</summary>
public sealed class ConnectionTests
{
    private static CliRun Run()
    {
        var run = new CliRun();
        run.Grid.OnUnary<GetBuyingPowerRequest, BuyingPower>("Accounts", "GetBuyingPower", r => BuyingPower(r.AccountId));
        return run;
    }

    [Fact]
    public async Task Defaults_LocalhostTheDevelopmentKeyOfTheCommandsRoleAndADeadline()
    {
        var run = Run();

        await run.RunAsync("bp", "alice");

        Assert.Equal(new Uri("http://localhost:5000"), run.Settings!.Server);
        var options = Assert.Single(run.Grid.Calls).Options;
        Assert.Equal("grid-dev-engine", options.Headers!.GetValue(ConnectionSettings.ApiKeyHeader));
        Assert.NotNull(options.Deadline);
        Assert.InRange(options.Deadline!.Value - DateTime.UtcNow, TimeSpan.FromSeconds(1), ConnectionSettings.DefaultDeadline);
    }

    [Fact]
    public async Task Environment_SetsServerAndKey()
    {
        var run = Run();
        run.Environment["GRID_SERVER"] = "https://grid.example:7443";
        run.Environment["GRID_API_KEY"] = "k-env";

        await run.RunAsync("bp", "alice");

        Assert.Equal(new Uri("https://grid.example:7443"), run.Settings!.Server);
        Assert.Equal("k-env", Assert.Single(run.Grid.Calls).Options.Headers!.GetValue(ConnectionSettings.ApiKeyHeader));
    }

    [Fact]
    public async Task Options_WinOverTheEnvironment_BeforeOrAfterTheCommand()
    {
        var run = Run();
        run.Environment["GRID_SERVER"] = "http://env:1";
        run.Environment["GRID_API_KEY"] = "k-env";

        await run.RunAsync("--server", "http://opt:2", "bp", "alice", "--api-key=k-opt");

        Assert.Equal(new Uri("http://opt:2"), run.Settings!.Server);
        Assert.Equal("k-opt", Assert.Single(run.Grid.Calls).Options.Headers!.GetValue(ConnectionSettings.ApiKeyHeader));
    }

    [Theory]
    [InlineData("http://localhost:5000", "freeze", "grid-dev-admin")]
    [InlineData("http://127.0.0.1:5000", "price mark", "grid-dev-marketdata")]
    [InlineData("http://grid.example:5000", "bp", null)]
    public void NoKey_OnlyAGridOnThisMachineGetsTheDevelopmentKey(string server, string command, string? expected)
    {
        var run = new CliRun();
        run.Environment["GRID_SERVER"] = server;
        var spec = Grid.Cli.Commands.CommandCatalog.Default.Find(command.Split(' '), 0)!.Value.Command.Spec;

        var settings = GlobalOptions.Resolve(Grid.Cli.Parsing.Arguments.Parse([], GlobalOptions.All), name => run.Environment.GetValueOrDefault(name), spec.Role);

        Assert.Equal(expected, settings.ApiKey);
    }

    [Fact]
    public void Settings_ToString_NeverShowsTheKey()
    {
        var settings = new ConnectionSettings(ConnectionSettings.DefaultServer, "secret", ConnectionSettings.DefaultDeadline);

        Assert.Equal("http://localhost:5000 (api key set)", settings.ToString());
    }

    [Fact]
    public async Task BadCommandLine_NeverConnects()
    {
        var run = Run();

        await run.RunAsync("bp");

        Assert.Null(run.Settings);
    }
}
