namespace Grid.Risk.Simulation;

/// <summary>A simulation refused before any figure: <see cref="Field"/> names what is at fault, as the request spells it.</summary>
public sealed class SimulationException(SimulationFault fault, string field, string message)
    : Exception(field.Length == 0 ? message : $"{field}: {message}")
{
    /// <summary>What kind of problem it is.</summary>
    public SimulationFault Fault { get; } = fault;

    /// <summary>The request path at fault, e.g. <c>input.account.positions[3].qty</c>; empty when no single field is.</summary>
    public string Field { get; } = field;

    /// <summary>The explanation without the field.</summary>
    public string Problem { get; } = message;

    /// <summary>A bad value at <paramref name="field"/>.</summary>
    public static SimulationException Invalid(string field, string message) => new(SimulationFault.InvalidField, field, message);
}
