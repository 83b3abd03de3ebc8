using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Serialization;

public partial class CourseScheduleJsonTests
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
        "worked example, 72.5 kg, working days with holidays, imaging nearest",
        "NCI preset, 140 kg (no mg figure)",
        "worked example, discharge 2027-05-01, working days (window emptied)",
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
        "worked example, 72.5 kg, working days with holidays, imaging nearest" => WorkedExample()
            .WithBodyWeight(72.5m)
            .WithWorkingDays(new WorkingDayCalendar([IsoDayOfWeek.Sunday, IsoDayOfWeek.Saturday], [new LocalDate(2027, 5, 31), new LocalDate(2027, 4, 26)]), NonWorkingDayShift.Nearest),
        "NCI preset, 140 kg (no mg figure)" => new CoursePlanner(CourseProtocol.NciSurgeryBranch).Plan(new LocalDateTime(2027, 3, 10, 8, 0), NewYork).WithBodyWeight(140m),
        "worked example, discharge 2027-05-01, working days (window emptied)" => WorkedExample()
            .WithDischargeDate(new LocalDate(2027, 5, 1))
            .WithWorkingDays(WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next),
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

    // Worked example with 72.5 kg and a Saturday-Sunday calendar with Monday 2027-04-26 a holiday:
    // imaging Sun 04-25 -> next working day Tue 04-27 (Mon is the holiday). Window Sun 05-09 ->
    // Mon 05-10, Sun 06-20 -> Fri 06-18. Each dose 43,500,000 IU, 2.6825 mg, 2 vials, 50 mL; the
    // course 28 x 43,500,000 = 1,218,000,000 IU and 75.11 mg. Each cycle: 15 slots, cap 14.
    [Fact]
    public void Serialize_WithWeightAndWorkingDays_WritesTheNewFields()
    {
        var schedule = WorkedExample()
            .WithBodyWeight(72.5m)
            .WithWorkingDays(new WorkingDayCalendar([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], [new LocalDate(2027, 4, 26)]), NonWorkingDayShift.Next);

        var node = JsonNode.Parse(CourseScheduleJson.Serialize(schedule))!;

        node["bodyWeightKg"]!.ToJsonString().Should().Be("72.5");
        node["workingDays"]!.ToJsonString().Should().Be("""{"weekend":["saturday","sunday"],"holidays":["2027-04-26"],"imagingDateShift":"next"}""");
        ((string)node["imagingDate"]!).Should().Be("2027-04-27");
        ((string)node["imagingDateUnadjusted"]!).Should().Be("2027-04-25");
        node["nextCourseWindow"]!.ToJsonString().Should().Be("""{"start":"2027-05-10","end":"2027-06-18"}""");
        node["nextCourseWindowUnadjusted"]!.ToJsonString().Should().Be("""{"start":"2027-05-09","end":"2027-06-20"}""");
        node["cycles"]![0]!.ToJsonString().Should().Be(
            """{"number":1,"start":"2027-03-10T08:00:00-05:00","windowEnd":"2027-03-15T09:00:00-04:00","windowDoseCapacity":15,"boundBy":"cap"}""");
        node["doses"]![12]!.ToJsonString().Should().Be(
            """{"number":13,"cycle":1,"numberInCycle":13,"start":"2027-03-14T09:00:00-04:00","end":"2027-03-14T09:15:00-04:00","doseIu":43500000,"doseMg":2.6825,"vials":2,"diluentMl":50,"concentrationMgPerMl":0.05365}""");
        node["plannedCourseIu"]!.ToJsonString().Should().Be("1218000000");
        node["plannedCourseMg"]!.ToJsonString().Should().Be("75.11");
        node["protocol"]!["doseMilligramsPerKilogram"]!.ToJsonString().Should().Be("0.037");
        node["protocol"]!["standardAdministrationTimes"]!.ToJsonString().Should().Be("""["00:00","08:00","16:00"]""");
        ((string)node["protocol"]!["cycleWindowCounting"]!).Should().Be("elapsed");
    }

    // Without a weight there are no dose amounts at all; NCI with a weight has no doseMg.
    [Fact]
    public void Serialize_WithoutWeight_WritesNoAmounts_AndNciWritesNoMilligrams()
    {
        var plain = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!;
        var nci = JsonNode.Parse(CourseScheduleJson.Serialize(Build("NCI preset, 140 kg (no mg figure)")))!;

        plain["bodyWeightKg"].Should().BeNull();
        plain["workingDays"].Should().BeNull();
        plain["doses"]![0]!.AsObject().Select(property => property.Key).Should().Equal("number", "cycle", "numberInCycle", "start", "end");
        plain.AsObject().ContainsKey("plannedCourseIu").Should().BeFalse();
        // 140 kg x 720,000 = 100,800,000 IU; 4.58 -> 5 vials; above 60 million IU -> 100 mL.
        nci["doses"]![0]!.ToJsonString().Should().EndWith(""","doseIu":100800000,"vials":5,"diluentMl":100}""");
        nci["protocol"]!["doseMilligramsPerKilogram"].Should().BeNull();
    }

    // A document written before these fields existed (as version 1 first shipped) still reads,
    // and reads as the label's schedule except that the protocol has no mg figure it never stated.
    [Fact]
    public void Deserialize_DocumentWithoutTheFieldsAddedWithinVersion1_Reads()
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!.AsObject();
        foreach (var name in new[] { "bodyWeightKg", "workingDays", "imagingDateUnadjusted", "nextCourseWindowUnadjusted", "nextCourseWindowReasons" })
        {
            node.Remove(name);
        }
        foreach (var name in new[] { "doseMilligramsPerKilogram", "standardAdministrationTimes", "cycleWindowCounting" })
        {
            node["protocol"]!.AsObject().Remove(name);
        }
        foreach (var cycle in node["cycles"]!.AsArray())
        {
            cycle!.AsObject().Remove("windowDoseCapacity");
            cycle.AsObject().Remove("boundBy");
        }

        var schedule = CourseScheduleJson.Deserialize(node.ToJsonString());

        schedule.Protocol.Should().Be(new CourseProtocolBuilder { DoseMilligramsPerKilogram = null }.Build());
        schedule.Doses.Should().Equal(WorkedExample().Doses);
    }

    [Theory]
    [InlineData("cycles[0].windowDoseCapacity", "14")]
    [InlineData("cycles[1].boundBy", "\"window\"")]
    [InlineData("imagingDateUnadjusted", "\"2027-04-26\"")]
    [InlineData("doses[3].vials", "3")]
    [InlineData("plannedCourseIu", "1")]
    public void Deserialize_TamperedDerivedValue_IsRejected(string path, string value)
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample().WithBodyWeight(72.5m)))!;
        var parts = path.Split('.');
        JsonNode parent = parts.Length == 1 ? node : parts[0].Contains('[', StringComparison.Ordinal)
            ? node[parts[0][..parts[0].IndexOf('[', StringComparison.Ordinal)]]![int.Parse(parts[0][(parts[0].IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!
            : node[parts[0]]!;
        parent[parts[^1]] = JsonNode.Parse(value);

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().WithMessage($"The document's {path} does not match the schedule re-planned from its inputs*");
    }

    [Theory]
    [InlineData("bodyWeightKg", "0", "bodyWeightKilograms must be in range (0, 350] kg; was 0")]
    [InlineData("bodyWeightKg", "351", "bodyWeightKilograms must be in range (0, 350] kg; was 351")]
    [InlineData("workingDays", """{"weekend":["funday"],"holidays":[],"imagingDateShift":"next"}""", "workingDays.weekend must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday; was 'funday'.")]
    [InlineData("workingDays", """{"weekend":["saturday"],"holidays":[],"imagingDateShift":"later"}""", "workingDays.imagingDateShift must be one of next, previous, nearest, none; was 'later'.")]
    [InlineData("workingDays", """{"weekend":["monday","tuesday","wednesday","thursday","friday","saturday","sunday"],"holidays":[],"imagingDateShift":"next"}""", "weekendDays must leave at least one working day a week; was all seven days")]
    public void Deserialize_InvalidNewInput_ThrowsJsonExceptionWithTheRule(string property, string value, string expectedMessage)
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!;
        node[property] = JsonNode.Parse(value);

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().Which.Message.Should().Be(expectedMessage);
    }

    [Theory]
    [InlineData("cycleWindowCounting", "\"calendar\"", "protocol.cycleWindowCounting must be 'elapsed' or 'calendarDays'; was 'calendar'.")]
    [InlineData("doseMilligramsPerKilogram", "0", "Invalid course protocol: DoseMilligramsPerKilogram must be null or in range (0, 0.1]; was 0.")]
    [InlineData("standardAdministrationTimes", "[\"8am\"]", "protocol.standardAdministrationTimes must hold clock times like 08:00; was '8am'.")]
    public void Deserialize_InvalidNewProtocolSetting_ThrowsJsonException(string property, string value, string expectedMessage)
    {
        var node = JsonNode.Parse(CourseScheduleJson.Serialize(WorkedExample()))!;
        node["protocol"]![property] = JsonNode.Parse(value);

        var act = () => CourseScheduleJson.Deserialize(node.ToJsonString());

        act.Should().Throw<JsonException>().Which.Message.Should().Be(expectedMessage);
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
            "Invalid course protocol: CycleCount must be in range [1, 10]; was 0. MaxDosesPerCycle must be in range [1, 15] (the slots 8:00:00 apart in a 5-day window); was 16; see rule 4 (Dose cap and cycle window).");
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
