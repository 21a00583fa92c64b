using ProtoDecimal = Grid.Api.V1.Decimal;

namespace Grid.Cli.Parsing;

/// <summary>
/// A parsed command line: positional arguments in order and options by name. Options start with
/// <c>--</c> and may appear anywhere; <c>--</c> alone ends them. A lone dash or a token such as
/// "-3" is positional, so negative numbers reach the argument checks and get a precise message.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options;

    private Arguments(List<string> positionals, Dictionary<string, List<string>> options)
    {
        Positionals = positionals;
        _options = options;
    }

    /// <summary>The positional arguments, in order.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Parses <paramref name="tokens"/> against the options in <paramref name="specs"/>.</summary>
    public static Arguments Parse(IReadOnlyList<string> tokens, IReadOnlyCollection<OptionSpec> specs)
    {
        var byName = specs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var positionals = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var optionsEnded = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (optionsEnded || !token.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(token);
                continue;
            }

            if (token == "--")
            {
                optionsEnded = true;
                continue;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? token[2..] : token[2..equals];
            if (!byName.TryGetValue(name, out var spec))
            {
                throw new UsageException($"unknown option --{name}");
            }

            string value;
            if (spec.IsFlag)
            {
                if (equals >= 0)
                {
                    throw new UsageException($"--{name} takes no value");
                }

                value = "";
            }
            else if (equals >= 0)
            {
                value = token[(equals + 1)..];
            }
            else if (i + 1 < tokens.Count)
            {
                value = tokens[++i];
            }
            else
            {
                throw new UsageException($"--{name} needs a value ({spec.ValueName})");
            }

            if (!options.TryGetValue(name, out var values))
            {
                options[name] = values = [];
            }
            else if (!spec.Repeatable)
            {
                throw new UsageException($"--{name} given twice");
            }

            values.Add(value);
        }

        return new Arguments(positionals, options);
    }

    /// <summary>
    /// The positional argument at <paramref name="index"/>, not blank; <paramref name="name"/>
    /// (e.g. "&lt;account&gt;") names it in errors.
    /// </summary>
    public string Required(int index, string name) =>
        index < Positionals.Count ? ArgumentValue.Text(Positionals[index], name) : throw new UsageException($"missing {name}");

    /// <summary>The positional argument at <paramref name="index"/> as a number &gt; 0 (see <see cref="ArgumentValue.Positive"/>).</summary>
    public ProtoDecimal Positive(int index, string name) => ArgumentValue.Positive(Required(index, name), name);

    /// <summary>The positional argument at <paramref name="index"/> as a contract enum (see <see cref="ArgumentValue.Choice{T}"/>).</summary>
    public T Choice<T>(int index, string name)
        where T : struct, Enum => ArgumentValue.Choice<T>(Required(index, name), name);

    /// <summary>The positional argument at <paramref name="index"/>, or null when absent.</summary>
    public string? Optional(int index) => index < Positionals.Count ? Positionals[index] : null;

    /// <summary>Fails when more than <paramref name="count"/> positional arguments were given.</summary>
    public void AtMost(int count)
    {
        if (Positionals.Count > count)
        {
            throw new UsageException($"unexpected argument '{Positionals[count]}'");
        }
    }

    /// <summary>True when the flag or option was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The value of a single-valued option, or null when not given.</summary>
    public string? Option(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    /// <summary>Every value of a repeatable option, in order; empty when not given.</summary>
    public IReadOnlyList<string> Options(string name) =>
        _options.TryGetValue(name, out var values) ? values : [];
}
