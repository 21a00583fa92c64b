using System.Globalization;

namespace Grid.Grains.Accounts;

/// <summary>
/// Where a walk of the registry stands: the bucket to read next and the last account id already
/// returned from it ("17:acc-42"; "17:" for the start of bucket 17). Ids are never removed and a bucket
/// is read by id, so the cursor stays valid while accounts are added: every account present for the
/// whole walk is returned exactly once.
/// </summary>
internal readonly record struct RegistryCursor(int Bucket, string AfterId)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Bucket}:{AfterId}");

    /// <summary>The cursor of <paramref name="token"/> (empty: the start).</summary>
    /// <exception cref="ArgumentException">Not a cursor of a registry with <paramref name="buckets"/> buckets ("page_token: …").</exception>
    public static RegistryCursor Parse(string token, int buckets)
    {
        if (token.Length == 0)
        {
            return new RegistryCursor(0, "");
        }

        // The id may itself contain ':'; the bucket never does.
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var bucket) || bucket >= buckets)
        {
            throw new ArgumentException($"page_token: \"{Shorten(token)}\" is not a registry cursor (\"bucket:last id\", bucket below {buckets})", nameof(token));
        }

        return new RegistryCursor(bucket, token[(colon + 1)..]);
    }

    private static string Shorten(string token) => token.Length <= 64 ? token : string.Concat(token.AsSpan(0, 64), "…");
}
