namespace Grid.Gateway.Validation;

/// <summary>
/// A valid request the gateway cannot serve yet because no grain API supports it; answered with
/// UNIMPLEMENTED naming the field, before anything is changed.
/// </summary>
internal sealed class UnsupportedRequestException(string field, string problem) : Exception($"{field}: {problem}")
{
    /// <summary>The field whose use is not served.</summary>
    public string Field { get; } = field;
}
