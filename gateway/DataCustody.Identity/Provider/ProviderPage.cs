using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace DataCustody.Identity.Provider;

/// <summary>The frame of the provider's own pages: plain server-rendered HTML that works without scripts.</summary>
internal static class ProviderPage
{
    /// <summary>A page titled <paramref name="heading"/> around <paramref name="body"/>, which the caller has encoded.</summary>
    public static IResult Render(string heading, string body, int statusCode)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{HtmlEncoder.Default.Encode(heading)}</title>
            <style>
            body {"{"} font-family: system-ui, sans-serif; max-width: 26rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; {"}"}
            label, input, button {"{"} display: block; width: 100%; font-size: 1rem; {"}"}
            input {"{"} margin: .25rem 0 1rem; padding: .5rem; box-sizing: border-box; {"}"}
            button {"{"} padding: .6rem; {"}"}
            [role=alert] {"{"} color: #a00; font-weight: bold; {"}"}
            </style>
            </head>
            <body>
            <main>
            <h1>{HtmlEncoder.Default.Encode(heading)}</h1>
            {body}
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }
}
