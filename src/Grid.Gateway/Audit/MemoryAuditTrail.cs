using System.Globalization;
using Microsoft.Extensions.Options;
using Wire = Grid.Api.V1;

namespace Grid.Gateway.Audit;

/// <summary>
/// The embedded default: the newest <see cref="AuditOptions.Capacity"/> records of this silo in a ring,
/// numbered from 1. Older records are overwritten (and counted as dropped), so memory stays bounded.
/// </summary>
public sealed class MemoryAuditTrail(IOptions<AuditOptions> options) : IAuditTrail
{
    private readonly AuditEntry?[] _ring = new AuditEntry?[options.Value.Capacity];
    private readonly Lock _gate = new();
    private readonly string _silo = options.Value.Silo;
    private long _last;

    /// <summary>Records overwritten because the ring was full.</summary>
    public long Dropped { get; private set; }

    /// <inheritdoc />
    public void Record(AuditEntry entry)
    {
        lock (_gate)
        {
            _last++;
            var slot = (int)(_last % _ring.Length);
            if (_ring[slot] is not null)
            {
                Dropped++;
            }

            _ring[slot] = entry;
        }
    }

    /// <inheritdoc />
    public Task<Wire.QueryAuditResponse> Query(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var after = query.After.Length == 0 ? 0 : long.TryParse(query.After, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : throw Validation.InvalidFieldException.Invalid("page_token", "is not a page token of this call");
        var found = new List<(long Id, AuditEntry Entry)>(query.PageSize);
        long dropped, scannedTo;
        bool reachedEnd;
        lock (_gate)
        {
            dropped = Dropped;
            var oldest = Math.Max(1, _last - _ring.Length + 1);
            var id = Math.Max(after + 1, oldest);
            for (; id <= _last && found.Count < query.PageSize; id++)
            {
                var entry = _ring[(int)(id % _ring.Length)]!;
                if (query.Matches(entry))
                {
                    found.Add((id, entry));
                }
            }

            scannedTo = Math.Max(after, id - 1);
            reachedEnd = id > _last;
        }

        var response = new Wire.QueryAuditResponse { Dropped = (ulong)dropped, End = reachedEnd };
        foreach (var (id, entry) in found)
        {
            response.Records.Add(AuditText.ToRecord(id.ToString(CultureInfo.InvariantCulture), entry, _silo));
        }

        // The token resumes right after the last record scanned, also at the end (to follow the trail).
        response.NextPageToken = scannedTo > 0 ? scannedTo.ToString(CultureInfo.InvariantCulture) : "";
        return Task.FromResult(response);
    }
}
