using System.Net;

namespace DataCustody.Gateway.Tests.Authorization;

/// <summary>The status each caller gets from one endpoint, built from the endpoint's policy.</summary>
public sealed class Expect
{
    private readonly Dictionary<Caller, HttpStatusCode> _codes;

    private Expect(Dictionary<Caller, HttpStatusCode> codes) => _codes = codes;

    /// <summary>The status <paramref name="caller"/> must get.</summary>
    public HttpStatusCode this[Caller caller] => _codes[caller];

    /// <summary>No sign-in needed: everyone gets <paramref name="status"/>.</summary>
    public static Expect Public(HttpStatusCode status = HttpStatusCode.OK) => All(status, status);

    /// <summary>Any signed-in role gets <paramref name="status"/>.</summary>
    public static Expect AnyRole(HttpStatusCode status = HttpStatusCode.OK) => All(HttpStatusCode.Unauthorized, status);

    /// <summary>People only: person A gets <paramref name="a"/>, person B <paramref name="b"/> (404 when the row names A's data).</summary>
    public static Expect Citizen(HttpStatusCode a, HttpStatusCode b) =>
        Only(new() { [Caller.PersonA] = a, [Caller.PersonB] = b });

    /// <summary>Providers only: provider P (named by the row) gets <paramref name="p"/>, provider Q <paramref name="q"/>.</summary>
    public static Expect Provider(HttpStatusCode p, HttpStatusCode q) =>
        Only(new() { [Caller.ProviderP] = p, [Caller.ProviderQ] = q });

    /// <summary>Provider P, or the regulator; provider Q gets 403.</summary>
    public static Expect ProviderOrRegulator(HttpStatusCode status = HttpStatusCode.OK) =>
        Only(new() { [Caller.ProviderP] = status, [Caller.Regulator] = status });

    /// <summary>The regulator only.</summary>
    public static Expect Regulator(HttpStatusCode status = HttpStatusCode.OK) =>
        Only(new() { [Caller.Regulator] = status });

    /// <summary>The regulator or the auditor.</summary>
    public static Expect RegulatorOrAuditor(HttpStatusCode status = HttpStatusCode.OK) =>
        Only(new() { [Caller.Regulator] = status, [Caller.Auditor] = status });

    private static Expect All(HttpStatusCode anonymous, HttpStatusCode signedIn) =>
        new(Enum.GetValues<Caller>().ToDictionary(c => c, c => c == Caller.Anonymous ? anonymous : signedIn));

    /// <summary>The named callers get their codes; other signed-in callers 403; anonymous 401.</summary>
    private static Expect Only(Dictionary<Caller, HttpStatusCode> allowed) =>
        new(Enum.GetValues<Caller>().ToDictionary(
            c => c,
            c => allowed.TryGetValue(c, out var code) ? code : c == Caller.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden));
}
