using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace DataCustody.Gateway.Apis.Breaches;

/// <summary>
/// The breach report as one printable HTML page: scope, degree, urgency, cause, the reports due (counting
/// down), and bar charts of the people affected by category and by protection level, drawn as inline SVG
/// so the page needs nothing else to print.
/// </summary>
public static class BreachReportPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The page for <paramref name="report"/>.</summary>
    public static string Write(BreachReportResponse report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var breach = report.Breach;
        var a = report.Assessment;
        var f = a.Figures;
        var d = breach.Details;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Breach report ")
            .Append(E(breach.BreachId)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}")
            .Append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}")
            .Append(".urgency{font-weight:bold;text-transform:uppercase}@media print{.countdown{display:none}}")
            .Append("</style></head><body>");
        page.Append("<h1>Breach ").Append(E(breach.BreachId)).Append(" at ").Append(E(breach.Holder)).Append("</h1>");
        page.Append(Invariant($"<p>Status: {E(breach.Status)}. Filed by the {E(breach.FiledBy)}. Window {Time(d.WindowFrom)} to {Time(d.WindowUntil)}; discovered {Time(d.DiscoveredAt)}. "))
            .Append(report.Logged ? Invariant($"Signed report at log entry {report.EntryIndex}.") : "Preview: not yet logged.").Append("</p>");
        page.Append("<h2>Scope, degree, urgency, cause</h2><table>")
            .Append(Row("Summary", d.Summary))
            .Append(Row("People affected", Invariant($"{f.People:N0} ({f.SensitivePeople:N0} with sensitive data, {f.DirectPeople:N0} collected directly)")))
            .Append(Row("Urgency", a.Urgency, "urgency"))
            .Append(Row("Cause", d.Cause))
            .Append(Row("Found by", d.DiscoveredHow))
            .Append(Row("Measures", d.Measures))
            .Append(Row("Jurisdictions", string.Join(", ", f.Jurisdictions)))
            .Append(Row("APPI", (a.Appi.Reportable ? "Reportable. " : "Not reportable. ") + string.Join(" ", a.Appi.Reasons)))
            .Append(Row("GDPR", (a.Gdpr.Reportable ? "Reportable. " : "Not reportable. ") + string.Join(" ", a.Gdpr.Reasons)))
            .Append("</table>");

        page.Append("<h2>Reports due</h2><table><tr><th>Law</th><th>Report</th><th>Due</th><th class=\"countdown\">Time left</th></tr>");
        foreach (var deadline in report.Deadlines)
        {
            page.Append(Invariant($"<tr><td>{E(deadline.Law)}</td><td>{E(deadline.Report)}</td><td>{Time(deadline.DueAt)}</td><td class=\"countdown\" data-due=\"{deadline.DueAt.ToUnixTimeMilliseconds()}\">{Left(deadline.SecondsLeft)}</td></tr>"));
        }
        page.Append("</table>");

        page.Append("<h2>People by category</h2>").Append(Bars(f.ByCategory.Select(c => (c.Category + (c.Sensitive ? " (sensitive)" : ""), c.People))));
        page.Append("<h2>People by protection level</h2>").Append(Bars(f.ByLevel.Select(l => (l.Level == 0 ? "no profile" : Invariant($"level {l.Level}"), l.People))));
        page.Append("<h2>Upstream: where the data came from</h2>").Append(Providers(f.Upstream));
        page.Append("<h2>Downstream: where the holder had passed it</h2>").Append(Providers(f.Downstream));
        page.Append("<h2>History</h2><table><tr><th>Entry</th><th>What</th><th>When</th><th>Status</th><th>Note</th></tr>");
        foreach (var e in breach.History)
        {
            page.Append(Invariant($"<tr><td>{e.EntryIndex}</td><td>{E(e.Type)}</td><td>{Time(e.RecordedAt)}</td><td>{E(e.Status)}</td><td>{E(e.Note ?? "")}</td></tr>"));
        }
        page.Append("</table>");
        // Counts down on screen; a printed page keeps the deadlines themselves.
        page.Append("<script>setInterval(()=>{for(const c of document.querySelectorAll('[data-due]')){const s=Math.floor((c.dataset.due-Date.now())/1000);")
            .Append("const a=Math.abs(s);c.textContent=(s<0?'passed ':'')+Math.floor(a/86400)+'d '+Math.floor(a%86400/3600)+'h '+Math.floor(a%3600/60)+'m';}},1000);</script>");
        page.Append("</body></html>");
        return page.ToString();
    }

    private static string Bars(IEnumerable<(string Label, int People)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return "<p>None.</p>";
        }
        var max = Math.Max(1, list.Max(r => r.People));
        const int rowHeight = 22;
        var svg = new StringBuilder(Invariant($"<svg role=\"img\" width=\"720\" height=\"{list.Count * rowHeight}\" xmlns=\"http://www.w3.org/2000/svg\">"));
        for (var i = 0; i < list.Count; i++)
        {
            var (label, people) = list[i];
            var width = 400.0 * people / max;
            var y = i * rowHeight;
            svg.Append(Invariant($"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{E(label)}</text>"))
                .Append(Invariant($"<rect x=\"260\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"16\" fill=\"#4a7ab5\"><title>{people}</title></rect>"))
                .Append(Invariant($"<text x=\"{265 + width:0.#}\" y=\"{y + 15}\" font-size=\"12\">{people:N0}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Providers(IEnumerable<Grains.Statements.ProviderCount> providers)
    {
        var rows = providers.Select(p => Invariant($"<tr><td>{E(p.Provider)}</td><td>{E(p.TermsSha256 ?? "-")}</td><td>{p.People:N0}</td></tr>")).ToList();
        return rows.Count == 0 ? "<p>None.</p>" : "<table><tr><th>Provider</th><th>Terms (SHA-256)</th><th>People</th></tr>" + string.Concat(rows) + "</table>";
    }

    private static string Row(string name, string value, string? cssClass = null) =>
        $"<tr><th>{E(name)}</th><td{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>{E(value)}</td></tr>";

    private static string Left(long seconds)
    {
        var left = TimeSpan.FromSeconds(Math.Abs(seconds));
        return Invariant($"{(seconds < 0 ? "passed " : "")}{(int)left.TotalDays}d {left.Hours}h {left.Minutes}m");
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string E(string text) => Html.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
