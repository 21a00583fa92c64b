namespace Grid.Cli.Commands;

/// <summary>
/// The commands <c>grid</c> knows, in help order, and how command words on the line find one:
/// "check", an alias such as "bp", or two words for a group such as "price mark".
/// </summary>
internal sealed class CommandCatalog
{
    /// <summary>A catalog of <paramref name="commands"/>.</summary>
    public CommandCatalog(IReadOnlyList<ICommand> commands) => Commands = commands;

    /// <summary>Every command of the CLI.</summary>
    public static CommandCatalog Default { get; } = new(
    [
        new CheckCommand(),
        new BuyingPowerCommand(),
        new MaxSizeCommand(),
        new WhatIfCommand(),
        new CompareCommand(),
        new SimulateCommand(),
        new PortfolioCommand(),
        new DepositCommand(),
        new WithdrawCommand(),
        new WatchCommand(),
        new PriceCommand(PriceKind.Index),
        new PriceCommand(PriceKind.Mark),
        new PriceCommand(PriceKind.Vol),
        new PriceCommand(PriceKind.Forward),
        new PriceCommand(PriceKind.Rate),
        new PriceCommand(PriceKind.Dividend),
        new PriceCommand(PriceKind.RiskArray),
        new PriceCommand(PriceKind.SpanDelta),
        new PriceCommand(PriceKind.OpenInterest),
        new PricesCommand(),
        new FreezeCommand(),
        new UnfreezeCommand(),
        new RegimeCommand(),
        new HaltCommand(),
        new ResumeCommand(),
        new InstrumentsCommand(),
        new AccountsCommand(),
        new RulebookShowCommand(),
        new RulebookLoadCommand(),
        new StressCommand(),
        new ReportCommand(),
        new EventsCommand(),
        new AuditCommand(),
        new VerifyCommand(),
    ]);

    /// <summary>The commands, in help order.</summary>
    public IReadOnlyList<ICommand> Commands { get; }

    /// <summary>
    /// The command named by the words at <paramref name="at"/>, and how many words it took; null
    /// when none matches.
    /// </summary>
    public (ICommand Command, int Words)? Find(IReadOnlyList<string> tokens, int at)
    {
        if (at + 1 < tokens.Count)
        {
            var twoWords = tokens[at] + " " + tokens[at + 1];
            if (Commands.FirstOrDefault(c => c.Spec.Name == twoWords) is { } grouped)
            {
                return (grouped, 2);
            }
        }

        var word = tokens[at];
        var single = Commands.FirstOrDefault(c => c.Spec.Name == word || c.Spec.Aliases.Contains(word));
        return single is null ? null : (single, 1);
    }

    /// <summary>The commands of a group such as "price"; empty when <paramref name="word"/> is not a group.</summary>
    public IReadOnlyList<ICommand> Group(string word) =>
        Commands.Where(c => c.Spec.Name.StartsWith(word + " ", StringComparison.Ordinal)).ToList();
}
