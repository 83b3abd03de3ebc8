using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IL2Schedule.Service;

/// <summary>The answers a request can ask for with <c>Accept</c>, each the CLI's <c>--format</c> of the same name.</summary>
/// <param name="CliFormat">The CLI's <c>--format</c> value.</param>
/// <param name="ContentType">The response's media type.</param>
internal sealed record OutputFormat(string CliFormat, string ContentType)
{
    internal static readonly OutputFormat Json = new("json", "application/json; charset=utf-8");
    internal static readonly OutputFormat Fhir = new("fhir", "application/fhir+json; charset=utf-8");
    internal static readonly OutputFormat Calendar = new("ics", "text/calendar; charset=utf-8");
    internal static readonly OutputFormat Svg = new("svg", "image/svg+xml; charset=utf-8");

    /// <summary>The media types the endpoints answer, for messages and the OpenAPI document.</summary>
    internal static readonly string[] MediaTypes = ["application/json", "application/fhir+json", "text/calendar", "image/svg+xml"];

    /// <summary>
    /// The format the <c>Accept</c> header prefers (highest quality first, then the order given); JSON
    /// without an <c>Accept</c> header or for <c>*/*</c> and <c>application/*</c>; null when nothing offered is acceptable.
    /// </summary>
    internal static OutputFormat? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return Json;
        }
        return accept
            .Where(value => value.Quality is not 0)
            .OrderByDescending(value => value.Quality ?? 1)
            .Select(Match)
            .FirstOrDefault(format => format is not null);
    }

    /// <summary>The 406 problem: which media types were asked for and which can be given.</summary>
    internal static IResult NotAcceptable(HttpRequest request) => Problems.Result(
        StatusCodes.Status406NotAcceptable,
        $"Accept must allow one of {string.Join(", ", MediaTypes)}; was '{request.Headers.Accept}'");

    private static OutputFormat? Match(MediaTypeHeaderValue value) => value.MediaType.Value?.ToLowerInvariant() switch
    {
        "application/json" or "application/*" or "*/*" => Json,
        "application/fhir+json" => Fhir,
        "text/calendar" => Calendar,
        "image/svg+xml" => Svg,
        _ => null,
    };
}
