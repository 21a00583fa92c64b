using Grid.Cli.Parsing;
using Grid.Cli.Text;

namespace Grid.Cli.Commands;

/// <summary>Writes <c>grid help</c>, a command's help and a group's help.</summary>
internal static class HelpText
{
    /// <summary>The overview: what grid is, every command, the global options and a first session.</summary>
    public static void WriteOverview(TextWriter writer, CommandCatalog catalog)
    {
        writer.WriteLine("grid: the Margin Grid command line (gRPC contract grid.v1)");
        writer.WriteLine();
        writer.WriteLine("usage: grid <command> [arguments] [options]");
        writer.WriteLine();
        writer.WriteLine("commands:");
        var commands = new Table(TableColumn.Left(""), TableColumn.Left("")) { ShowHeader = false, Indent = "  " };
        foreach (var command in catalog.Commands)
        {
            var aliases = command.Spec.Aliases.Count > 0 ? $" ({string.Join(", ", command.Spec.Aliases)})" : "";
            commands.Add(command.Spec.Name + aliases, command.Spec.Summary);
        }

        commands.WriteTo(writer);
        WriteGlobalOptions(writer);
        writer.WriteLine();
        writer.WriteLine("a first minute, against the demo grid (`dotnet run --project src/Grid.Host`):");
        writer.WriteLine("  grid accounts");
        writer.WriteLine("  grid bp demo-hedged");
        writer.WriteLine("  grid check demo-trader BTC-PERP buy 0.5 60000");
        writer.WriteLine("  grid compare demo-hedged");
        writer.WriteLine();
        writer.WriteLine("run `grid <command> --help` for a command's arguments, options and examples.");
    }

    /// <summary>One command's help.</summary>
    public static void WriteCommand(TextWriter writer, CommandSpec spec)
    {
        writer.WriteLine($"grid {spec.Name}: {spec.Summary}");
        foreach (var note in spec.Notes)
        {
            writer.WriteLine(note);
        }

        writer.WriteLine();
        writer.WriteLine(UsageLine(spec));
        if (spec.Parameters.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("arguments:");
            var parameters = new Table(TableColumn.Left(""), TableColumn.Left("")) { ShowHeader = false, Indent = "  " };
            foreach (var parameter in spec.Parameters)
            {
                parameters.Add(parameter.Name, parameter.Description);
            }

            parameters.WriteTo(writer);
        }

        if (spec.Options.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("options:");
            WriteOptions(writer, spec.Options);
        }

        WriteGlobalOptions(writer);
        writer.WriteLine();
        writer.WriteLine(spec.Examples.Count > 1 ? "examples:" : "example:");
        foreach (var example in spec.Examples)
        {
            writer.WriteLine("  " + example);
        }
    }

    /// <summary>The help of a group such as "price": its commands and their usage.</summary>
    public static void WriteGroup(TextWriter writer, string group, IEnumerable<ICommand> commands)
    {
        writer.WriteLine($"grid {group} commands:");
        foreach (var command in commands)
        {
            writer.WriteLine();
            writer.WriteLine($"  {command.Spec.Summary}");
            writer.WriteLine($"  grid {command.Spec.Usage}");
            writer.WriteLine($"  e.g. {command.Spec.Examples[0]}");
        }

        writer.WriteLine();
        writer.WriteLine($"run `grid {group} <command> --help` for a command's arguments and options.");
    }

    /// <summary>"usage: grid check &lt;account&gt; ...".</summary>
    public static string UsageLine(CommandSpec spec) => $"usage: grid {spec.Usage}";

    private static void WriteGlobalOptions(TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("global options:");
        WriteOptions(writer, GlobalOptions.All);
    }

    private static void WriteOptions(TextWriter writer, IEnumerable<OptionSpec> options)
    {
        var table = new Table(TableColumn.Left(""), TableColumn.Left("")) { ShowHeader = false, Indent = "  " };
        foreach (var option in options)
        {
            table.Add(option.Synopsis, option.Description);
        }

        table.WriteTo(writer);
    }
}
