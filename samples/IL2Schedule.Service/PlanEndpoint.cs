using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IL2Schedule.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IL2Schedule.Service;

/// <summary>
/// <c>POST /courses/plan</c>: the CLI's <c>plan</c> options as a JSON object (camelCase names, such as
/// <c>{"firstDose": "2027-03-10T08:00", "zone": "America/New_York"}</c>) run through the CLI itself, so
/// the answer is byte for byte what <c>il2schedule plan --format json</c> (or fhir, ics, svg) writes, and
/// a rejected value gets the CLI's own one-line message.
/// </summary>
/// <remarks>
/// <c>firstDose</c> and <c>zone</c> are required (422 naming the missing field): a service has no
/// worked example to fall back on, and a course is never planned in a zone the caller did not name.
/// The CLI's file options (<c>--holidays</c>, <c>--output</c>) are not offered: a service must not
/// read or write files a caller names.
/// </remarks>
internal static class PlanEndpoint
{
    /// <summary>Each JSON field, the CLI option it stands for, and whether it is a number.</summary>
    private static readonly (string Field, string Option, bool IsNumber)[] Fields =
    [
        ("firstDose", "--first-dose", false),
        ("zone", "--zone", false),
        ("doseTiming", "--dose-timing", false),
        ("standardTimes", "--standard-times", false),
        ("cycleWindow", "--cycle-window", false),
        ("protocol", "--protocol", false),
        ("maxDosesPerCycle", "--max-doses-per-cycle", true),
        ("resolve", "--resolve", false),
        ("discharge", "--discharge", false),
        ("weekend", "--weekend", false),
        ("imagingShift", "--imaging-shift", false),
        ("weightKg", "--weight-kg", true),
        ("patient", "--patient", false),
    ];

    /// <summary>The fields every plan request names: the first dose and its zone.</summary>
    private static readonly string[] RequiredFields = ["firstDose", "zone"];

    internal static void Map(WebApplication app) =>
        app.MapPost("/courses/plan", Handle)
            .WithName("PlanCourse")
            .WithSummary("Plans one course from the CLI's plan options as JSON.")
            .WithDescription("Fields (firstDose and zone are required, the others optional): " + string.Join(", ", Fields.Select(f => f.Field)) +
                ". The answer is what `il2schedule plan --format json` writes; Accept: application/fhir+json (needs patient), text/calendar or image/svg+xml ask for the other formats.")
            .Accepts<Dictionary<string, JsonElement>>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["application/fhir+json", "text/calendar", "image/svg+xml"])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Handle(HttpRequest request)
    {
        if (OutputFormat.Negotiate(request) is not { } format)
        {
            return OutputFormat.NotAcceptable(request);
        }
        var (body, problem) = await RequestBody.ReadJson(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var (arguments, badRequest) = Arguments(body!, format);
        return badRequest ?? Run(arguments!, format);
    }

    /// <summary>The CLI arguments for the JSON options, each as one <c>--option=value</c> token so no value is read as an option.</summary>
    private static (List<string>? Arguments, IResult? Problem) Arguments(string body, OutputFormat format)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return (null, BadRequest("the request body is not valid JSON: " + e.Message));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, BadRequest("the request body must be a JSON object of plan options"));
            }
            var arguments = new List<string> { "plan", "--format=" + format.CliFormat };
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = Array.Find(Fields, f => f.Field == property.Name);
                if (field.Field is null)
                {
                    return (null, BadRequest($"unknown field '{property.Name}'; the plan options are {string.Join(", ", Fields.Select(f => f.Field))}"));
                }
                var value = property.Value;
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                bool fits = value.ValueKind == JsonValueKind.String || (field.IsNumber && value.ValueKind == JsonValueKind.Number);
                if (!fits)
                {
                    return (null, BadRequest($"{field.Field} must be {(field.IsNumber ? "a number" : "a string")}; was {value.GetRawText()}"));
                }
                arguments.Add(field.Option + "=" + (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()));
            }
            string[] missing = [.. RequiredFields.Where(name => !document.RootElement.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)];
            if (missing.Length > 0)
            {
                return (null, Problems.Result(StatusCodes.Status422UnprocessableEntity,
                    $"a plan needs both firstDose and zone; {string.Join(" and ", missing)} {(missing.Length == 1 ? "is" : "are")} missing"));
            }
            return (arguments, null);
        }
    }

    private static IResult Run(List<string> arguments, OutputFormat format)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = CliApplication.Run([.. arguments], output, error);
        string message = error.ToString().Trim();
        if (message.StartsWith("error: ", StringComparison.Ordinal))
        {
            message = message["error: ".Length..];
        }
        return exit switch
        {
            CliApplication.Success => Results.Text(output.ToString(), format.ContentType),
            CliApplication.UsageError => Problems.Result(StatusCodes.Status422UnprocessableEntity, message),
            _ => Problems.Result(StatusCodes.Status500InternalServerError, message),
        };
    }

    private static IResult BadRequest(string detail) => Problems.Result(StatusCodes.Status400BadRequest, detail);
}
