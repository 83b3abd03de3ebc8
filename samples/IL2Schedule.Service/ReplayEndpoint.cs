using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using IL2Schedule.Fhir;
using IL2Schedule.ICalendar;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using IL2Schedule.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace IL2Schedule.Service;

/// <summary>
/// <c>POST /courses/replay</c>: a course record JSON (the form <c>il2schedule replay RECORD.json</c> reads)
/// → the re-planned JSON that <c>il2schedule replay --format json</c> writes; Accept asks for FHIR
/// (with <c>?patient=Patient/123</c>), iCalendar or SVG instead.
/// </summary>
/// <remarks>
/// A rejected record answers 422 with the library's message, the text the CLI prints after the record
/// file's name. The calendar's DTSTAMP comes from the injected <see cref="IClock"/>.
/// </remarks>
internal static class ReplayEndpoint
{
    internal static void Map(WebApplication app) =>
        app.MapPost("/courses/replay", Handle)
            .WithName("ReplayCourse")
            .WithSummary("Re-plans a recorded course from its record JSON.")
            .Accepts<JsonObject>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["application/fhir+json", "text/calendar", "image/svg+xml"])
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Handle(HttpRequest request, IClock clock, string? patient)
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
        try
        {
            JsonNode.Parse(body!);
        }
        catch (JsonException e)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "the request body is not valid JSON: " + e.Message);
        }
        CourseRecord record;
        try
        {
            record = CourseRecordJson.Deserialize(body!);
        }
        catch (JsonException e)
        {
            return Problems.Result(StatusCodes.Status422UnprocessableEntity, e.Message);
        }
        if (format == OutputFormat.Fhir)
        {
            return Fhir(record, patient);
        }
        string text = format.CliFormat switch
        {
            "ics" => CourseCalendar.Export(record.Schedule, clock.GetCurrentInstant(), courseId: null),
            "svg" => CourseTimeline.Svg(record.Schedule, null, CourseTimeline.DefaultWidth, CourseTimeline.DefaultHeight),
            _ => CourseRecordJson.SerializeSchedule(record.Schedule) + Environment.NewLine,
        };
        return Results.Text(text, format.ContentType);
    }

    private static IResult Fhir(CourseRecord record, string? patient)
    {
        if (patient is null)
        {
            return Problems.Result(StatusCodes.Status422UnprocessableEntity, "Accept: application/fhir+json needs ?patient=, the patient's FHIR reference (e.g. Patient/123)");
        }
        FhirCourseMapper mapper;
        try
        {
            mapper = new FhirCourseMapper(patient);
        }
        catch (ArgumentException)
        {
            return Problems.Result(StatusCodes.Status422UnprocessableEntity,
                "patient must be Patient/ and a FHIR id of 1 to 64 letters, digits, '-' or '.', like Patient/123; was '" + patient + "'");
        }
        try
        {
            return Results.Text(FhirCourseMapper.Serialize(mapper.ToCollection(record)) + Environment.NewLine, OutputFormat.Fhir.ContentType);
        }
        catch (ArgumentException e)
        {
            return Problems.Result(StatusCodes.Status422UnprocessableEntity, e.Message.Replace(" (Parameter 'record')", "", StringComparison.Ordinal));
        }
    }
}
