using Grid.Api.V1;
using Grid.Cli.Parsing;

namespace Grid.Cli.Tests;

/// <summary>The command-line parser: positionals, flags, valued and repeatable options, strict errors.</summary>
public sealed class ArgumentsTests
{
    private static readonly OptionSpec[] Specs =
    [
        new("order-id", "ID", "id"),
        new("reduce-only", null, "flag"),
        new("state", "STATE", "states", Repeatable: true),
    ];

    [Fact]
    public void Parse_OptionsAnywhere_SeparatesPositionals()
    {
        var args = Arguments.Parse(["alice", "--order-id", "o-1", "BTC-PERP", "--reduce-only", "buy"], Specs);

        Assert.Equal(["alice", "BTC-PERP", "buy"], args.Positionals);
        Assert.Equal("o-1", args.Option("order-id"));
        Assert.True(args.Has("reduce-only"));
    }

    [Fact]
    public void Parse_EqualsForm_TakesTheValue()
    {
        var args = Arguments.Parse(["--order-id=a=b"], Specs);

        Assert.Equal("a=b", args.Option("order-id"));
    }

    [Fact]
    public void Parse_RepeatableOption_KeepsEveryValueInOrder()
    {
        var args = Arguments.Parse(["--state", "ok", "--state=liquidate"], Specs);

        Assert.Equal(["ok", "liquidate"], args.Options("state"));
    }

    [Fact]
    public void Parse_NegativeNumber_IsPositional()
    {
        var args = Arguments.Parse(["-3"], Specs);

        Assert.Equal(["-3"], args.Positionals);
    }

    [Fact]
    public void Parse_DoubleDash_EndsOptions()
    {
        var args = Arguments.Parse(["--", "--reduce-only"], Specs);

        Assert.Equal(["--reduce-only"], args.Positionals);
        Assert.False(args.Has("reduce-only"));
    }

    [Theory]
    [InlineData("unknown option --bogus", "--bogus")]
    [InlineData("--order-id needs a value (ID)", "--order-id")]
    [InlineData("--reduce-only takes no value", "--reduce-only=yes")]
    [InlineData("--order-id given twice", "--order-id", "a", "--order-id", "b")]
    public void Parse_BadOption_NamesIt(string message, params string[] tokens)
    {
        var error = Assert.Throws<UsageException>(() => Arguments.Parse(tokens, Specs));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Required_Missing_NamesTheArgument()
    {
        var args = Arguments.Parse(["alice"], Specs);

        Assert.Equal("missing <instrument>", Assert.Throws<UsageException>(() => args.Required(1, "<instrument>")).Message);
    }

    [Fact]
    public void Required_Blank_IsRefused()
    {
        var args = Arguments.Parse(["  "], Specs);

        Assert.Equal("<account> must not be empty", Assert.Throws<UsageException>(() => args.Required(0, "<account>")).Message);
    }

    [Fact]
    public void AtMost_ExtraArgument_NamesIt()
    {
        var args = Arguments.Parse(["a", "b", "c"], Specs);

        Assert.Equal("unexpected argument 'c'", Assert.Throws<UsageException>(() => args.AtMost(2)).Message);
    }

    [Theory]
    [InlineData("1e5", "bad <qty> '1e5': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("NaN", "bad <qty> 'NaN': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("-3", "bad <qty> '-3': must be greater than zero")]
    [InlineData("0", "bad <qty> '0': must be greater than zero")]
    [InlineData("1,5", "bad <qty> '1,5': expected a plain decimal number such as 12.5 or 0.001")]
    [InlineData("0.0000000001", "bad <qty> '0.0000000001': at most 9 decimal places")]
    public void Positive_BadNumber_NamesArgumentAndText(string text, string message)
    {
        var error = Assert.Throws<UsageException>(() => ArgumentValue.Positive(text, "<qty>"));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("buy", Side.Buy)]
    [InlineData("SELL", Side.Sell)]
    public void Choice_Side_Parses(string text, Side expected)
    {
        Assert.Equal(expected, ArgumentValue.Choice<Side>(text, "<side>"));
    }

    [Fact]
    public void Choice_BadSide_ListsTheChoices()
    {
        var error = Assert.Throws<UsageException>(() => ArgumentValue.Choice<Side>("long", "<side>"));

        Assert.Equal("bad <side> 'long': expected buy|sell", error.Message);
    }

    [Fact]
    public void Choices_CommaSeparatedAndRepeated_AreAllRead()
    {
        var states = ArgumentValue.Choices<AccountState>(["ok,reduce-only", "bankrupt"], "--state");

        Assert.Equal([AccountState.Ok, AccountState.ReduceOnly, AccountState.Bankrupt], states);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("ten")]
    public void Count_NotAPositiveWholeNumber_IsRefused(string text)
    {
        Assert.Throws<UsageException>(() => ArgumentValue.Count(text, "--count"));
    }

    [Theory]
    [InlineData("2026-12-25T08:00:00Z")]
    [InlineData("2026-12-25T09:00:00+01:00")]
    [InlineData("2026-12-25T08:00Z")]
    [InlineData("2026-12-25T08:00:00.000Z")]
    public void Instant_WithOffset_IsTheSameInstant(string text)
    {
        var expected = new DateTimeOffset(2026, 12, 25, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, ArgumentValue.Instant(text, "<expiry>").ToDateTimeOffset());
    }

    [Theory]
    [InlineData("2026-12-25")]
    [InlineData("2026-12-25T08:00:00")]
    [InlineData("25/12/2026 08:00")]
    [InlineData("2026-13-25T08:00:00Z")]
    public void Instant_WithoutOffsetOrMalformed_IsRefused(string text)
    {
        var error = Assert.Throws<UsageException>(() => ArgumentValue.Instant(text, "<expiry>"));

        Assert.StartsWith($"bad <expiry> '{text}'", error.Message);
    }
}
