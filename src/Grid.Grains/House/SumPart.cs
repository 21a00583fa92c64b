using Grid.Risk.Stress;

namespace Grid.Grains.House;

/// <summary>An exact sum on the wire: the 128-bit fixed-point units of <see cref="ExactSum"/>, so silos' parts merge exactly.</summary>
/// <param name="High">High 64 bits.</param>
/// <param name="Low">Low 64 bits.</param>
[GenerateSerializer, Immutable, Alias("grid.SumPart")]
public readonly record struct SumPart([property: Id(0)] long High, [property: Id(1)] ulong Low)
{
    public static SumPart Of(ExactSum sum) => new(sum.High, sum.Low);

    public ExactSum Sum => new(High, Low);
}
