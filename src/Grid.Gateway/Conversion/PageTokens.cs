using System.Buffers.Text;
using System.Text;
using Grid.Gateway.Validation;

namespace Grid.Gateway.Conversion;

/// <summary>
/// Opaque page tokens: a cursor string in URL-safe base64, so callers treat it as a blob and a
/// tampered token is caught as INVALID_FIELD rather than read as some other position.
/// </summary>
internal static class PageTokens
{
    /// <summary>The token of <paramref name="cursor"/>; empty cursor, empty token (the last page).</summary>
    public static string Encode(string cursor) => cursor.Length == 0 ? "" : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(cursor));

    /// <summary>The cursor of <paramref name="token"/>; empty for the first page.</summary>
    public static string Decode(string token, string field)
    {
        if (token.Length == 0)
        {
            return "";
        }

        try
        {
            return token.Length <= 1024 ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw InvalidFieldException.Invalid(field, "is not a page token of this call");
        }
    }

    /// <summary>Page size: zero takes the default, larger than <paramref name="limit"/> is capped.</summary>
    public static int PageSize(uint requested, int defaultSize, int limit) => requested == 0 ? defaultSize : (int)Math.Min(requested, (uint)limit);
}
