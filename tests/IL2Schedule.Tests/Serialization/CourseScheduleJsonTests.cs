using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Planning;
using IL2Schedule.Protocols;
using IL2Schedule.Schedules;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Serialization;

public class CourseScheduleJsonTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static CourseSchedule WorkedExample() =>
        new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), NewYork);

    public static TheoryData<string> Schedules => new()
    {
        "worked example",
        "worked example, discharge 2027-03-31 (window start moved)",
        "worked example, discharge 2027-05-10 (window empty)",
        "first dose in the spring gap, resolved leniently",
        "first dose in the autumn overlap, later instant",
        "London fall-back, wall-clock timing (offset +00:00)",
        "NCI preset",
        "custom protocol with month periods",
        "standard times 01:30, 09:30, 17:30 across the New York autumn change",
        "calendar-day window, first dose 16:00 (13 doses a cycle)",
    };

    private static CourseSchedule Build(string name) => name switch
    {
        "worked example" => WorkedExample(),
        "worked example, discharge 2027-03-31 (window start moved)" => WorkedExample().WithDischargeDate(new LocalDate(2027, 3, 31)),
        "worked example, discharge 2027-05-10 (window empty)" => WorkedExample().WithDischargeDate(new LocalDate(2027, 5, 10)),
        "first dose in the spring gap, resolved leniently" =>
            new CoursePlanner().Plan(new LocalDateTime(2027, 3, 14, 2, 30), NewYork, NodaTime.TimeZones.Resolvers.LenientResolver),
        "first dose in the autumn overlap, later instant" =>
            new CoursePlanner().Plan(new LocalDateTime(2027, 11, 7, 1, 30), NewYork, (mapping) => mapping.Last()),
        "London fall-back, wall-clock timing (offset +00:00)" =>
            new CoursePlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.WallClock)).Plan(new LocalDateTime(2027, 10, 28, 8, 0), London),
        "NCI preset" => new CoursePlanner(CourseProtocol.NciSurgeryBranch).Plan(new LocalDateTime(2027, 3, 10, 8, 0), NewYork),
        "custom protocol with month periods" => new CoursePlanner(new CourseProtocolBuilder
        {
            MaxDosesPerCycle = 10,
            ResponseAssessmentDelay = Period.FromMonths(1),
            RetreatmentWindowEnd = Period.FromMonths(3),
        }.Build()).Plan(new LocalDateTime(2027, 1, 31, 16, 0), NewYork),
        "standard times 01:30, 09:30, 17:30 across the New York autumn change" => new CoursePlanner(new CourseProtocolBuilder
        {
            DoseTiming = DoseTiming.StandardTimes,
            StandardAdministrationTimes = [new LocalTime(17, 30), new LocalTime(1, 30), new LocalTime(9, 30)],
        }.Build()).Plan(new LocalDateTime(2027, 11, 5, 17, 30), NewYork),
        "calendar-day window, first dose 16:00 (13 doses a cycle)" => new CoursePlanner(new CourseProtocolBuilder
        {
            CycleWindowCounting = CycleWindowCounting.CalendarDays,
        }.Build()).Plan(new LocalDateTime(2027, 6, 1, 16, 0), NewYork),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test schedule"),
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Deserialize_OfSerialized_IsEqualToTheOriginal(string name)
    {
        var original = Build(name);

        var json = CourseScheduleJson.Serialize(original);
        var readBack = CourseScheduleJson.Deserialize(json);

        readBack.Should().Be(original);
        (readBack == original).Should().BeTrue();
        readBack.Doses.Should().Equal(original.Doses);
        CourseScheduleJson.Serialize(readBack).Should().Be(json);
    }

    // Values worked by hand for the README example (America/New_York, EST -05:00 until
    // 2027-03-14 02:00, then EDT -04:00).
    [Fact]
    public void Serialize_WorkedExample_WritesTheDocumentedFieldsWithOffsets()
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!;

        ((int)node["schemaVersion"]!).Should().Be(1);
        ((string)node["zone"]!).Should().Be("America/New_York");
        ((string)node["tzdbVersion"]!).Should().MatchRegex("^20[0-9]{2}[a-z]$");
        ((string)node["doseTiming"]!).Should().Be("elapsed");
        ((string)node["requestedFirstDose"]!).Should().Be("2027-03-10T08:00:00");
        node["cycles"]!.AsArray().Should().HaveCount(2);
        ((int)node["cycles"]![1]!["number"]!).Should().Be(2);
        ((string)node["cycles"]![1]!["start"]!).Should().Be("2027-03-24T08:00:00-04:00");
        ((string)node["cycles"]![0]!["windowEnd"]!).Should().Be("2027-03-15T09:00:00-04:00");
        var doses = node["doses"]!.AsArray();
        doses.Should().HaveCount(28);
        ((string)doses[11]!["start"]!).Should().Be("2027-03-14T00:00:00-05:00");
        ((string)doses[12]!["start"]!).Should().Be("2027-03-14T09:00:00-04:00");
        ((string)doses[12]!["end"]!).Should().Be("2027-03-14T09:15:00-04:00");
        ((int)doses[27]!["number"]!).Should().Be(28);
        ((int)doses[27]!["cycle"]!).Should().Be(2);
        ((int)doses[27]!["numberInCycle"]!).Should().Be(14);
        ((string)doses[27]!["start"]!).Should().Be("2027-03-28T16:00:00-04:00");
        ((string)node["courseEnd"]!).Should().Be("2027-03-28T16:15:00-04:00");
        ((string)node["courseEndDate"]!).Should().Be("2027-03-28");
        ((string)node["imagingDate"]!).Should().Be("2027-04-25");
        ((string)node["nextCourseWindow"]!["start"]!).Should().Be("2027-05-09");
        ((string)node["nextCourseWindow"]!["end"]!).Should().Be("2027-06-20");
        node["nextCourseWindowNote"].Should().BeNull();
    }

    // Discharge 2027-05-10 + 7 weeks = 2027-06-28, after the window's end 2027-06-20.
    [Fact]
    public void Serialize_EmptyWindow_WritesNullWindowAndTheReason()
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample().WithDischargeDate(new LocalDate(2027, 5, 10))))!;

        node["nextCourseWindow"].Should().BeNull();
        ((string)node["dischargeDate"]!).Should().Be("2027-05-10");
        ((string)node["nextCourseWindowNote"]!).Should().Be(
            "Empty: the next course starts at least 7 weeks after discharge on 2027-05-10, so not before 2027-06-28, which is after the window's end 2027-06-20 (12 weeks after the course end date 2027-03-28).");
    }

    // Europe/London is +00:00 in winter; RFC 3339 "with offset" is written +00:00, not Z.
    [Fact]
    public void Serialize_ZeroOffset_WritesPlusZeroZero()
    {
        var json = CourseScheduleJson.Serialize(Build("London fall-back, wall-clock timing (offset +00:00)"));

        json.Should().Contain("\"2027-10-31T08:00:00+00:00\"").And.NotContain("00Z\"");
    }

    [Fact]
    public void Deserialize_AcceptsZForZeroOffset()
    {
        var original = Build("London fall-back, wall-clock timing (offset +00:00)");
        var json = CourseScheduleJson.Serialize(original).Replace("+00:00\"", "Z\"", StringComparison.Ordinal);

        CourseScheduleJson.Deserialize(json).Should().Be(original);
    }

    [Fact]
    public void Serialize_Compact_IsOneLine()
    {
        CourseScheduleJson.Serialize(WorkedExample(), indented: false).Should().NotContain("\n");
    }

    [Fact]
    public void Deserialize_ValueThatDisagreesWithThePlan_ThrowsNamingTheProperty()
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!;
        node["doses"]![12]!["start"] = "2027-03-14T08:00:00-04:00";

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().Which.Message.Should()
            .StartWith("The document's doses[12].start does not match the schedule re-planned from its inputs")
            .And.Contain("document \"2027-03-14T08:00:00-04:00\", re-planned \"2027-03-14T09:00:00-04:00\"");
    }

    // 2027-11-07 01:30 happens twice in New York (-04:00, then -05:00); 01:45 -05:00 is neither.
    [Fact]
    public void Deserialize_RepeatedFirstDoseAtAnInstantThatIsNotOneOfItsTwo_Throws()
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(Build("first dose in the autumn overlap, later instant")))!;
        node["doses"]![0]!["start"] = "2027-11-07T01:45:00-05:00";

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().WithMessage(
            "The document's doses[0].start 2027-11-07T01:45:00-05:00 is not a resolution of its requestedFirstDose 2027-11-07T01:30:00 in America/New_York.");
    }

    [Fact]
    public void Deserialize_FirstDoseNotAtTheRequestedLocalTime_Throws()
    {
        // Requested 08:00 exists once in New York (-05:00); a document claiming 09:00 -05:00 is inconsistent.
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!;
        node["doses"]![0]!["start"] = "2027-03-10T09:00:00-05:00";

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().WithMessage("The document's doses[0].start does not match*");
    }

    [Theory]
    [InlineData("schemaVersion", "2", "schemaVersion must be 1; was 2.")]
    [InlineData("zone", "\"America/New_Yrok\"", "Unknown time zone 'America/New_Yrok': *did you mean America/New_York?")]
    [InlineData("doseTiming", "\"sometimes\"", "doseTiming must be 'elapsed', 'wallClock' or 'standardTimes'; was 'sometimes'.")]
    [InlineData("requestedFirstDose", "\"2027-03-10T09:00:00\"", "The document's cycles[0].start does not match the schedule re-planned from its inputs*")]
    public void Deserialize_InvalidInput_ThrowsJsonExceptionWithTheRule(string property, string value, string expectedMessage)
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!;
        node[property] = JsonNode.Parse(value);

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().WithMessage(expectedMessage);
    }

    [Fact]
    public void Deserialize_InvalidProtocol_ThrowsJsonExceptionNamingEverySetting()
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!;
        node["protocol"]!["cycleCount"] = 0;
        node["protocol"]!["maxDosesPerCycle"] = 16;

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().WithMessage(
            "Invalid course protocol: CycleCount must be in range [1, 10]; was 0. MaxDosesPerCycle must be in range [1, 15] (the slots 8:00:00 apart in a 5-day window); was 16.");
    }

    [Fact]
    public void Deserialize_MissingRequiredProperty_Throws()
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!.AsObject();
        node.Remove("doses");

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().WithMessage("*doses*");
    }

    [Theory]
    [InlineData("doses", "null")]
    [InlineData("doses", "[]")]
    [InlineData("doses", "[null]")]
    [InlineData("protocol", "null")]
    [InlineData("cycles", "[null, null]")]
    [InlineData("zone", "null")]
    public void Deserialize_NullOrEmptyWhereAValueIsRequired_ThrowsJsonException(string property, string value)
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!;
        node[property] = JsonNode.Parse(value);

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"schemaVersion\": 1")]
    public void Deserialize_NotADocument_ThrowsJsonException(string json)
    {
        var act = () => CourseScheduleJson.Deserialize(json);

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void Deserialize_UnknownExtraProperty_IsIgnored()
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!;
        node["addedByALaterVersion"] = "ignored";

        CourseScheduleJson.Deserialize(node.ToJsonString()).Should().Be(WorkedExample());
    }

    [Fact]
    public void SerializeAndDeserialize_Null_Throw()
    {
        FluentActions.Invoking(() => CourseScheduleJson.Serialize(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => CourseScheduleJson.Deserialize(null!)).Should().Throw<ArgumentNullException>();
    }
}
