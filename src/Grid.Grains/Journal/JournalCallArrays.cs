using StackExchange.Redis;

namespace Grid.Grains.Journal;

/// <summary>
/// The KEYS and ARGV arrays of the silo writer's script calls, kept from call to call. The client takes arrays
/// of exactly the call's length, so one pair is kept per batch size up to <c>keptUpTo</c> writes (made when that
/// size first occurs; larger batches get new arrays). A pair is emptied once its call is answered, so the
/// long-lived arrays hold no keys or entry buffers; after a failed call the client may still send its message
/// later (a timeout), so every kept pair is dropped and never written again. One per writer; not thread-safe.
/// </summary>
internal sealed class JournalCallArrays(int keptUpTo)
{
    private RedisKey[]?[] _keys = new RedisKey[]?[keptUpTo + 1];
    private RedisValue[]?[] _args = new RedisValue[]?[keptUpTo + 1];

    /// <summary>Two keys and two values a write, for <paramref name="writes"/> writes.</summary>
    public (RedisKey[] Keys, RedisValue[] Args) For(int writes)
    {
        if (writes >= _keys.Length)
        {
            return (new RedisKey[2 * writes], new RedisValue[2 * writes]);
        }

        return (_keys[writes] ??= new RedisKey[2 * writes], _args[writes] ??= new RedisValue[2 * writes]);
    }

    /// <summary>The call was answered: its arrays are the writer's again (emptied).</summary>
    public static void Answered(RedisKey[] keys, RedisValue[] args)
    {
        Array.Clear(keys);
        Array.Clear(args);
    }

    /// <summary>A call failed: its arrays may still be read by the client, so no kept pair is used again.</summary>
    public void Abandon()
    {
        _keys = new RedisKey[]?[_keys.Length];
        _args = new RedisValue[]?[_args.Length];
    }
}
