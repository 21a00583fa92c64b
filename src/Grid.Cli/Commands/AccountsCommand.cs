using Grid.Api.V1;
using Grid.Cli.Parsing;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary><c>grid accounts</c>: Admin.ListAccounts, nearest liquidation first.</summary>
internal sealed class AccountsCommand : ICommand
{
    /// <summary>Accounts shown when <c>--limit</c> is not given.</summary>
    public const int DefaultLimit = 100;

    private static readonly OptionSpec Limit = new("limit", "N", $"show at most N accounts (default {DefaultLimit})");

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "accounts",
        Summary = "accounts with their headline figures, nearest liquidation first",
        Usage = "accounts [--state STATE ...] [--limit N]",
        Notes = ["Accounts with equity <= 0 come first, then by margin ratio (MM / equity) descending."],
        Options = [EventsCommand.State, Limit],
        Examples = ["grid accounts", "grid accounts --state reduce-only,liquidate --limit 20"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.AtMost(0);
        var limit = args.Option(Limit.Name) is { } text ? ArgumentValue.Count(text, "--" + Limit.Name) : DefaultLimit;
        var request = new ListAccountsRequest { Order = AccountOrder.NearestLiquidation, PageSize = (uint)Math.Min(limit, 5000) };
        request.States.AddRange(ArgumentValue.Choices<AccountState>(args.Options(EventsCommand.State.Name), "--" + EventsCommand.State.Name));

        var all = new ListAccountsResponse();
        do
        {
            var page = await invocation.Grid.Admin.ListAccountsAsync(request, invocation.Unary);
            all.Accounts.AddRange(page.Accounts.Take(limit - all.Accounts.Count));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && all.Accounts.Count < limit);

        all.NextPageToken = request.PageToken;
        invocation.Print(all, Write);
        return ExitCode.Ok;
    }

    private static void Write(ListAccountsResponse response, TextWriter writer)
    {
        if (response.Accounts.Count == 0)
        {
            writer.WriteLine("no accounts");
            return;
        }

        var table = new Table(
            TableColumn.Left("account"), TableColumn.Left("state"), TableColumn.Left("regime"), TableColumn.Right("equity"),
            TableColumn.Right("IM"), TableColumn.Right("MM"), TableColumn.Right("health"), TableColumn.Right("margin ratio"),
            TableColumn.Left("frozen"));
        foreach (var a in response.Accounts)
        {
            table.Add(
                a.AccountId, EnumText.Format(a.State), EnumText.Format(a.Regime), DecimalText.Money(a.Equity),
                DecimalText.Money(a.InitialMargin), DecimalText.Money(a.MaintenanceMargin), DecimalText.Money(a.Health),
                DecimalText.Plain(a.MarginRatio), a.Frozen ? "yes" : "no");
        }

        table.WriteTo(writer);
        if (response.NextPageToken.Length > 0)
        {
            writer.WriteLine($"(more accounts: raise --limit above {response.Accounts.Count})");
        }
    }
}
