using Grid.Api.V1;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary><c>grid verify</c>: Admin.VerifyAccount; exits 1 when the account is inconsistent.</summary>
internal sealed class VerifyCommand : ICommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new()
    {
        Name = "verify",
        Summary = "check an account's live book against a full recompute (changes nothing)",
        Usage = "verify <account>...",
        Parameters = [new("<account>", "one or more accounts, e.g. demo-mm demo-hedged")],
        Notes = ["Exits 1 when any account is inconsistent, listing what disagrees."],
        Examples = ["grid verify demo-mm demo-hedged"],
    };

    /// <inheritdoc />
    public async Task<int> RunAsync(Invocation invocation)
    {
        var args = invocation.Arguments;
        args.Required(0, "<account>");
        var consistent = true;
        foreach (var account in args.Positionals)
        {
            var verification = await invocation.Grid.Admin.VerifyAccountAsync(new VerifyAccountRequest { AccountId = account }, invocation.Unary);
            consistent &= verification.Consistent;
            invocation.Print(verification, Write);
        }

        return consistent ? ExitCode.Ok : ExitCode.Failed;
    }

    private static void Write(AccountVerification v, TextWriter writer)
    {
        var table = Table.Pairs()
            .Add("account", v.AccountId)
            .Add("consistent", v.Consistent ? "yes" : "NO")
            .Add("state hash", v.StateHash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture))
            .Add("version", v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("IM live / recomputed", $"{DecimalText.Money(v.InitialMargin)} / {DecimalText.Money(v.InitialMarginRecomputed)}")
            .Add("equity live / recomputed", $"{DecimalText.Money(v.Equity)} / {DecimalText.Money(v.EquityRecomputed)}");
        if (!v.Priced)
        {
            table.Add("note", "an instrument held has no price: only the record was checked");
        }

        table.WriteTo(writer);
        foreach (var problem in v.Problems)
        {
            writer.WriteLine($"  problem: {problem}");
        }
    }
}
