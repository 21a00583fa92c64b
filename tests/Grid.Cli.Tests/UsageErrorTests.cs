namespace Grid.Cli.Tests;

/// <summary>
/// Every command refuses a bad command line before calling anything: one line naming the argument,
/// the command's usage, exit code 2.
/// </summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("check", "missing <account>")]
    [InlineData("check alice", "missing <instrument>")]
    [InlineData("check alice BTC-PERP", "missing <side>")]
    [InlineData("check alice BTC-PERP buy", "missing <qty>")]
    [InlineData("check alice BTC-PERP buy 1", "missing <price>")]
    [InlineData("check alice BTC-PERP long 1 60000", "bad <side> 'long': expected buy|sell")]
    [InlineData("check alice BTC-PERP buy 1e5 60000", "bad <qty> '1e5': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("check alice BTC-PERP buy NaN 60000", "bad <qty> 'NaN': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("check alice BTC-PERP buy -3 60000", "bad <qty> '-3': must be greater than zero")]
    [InlineData("check alice BTC-PERP buy 1,5 60000", "bad <qty> '1,5': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("check alice BTC-PERP buy 1 Infinity", "bad <price> 'Infinity': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("check alice BTC-PERP buy 1 0", "bad <price> '0': must be greater than zero")]
    [InlineData("check alice BTC-PERP buy 1 60000 extra", "unexpected argument 'extra'")]
    [InlineData("check alice BTC-PERP buy 1 60000 --order-id", "--order-id needs a value (ID)")]
    [InlineData("check alice BTC-PERP buy 1 60000 --limit 5", "unknown option --limit")]
    [InlineData("bp", "missing <account>")]
    [InlineData("buying-power alice bob", "unexpected argument 'bob'")]
    [InlineData("max-size alice BTC-PERP", "missing <side>")]
    [InlineData("max-size alice BTC-PERP hold", "bad <side> 'hold': expected buy|sell")]
    [InlineData("max-size alice BTC-PERP buy 1e3", "bad <price> '1e3': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("what-if alice", "missing <order>")]
    [InlineData("what-if alice BTC-PERP:buy:1", "bad <order> 'BTC-PERP:buy:1': expected instrument:buy|sell:qty:price, e.g. BTC-PERP:buy:1:60000")]
    [InlineData("what-if alice BTC-PERP:up:1:60000", "bad side of <order> 'BTC-PERP:up:1:60000' 'up': expected buy|sell")]
    [InlineData("what-if alice BTC-PERP:buy:-1:60000", "bad qty of <order> 'BTC-PERP:buy:-1:60000' '-1': must be greater than zero")]
    [InlineData("what-if alice :buy:1:60000", "instrument of <order> ':buy:1:60000' must not be empty")]
    [InlineData("compare", "missing <account>")]
    [InlineData("portfolio", "missing <account>")]
    [InlineData("deposit alice USDT", "missing <amount>")]
    [InlineData("deposit alice USDT 1e5", "bad <amount> '1e5': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("deposit alice USDT -100", "bad <amount> '-100': must be greater than zero")]
    [InlineData("withdraw alice USD 0", "bad <amount> '0': must be greater than zero")]
    [InlineData("withdraw alice USD 1.0000000001", "bad <amount> '1.0000000001': at most 9 decimal places")]
    [InlineData("watch", "missing <account>")]
    [InlineData("watch alice --count 0", "bad --count '0': expected a whole number greater than zero")]
    [InlineData("price index BTC", "missing <price>")]
    [InlineData("price index BTC NaN", "bad <price> 'NaN': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("price mark BTC-PERP -1", "bad <price> '-1': must be greater than zero")]
    [InlineData("price vol BTC-261225-60000-C 55%", "bad <vol> '55%': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("price forward BTC 2026-12-25 61500", "bad <expiry> '2026-12-25': expected an ISO 8601 instant such as 2026-12-25T08:00:00Z")]
    [InlineData("price mark BTC-PERP 1 --observed-at yesterday", "bad --observed-at 'yesterday': expected an ISO 8601 instant such as 2026-12-25T08:00:00Z")]
    [InlineData("freeze", "missing <account>")]
    [InlineData("freeze alice --reason", "--reason needs a value (TEXT)")]
    [InlineData("unfreeze", "missing <account>")]
    [InlineData("regime alice", "missing <regime>")]
    [InlineData("regime alice cross", "bad <regime> 'cross': expected pm|std")]
    [InlineData("halt", "missing <instrument>")]
    [InlineData("resume", "missing <instrument>")]
    [InlineData("instruments --kind perp", "bad --kind 'perp': expected linear-perp|linear-future|inverse-perp|inverse-future|option|inverse-option|span-future|spot|equity|etf")]
    [InlineData("instruments BTC", "unexpected argument 'BTC'")]
    [InlineData("accounts --state broke", "bad --state 'broke': expected ok|reduce-only|liquidate|bankrupt")]
    [InlineData("accounts --limit -5", "bad --limit '-5': expected a whole number greater than zero")]
    [InlineData("rulebook show now", "unexpected argument 'now'")]
    [InlineData("rulebook load", "missing <file.json>")]
    [InlineData("rulebook load /nonexistent/rulebook.json", "cannot read <file.json> '/nonexistent/rulebook.json': Could not find a part of the path '/nonexistent/rulebook.json'.")]
    [InlineData("events --state unspecified", "bad --state 'unspecified': expected ok|reduce-only|liquidate|bankrupt")]
    [InlineData("events --count x", "bad --count 'x': expected a whole number greater than zero")]
    [InlineData("bp alice --server localhost:5000", "bad --server 'localhost:5000': expected http://host:port (clear-text h2c) or https://host:port")]
    public async Task Run_BadCommandLine_ExitsTwoNamingTheArgumentWithUsage(string commandLine, string message)
    {
        var run = new CliRun();

        var result = await run.RunAsync(commandLine.Split(' '));

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Equal("error: " + message, result.FirstErrorLine);
        Assert.Contains("\nusage: grid ", result.Error);
        Assert.Empty(run.Grid.Calls);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Run_BadServerInEnvironment_NamesTheVariable()
    {
        var run = new CliRun();
        run.Environment["GRID_SERVER"] = "ftp://grid";

        var result = await run.RunAsync("bp", "alice");

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Equal("error: bad GRID_SERVER 'ftp://grid': expected http://host:port (clear-text h2c) or https://host:port", result.FirstErrorLine);
    }

    [Theory]
    [InlineData("fly", "error: unknown command 'fly'")]
    [InlineData("price spot BTC 1", "error: unknown price command 'spot'")]
    [InlineData("price", "error: missing price command")]
    [InlineData("rulebook", "error: missing rulebook command")]
    [InlineData("--json", "error: missing command")]
    public async Task Run_UnknownOrMissingCommand_ExitsTwo(string commandLine, string message)
    {
        var result = await new CliRun().RunAsync(commandLine.Split(' '));

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Equal(message, result.FirstErrorLine);
    }
}
