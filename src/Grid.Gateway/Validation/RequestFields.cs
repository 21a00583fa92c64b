using Grid.Gateway.Conversion;
using Grid.Risk.Accounts;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Validation;

/// <summary>
/// Checks of inbound fields, run before anything reaches a grain. Each throws
/// <see cref="InvalidFieldException"/> (or, for order terms, <see cref="InvalidOrderException"/>)
/// naming the field, and returns the value the grain gets.
/// </summary>
internal static class RequestFields
{
    /// <summary>Longest id accepted: account, order, trade, request, instrument ids and asset codes.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest free text accepted (operator reasons).</summary>
    public const int MaxTextLength = 1024;

    /// <summary>
    /// Largest magnitude of a quantity, price or amount. Far above any real order, and low enough that
    /// the grains' double maths stays exact to the cent.
    /// </summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>A key field (account, client order, trade or request id): empty is MALFORMED.</summary>
    public static string Key(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw InvalidFieldException.Malformed(field, "is required");
        }

        return Id(value, field);
    }

    /// <summary>A required id (instrument, asset): empty, too long or unprintable is INVALID_FIELD.</summary>
    public static string Id(string value, string field)
    {
        if (!IsId(value, out var problem))
        {
            throw InvalidFieldException.Invalid(field, problem);
        }

        return value;
    }

    /// <summary>Required operator text such as a halt reason: non-blank, at most 1024 characters, no control characters.</summary>
    public static string Text(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw InvalidFieldException.Invalid(field, "is required");
        }

        if (value.Length > MaxTextLength || value.Any(char.IsControl))
        {
            throw InvalidFieldException.Invalid(field, $"must be at most {MaxTextLength} characters without control characters");
        }

        return value;
    }

    /// <summary>A required amount in (0, 1e15].</summary>
    public static decimal Positive(Wire.Decimal? value, string field)
    {
        if (value is null)
        {
            throw InvalidFieldException.Invalid(field, "is required");
        }

        var amount = WireDecimal.ToDecimal(value, field);
        if (amount <= 0 || amount > MaxMagnitude)
        {
            throw InvalidFieldException.Invalid(field, $"must be in (0, 1e15], got {amount}");
        }

        return amount;
    }

    /// <summary>An optional amount in (0, 1e15]; null when unset.</summary>
    public static decimal? OptionalPositive(Wire.Decimal? value, string field) => value is null ? null : Positive(value, field);

    /// <summary>An optional amount in [0, 1e15]; zero when unset.</summary>
    public static decimal NonNegative(Wire.Decimal? value, string field)
    {
        var amount = Signed(value, field);
        return amount >= 0 ? amount : throw InvalidFieldException.Invalid(field, $"must not be negative, got {amount}");
    }

    /// <summary>An optional signed amount within ±1e15 (fees, where negative is a rebate); zero when unset.</summary>
    public static decimal Signed(Wire.Decimal? value, string field)
    {
        if (value is null)
        {
            return 0;
        }

        var amount = WireDecimal.ToDecimal(value, field);
        return Math.Abs(amount) <= MaxMagnitude ? amount : throw InvalidFieldException.Invalid(field, $"must be within ±1e15, got {amount}");
    }

    /// <summary>A required side: UNSPECIFIED or unknown is INVALID_FIELD.</summary>
    public static Side Side(Wire.Side value, string field)
        => WireEnums.TryRead(value, out var side) ? side : throw InvalidFieldException.Invalid(field, $"{value} is not buy or sell");

    /// <summary>An order's instrument: missing or unusable is an invalid order (a reject decision).</summary>
    public static string OrderInstrument(string value, string field)
        => IsId(value, out var problem) ? value : throw new InvalidOrderException(field, problem);

    /// <summary>An order's side: UNSPECIFIED or unknown is an invalid order.</summary>
    public static Side OrderSide(Wire.Side value, string field)
        => WireEnums.TryRead(value, out var side) ? side : throw new InvalidOrderException(field, $"{value} is not buy or sell");

    /// <summary>
    /// An order's quantity or price: a malformed Decimal is INVALID_FIELD (common.proto); missing,
    /// non-positive or beyond 1e15 is an invalid order.
    /// </summary>
    public static decimal OrderAmount(Wire.Decimal? value, string field)
    {
        if (value is null)
        {
            throw new InvalidOrderException(field, "is required");
        }

        var amount = WireDecimal.ToDecimal(value, field);
        return amount > 0 && amount <= MaxMagnitude ? amount : throw new InvalidOrderException(field, $"must be in (0, 1e15], got {amount}");
    }

    private static bool IsId(string value, out string problem)
    {
        if (string.IsNullOrEmpty(value))
        {
            problem = "is required";
            return false;
        }

        if (value.Length > MaxIdLength)
        {
            problem = $"must be at most {MaxIdLength} characters";
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c))
            {
                problem = "must be printable, without spaces";
                return false;
            }
        }

        problem = "";
        return true;
    }
}
