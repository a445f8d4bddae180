using System.Collections.Immutable;
using System.Text.Json;

namespace DataCustody.Grains.Statements;

/// <summary>
/// Reads the members of one JSON object of a payload, reporting each problem under the member's path.
/// Members are taken by name; whatever was not taken is reported as unknown by <see cref="RejectUnknownMembers"/>.
/// </summary>
/// <remarks>
/// A read that fails reports the error and returns a placeholder (<see langword="default"/> or an empty list),
/// so that a statement's reader runs straight through and collects every error; the statement built from
/// placeholders is thrown away. If the value is not an object at all, that one error is reported and every
/// read returns a placeholder silently.
/// </remarks>
internal sealed class PayloadObject
{
    private readonly string _path;
    private readonly ParseErrors _errors;
    private readonly Dictionary<string, JsonElement>? _members;
    // The names the reader asked for: a handful, so a list beats a set.
    private readonly List<string> _taken;

    /// <param name="element">The value that should be an object.</param>
    /// <param name="path">Its path: empty for the payload itself, else such as <c>terms.onwardTransfer</c> or <c>certifications[0]</c>.</param>
    /// <param name="errors">Where problems go.</param>
    public PayloadObject(JsonElement element, string path, ParseErrors errors)
    {
        _path = path;
        _errors = errors;
        if (element.ValueKind != JsonValueKind.Object)
        {
            _taken = [];
            errors.Add(path.Length == 0 ? StatementError.Payload : path, "must be an object");
            return;
        }
        // Sized once: grown member by member, its tables were 7 % of what statement ingestion allocates.
        var count = element.GetPropertyCount();
        _members = new Dictionary<string, JsonElement>(count, StringComparer.Ordinal);
        _taken = new List<string>(count);
        foreach (var member in element.EnumerateObject())
        {
            string name;
            try
            {
                name = member.Name;
            }
            catch (InvalidOperationException)
            {
                // An escaped unpaired surrogate in a member name: well-formed JSON, but no name we could report.
                errors.Add(path.Length == 0 ? StatementError.Payload : path, "has a member name that is not valid Unicode text");
                continue;
            }
            if (!_members.TryAdd(name, member.Value))
            {
                errors.Add(PathOf(name), "appears more than once");
            }
        }
    }

    /// <summary>The path of the member <paramref name="name"/>.</summary>
    public string PathOf(string name) => _path.Length == 0 ? name : _path + "." + name;

    /// <summary>A member that must be present.</summary>
    public T Required<T>(string name, ValueRule<T> rule) =>
        Take(name, required: true, out var element) ? Read(PathOf(name), element, rule) : default!;

    /// <summary>A member that may be absent (but not <c>null</c>).</summary>
    public T? Optional<T>(string name, ValueRule<T> rule) where T : class =>
        Take(name, required: false, out var element) ? Read(PathOf(name), element, rule) : null;

    /// <summary>A member of value type that may be absent (but not <c>null</c>).</summary>
    public T? OptionalValue<T>(string name, ValueRule<T> rule) where T : struct =>
        Take(name, required: false, out var element) ? Read(PathOf(name), element, rule) : null;

    /// <summary>
    /// An array of <paramref name="min"/> to <paramref name="max"/> distinct items. The items of an array of the
    /// wrong length are not read: one error says enough, and a long hostile array costs nothing more.
    /// </summary>
    public EquatableArray<T> Array<T>(string name, int min, int max, ValueRule<T> rule) where T : notnull
    {
        var path = PathOf(name);
        if (!TakeArray(name, min, max, out var element))
        {
            return EquatableArray<T>.Empty;
        }
        var items = ImmutableArray.CreateBuilder<T>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            // Paths are made only for errors, and repeats found by a scan: TakeArray bounds the
            // length, and a set per array cost more than the scan of the few items statements carry.
            var reason = rule(item, out var value);
            if (reason is not null)
            {
                _errors.Add($"{path}[{items.Count}]", reason);
            }
            else if (items.IndexOf(value) is var first and >= 0)
            {
                _errors.Add($"{path}[{items.Count}]", $"repeats {path}[{first}]");
            }
            items.Add(value);
        }
        return new EquatableArray<T>(items.MoveToImmutable());
    }

    /// <summary>An array of <paramref name="min"/> to <paramref name="max"/> objects, each read by <paramref name="read"/>.</summary>
    public EquatableArray<T> Objects<T>(string name, int min, int max, Func<PayloadObject, T> read)
    {
        var path = PathOf(name);
        if (!TakeArray(name, min, max, out var element))
        {
            return EquatableArray<T>.Empty;
        }
        var items = ImmutableArray.CreateBuilder<T>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            items.Add(ReadObject(new PayloadObject(item, $"{path}[{items.Count}]", _errors), read));
        }
        return new EquatableArray<T>(items.MoveToImmutable());
    }

    /// <summary>A required member that is an object, read by <paramref name="read"/>.</summary>
    public T Object<T>(string name, Func<PayloadObject, T> read) =>
        Take(name, required: true, out var element) ? ReadObject(new PayloadObject(element, PathOf(name), _errors), read) : default!;

    /// <summary>Reports every member that no read asked for.</summary>
    public void RejectUnknownMembers()
    {
        foreach (var name in _members?.Keys ?? Enumerable.Empty<string>())
        {
            if (!_taken.Contains(name))
            {
                _errors.Add(PathOf(name), "is not a known member");
            }
        }
    }

    private static T ReadObject<T>(PayloadObject member, Func<PayloadObject, T> read)
    {
        var value = read(member);
        member.RejectUnknownMembers();
        return value;
    }

    private T Read<T>(string path, JsonElement element, ValueRule<T> rule)
    {
        var reason = rule(element, out var value);
        if (reason is null)
        {
            return value;
        }
        _errors.Add(path, reason);
        return default!;
    }

    private bool Take(string name, bool required, out JsonElement element)
    {
        _taken.Add(name);
        element = default;
        if (_members is null)
        {
            return false;
        }
        if (_members.TryGetValue(name, out element))
        {
            return true;
        }
        if (required)
        {
            _errors.Add(PathOf(name), "is required");
        }
        return false;
    }

    private bool TakeArray(string name, int min, int max, out JsonElement element)
    {
        if (!Take(name, required: true, out element))
        {
            return false;
        }
        var path = PathOf(name);
        if (element.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(path, "must be an array");
            return false;
        }
        var count = element.GetArrayLength();
        if (count < min)
        {
            _errors.Add(path, min == 1 ? "must not be empty" : $"must have at least {min} items");
            return false;
        }
        if (count > max)
        {
            _errors.Add(path, $"must have at most {max} items");
            return false;
        }
        return true;
    }
}
