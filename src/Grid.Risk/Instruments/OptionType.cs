namespace Grid.Risk.Instruments;

/// <summary>Call or put.</summary>
public enum OptionType
{
    /// <summary>Right to buy.</summary>
    Call = 1,
    /// <summary>Right to sell.</summary>
    Put = 2,
}
