using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using IL2Schedule.Cli;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IL2Schedule.Service.Tests;

/// <summary>
/// The service hosted in memory. Worked example: first dose 2027-03-10 08:00 America/New_York
/// (EST -05:00 until 2027-03-14 02:00, then EDT -04:00), elapsed timing: dose 12 at 00:00 -05:00 on
/// 03-14, dose 13 eight hours later at 09:00 -04:00, 28 doses, the last ending 03-28 16:15 -04:00.
/// </summary>
public sealed class ServiceTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string WorkedExample = """{ "firstDose": "2027-03-10T08:00", "zone": "America/New_York" }""";

    private readonly HttpClient client = factory.CreateClient();

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> Post(string path, string body, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        return await client.SendAsync(request);
    }

    private static (int Exit, string Stdout, string Stderr) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = CliApplication.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        string text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(" at IL2Schedule").And.NotContain("   at ");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        return problem;
    }

    [Fact]
    public async Task Plan_WorkedExample_AnswersTheHandWorkedTimes()
    {
        using var response = await Post("/courses/plan", WorkedExample);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var plan = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var starts = plan.GetProperty("doses").EnumerateArray().Select(d => d.GetProperty("start").GetString()).ToList();
        starts.Should().HaveCount(28);
        starts[11].Should().Be("2027-03-14T00:00:00-05:00");
        starts[12].Should().Be("2027-03-14T09:00:00-04:00");
        plan.GetProperty("courseEnd").GetString().Should().Be("2027-03-28T16:15:00-04:00");
    }

    [Fact]
    public async Task Plan_IsByteForByteTheClisJson()
    {
        using var response = await Post("/courses/plan", WorkedExample);

        var cli = Cli("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "json");
        cli.Exit.Should().Be(0);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Encoding.UTF8.GetBytes(cli.Stdout));
    }

    // Hospital options (EDT -04:00): order 13:30, 16:00 is 2.5 h away (< 4 h) so dose 2 is 00:00 on
    // 04-16; 72.5 kg x 600,000 IU/kg = 43,500,000 IU, 2 vials, 50 mL.
    [Fact]
    public async Task Plan_HospitalOptions_AsTheCliTakesThem()
    {
        const string body = """
            { "firstDose": "2027-04-15T13:30", "zone": "America/New_York", "doseTiming": "standard-times",
              "cycleWindow": "calendar-days", "weightKg": 72.5, "maxDosesPerCycle": null }
            """;

        using var response = await Post("/courses/plan", body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var dose = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("doses");
        dose[1].GetProperty("start").GetString().Should().Be("2027-04-16T00:00:00-04:00");
        dose[0].GetProperty("doseIu").GetDecimal().Should().Be(43_500_000m);
        dose[0].GetProperty("vials").GetInt32().Should().Be(2);
        dose[0].GetProperty("diluentMl").GetInt32().Should().Be(50);
    }

    [Fact]
    public async Task Plan_AcceptFhir_AnswersTheClisBundle()
    {
        using var response = await Post("/courses/plan", """{ "firstDose": "2027-03-10T08:00", "zone": "America/New_York", "patient": "Patient/ci" }""", "application/fhir+json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        string text = await response.Content.ReadAsStringAsync();
        text.Should().Be(Cli("plan", "--first-dose", "2027-03-10T08:00", "--zone", "America/New_York", "--format", "fhir", "--patient", "Patient/ci").Stdout);
        var bundle = JsonDocument.Parse(text).RootElement;
        bundle.GetProperty("resourceType").GetString().Should().Be("Bundle");
        bundle.GetProperty("entry")[1].GetProperty("resource").GetProperty("dosageInstruction")[0]
            .GetProperty("timing").GetProperty("event")[12].GetString().Should().Be("2027-03-14T09:00:00-04:00");
    }

    // Dose 13 at 09:00 EDT (-04:00), written in local time with its zone.
    [Fact]
    public async Task Plan_AcceptCalendar_AnswersAnICalendar()
    {
        using var response = await Post("/courses/plan", """{ "firstDose": "2027-03-10T08:00", "zone": "America/New_York" }""", "text/calendar");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        string text = await response.Content.ReadAsStringAsync();
        text.Should().StartWith("BEGIN:VCALENDAR\r\n").And.Contain("DTSTART;TZID=America/New_York:20270314T090000");
    }

    // ScottPlot numbers its clip paths per process, so the picture is compared by its frame, not byte for byte.
    [Fact]
    public async Task Plan_AcceptSvg_AnswersThePicture()
    {
        using var response = await Post("/courses/plan", """{ "firstDose": "2027-03-10T08:00", "zone": "America/New_York" }""", "image/svg+xml");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await response.Content.ReadAsStringAsync()).Should().StartWith("<?xml").And.Contain("<svg xmlns=\"http://www.w3.org/2000/svg\"").And.Contain("width=\"800\" height=\"560\"");
    }

    [Fact]
    public async Task Plan_UnknownZone_Answers422WithTheClisMessage()
    {
        using var response = await Post("/courses/plan", """{ "firstDose": "2027-03-10T08:00", "zone": "Mars/Base" }""");

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        string cliLine = Cli("plan", "--first-dose", "2027-03-10T08:00", "--zone", "Mars/Base").Stderr.TrimEnd();
        cliLine.Should().StartWith("error: Unknown time zone 'Mars/Base'");
        ("error: " + problem.GetProperty("detail").GetString()).Should().Be(cliLine);
    }

    // 2027-03-14 02:30 does not exist in New York (clocks go from 02:00 EST to 03:00 EDT).
    [Fact]
    public async Task Plan_FirstDoseInTheSpringGap_Answers422WithTheClisAdvice()
    {
        using var response = await Post("/courses/plan", """{ "firstDose": "2027-03-14T02:30", "zone": "America/New_York" }""");

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString().Should().EndWith("Choose another --first-dose, or pass --resolve lenient (a skipped time moves forward by the gap, a repeated one takes the earlier instant).");
    }

    [Theory]
    [InlineData("{}", "a plan needs both firstDose and zone; firstDose and zone are missing")]
    [InlineData("""{ "firstDose": "2027-03-10T08:00" }""", "a plan needs both firstDose and zone; zone is missing")]
    [InlineData("""{ "zone": "America/New_York", "firstDose": null }""", "a plan needs both firstDose and zone; firstDose is missing")]
    public async Task Plan_WithoutFirstDoseOrZone_Answers422NamingTheMissingField(string body, string detail)
    {
        using var response = await Post("/courses/plan", body);

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString().Should().Be(detail);
    }

    [Fact]
    public async Task Plan_ValueThatLooksLikeAnOption_IsAValueNotAnOption()
    {
        using var response = await Post("/courses/plan", """{ "firstDose": "2027-03-10T08:00", "zone": "--holidays=/etc/passwd" }""");

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString().Should().StartWith("Unknown time zone '--holidays=/etc/passwd'");
    }

    [Theory]
    [InlineData("""{ "holidays": "/etc/passwd" }""", "unknown field 'holidays'; the plan options are firstDose, zone, doseTiming, standardTimes, cycleWindow, protocol, maxDosesPerCycle, resolve, discharge, weekend, imagingShift, weightKg, patient")]
    [InlineData("""{ "zone": 5 }""", "zone must be a string; was 5")]
    [InlineData("""{ "weightKg": true }""", "weightKg must be a number; was true")]
    [InlineData("""[1, 2]""", "the request body must be a JSON object of plan options")]
    public async Task Plan_BadRequestBody_Answers400NamingTheField(string body, string detail)
    {
        using var response = await Post("/courses/plan", body);

        (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().Should().Be(detail);
    }

    [Fact]
    public async Task Plan_MalformedJson_Answers400()
    {
        using var response = await Post("/courses/plan", "{ \"zone\": ");

        (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().Should().StartWith("the request body is not valid JSON: ");
    }

    [Fact]
    public async Task Plan_NotJson_Answers415()
    {
        using var response = await client.PostAsync("/courses/plan", new StringContent("firstDose=2027-03-10T08:00", Encoding.UTF8, "text/plain"));

        await Problem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Plan_BodyOverTheLimit_Answers413()
    {
        string body = "{ \"zone\": \"" + new string('x', 1024 * 1024) + "\" }";

        using var response = await Post("/courses/plan", body);

        (await Problem(response, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString()
            .Should().Be("the request body must be at most 1048576 bytes");
    }

    [Fact]
    public async Task Plan_UnsupportedAccept_Answers406()
    {
        using var response = await Post("/courses/plan", "{}", "text/csv");

        (await Problem(response, HttpStatusCode.NotAcceptable)).GetProperty("detail").GetString()
            .Should().Be("Accept must allow one of application/json, application/fhir+json, text/calendar, image/svg+xml; was 'text/csv'");
    }

    // Hand-worked (README): dose 8 ends 2027-03-12 16:15 -05:00; imaging 4 weeks later; window 6-12
    // weeks, starting no earlier than discharge 03-14 + 7 weeks.
    [Fact]
    public async Task Replay_RecordedCourse_AnswersTheClisReplannedJson()
    {
        string record = File.ReadAllText("Records/stopped-after-8.json");

        using var response = await Post("/courses/replay", record);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        string text = await response.Content.ReadAsStringAsync();
        text.Should().Be(Cli("replay", "Records/stopped-after-8.json", "--format", "json").Stdout);
        var schedule = JsonDocument.Parse(text).RootElement;
        schedule.GetProperty("courseComplete").GetBoolean().Should().BeTrue();
        schedule.GetProperty("courseEnd").GetString().Should().Be("2027-03-12T16:15:00-05:00");
        schedule.GetProperty("imagingDate").GetString().Should().Be("2027-04-09");
        schedule.GetProperty("doses").EnumerateArray().Count(d => d.GetProperty("status").GetString() == "given").Should().Be(8);
    }

    [Fact]
    public async Task Replay_AcceptFhirCalendarOrSvg_AnswersEach()
    {
        string record = File.ReadAllText("Records/late-and-held.json");

        using var fhir = await Post("/courses/replay?patient=Patient/ci", record, "application/fhir+json");
        using var calendar = await Post("/courses/replay", record, "text/calendar");
        using var svg = await Post("/courses/replay", record, "image/svg+xml");

        (await fhir.Content.ReadAsStringAsync()).Should().Be(Cli("replay", "Records/late-and-held.json", "--format", "fhir", "--patient", "Patient/ci").Stdout);
        (await calendar.Content.ReadAsStringAsync()).Should().StartWith("BEGIN:VCALENDAR\r\n");
        svg.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await svg.Content.ReadAsStringAsync()).Should().StartWith("<?xml").And.Contain("width=\"800\" height=\"560\"");
    }

    [Fact]
    public async Task Replay_FhirWithoutPatient_Answers422()
    {
        using var response = await Post("/courses/replay", File.ReadAllText("Records/late-and-held.json"), "application/fhir+json");

        (await Problem(response, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()
            .Should().Be("Accept: application/fhir+json needs ?patient=, the patient's FHIR reference (e.g. Patient/123)");
    }

    [Fact]
    public async Task Replay_RejectedRecord_Answers422WithTheLibrarysMessage()
    {
        using var response = await Post("/courses/replay", """{ "firstDose": "2027-03-10T08:00", "zone": "America/New_York", "protocol": "label" }""");

        (await Problem(response, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().Should().Contain("events");
    }

    [Fact]
    public async Task Replay_MalformedJson_Answers400()
    {
        using var response = await Post("/courses/replay", "{");

        await Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Health_AnswersOk()
    {
        using var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("ok\n");
    }

    [Fact]
    public async Task OpenApi_DocumentsBothEndpoints()
    {
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths");
        paths.GetProperty("/courses/plan").GetProperty("post").GetProperty("operationId").GetString().Should().Be("PlanCourse");
        paths.GetProperty("/courses/replay").GetProperty("post").GetProperty("operationId").GetString().Should().Be("ReplayCourse");
        paths.GetProperty("/health").GetProperty("get").ValueKind.Should().Be(JsonValueKind.Object);
    }
}
