using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using NodaTime.Testing.TimeZones;

namespace IL2Schedule.Tests.Batch;

public partial class BatchPlannerTests
{
    // Two synthetic zones whose intervals are shorter than the batch zone cache's 36-hour margins
    // (no tzdb zone has an interval under 72 hours from 1900 to 2030), so that its near-transition
    // path meets a neighbour's neighbour and must fall back to NodaTime's own mapping:
    //   Test/ShortSummer: +00:00, then +01:00 from 2030-01-06T01:00Z for 20 hours, then +00:00 from
    //     2030-01-06T21:00Z (local 01:00-02:00 skipped, 21:00-22:00 repeated, on 2030-01-06).
    //   Test/Swing: +00:00, then +05:00 from 2030-01-06T00:00Z for 10 hours, then -03:00 from
    //     2030-01-06T10:00Z (local 00:00-05:00 skipped, 07:00-15:00 repeated).
    private static readonly DateTimeZone ShortSummer = new MultiTransitionDateTimeZone.Builder(0, 0, "A")
    {
        { Instant.FromUtc(2030, 1, 6, 1, 0), 0, 1, "B" },
        { Instant.FromUtc(2030, 1, 6, 21, 0), 0, 0, "C" },
    }.Build();

    private static readonly DateTimeZone Swing = new MultiTransitionDateTimeZone.Builder(0, 0, "A")
    {
        { Instant.FromUtc(2030, 1, 6, 0, 0), 5, 0, "B" },
        { Instant.FromUtc(2030, 1, 6, 10, 0), -3, 0, "C" },
    }.Build();

    // Local first doses around each transition, read on both sides of it: the cache decides by
    // the local time read as an instant, 18 and 36 hours from an interval's ends. Each is planned
    // as the first dose and as the first dose 14 days earlier (so that cycle 2 starts there), with
    // elapsed and wall-clock timing.
    private static readonly Duration[] AroundATransition =
        [.. new[] { -37.0, -36.0, -35.5, -18.5, -18.0, -17.5, -1.0, -0.5, 0.0, 0.5, 1.0, 17.5, 18.0, 18.5, 35.5, 36.0, 37.0 }
            .Select(Duration.FromHours)];

    [Fact]
    public void FirstDosesAroundTransitions_TheSpanApi_EqualsCoursePlanner()
    {
        var transitions = new List<(DateTimeZone Zone, Instant At)>();
        void Between(string zoneId, int fromYear, int toYear)
        {
            var zone = DateTimeZoneProviders.Tzdb[zoneId];
            var interval = new Interval(Instant.FromUtc(fromYear, 1, 1, 0, 0), Instant.FromUtc(toYear, 1, 1, 0, 0));
            transitions.AddRange(zone.GetZoneIntervals(interval).Where(i => i.HasStart && interval.Contains(i.Start)).Select(i => (zone, i.Start)));
        }
        Between("America/New_York", 2027, 2028);     // -05:00 <-> -04:00
        Between("Australia/Lord_Howe", 2027, 2028);  // +10:30 <-> +11:00, a 30-minute change
        Between("Africa/Casablanca", 2027, 2028);    // +01:00 -> +00:00 -> +01:00 around Ramadan, five weeks apart
        Between("Antarctica/Troll", 2027, 2028);     // +00:00 <-> +02:00
        Between("Pacific/Apia", 2011, 2012);         // the skipped 2011-12-30, among others
        Between("Europe/Moscow", 2011, 2015);        // +03:00 -> +04:00 (2011), +04:00 -> +03:00 (2014)
        foreach (string zoneId in new[] { "Europe/London", "Asia/Kolkata", "America/Sao_Paulo" })
        {
            var zone = DateTimeZoneProviders.Tzdb[zoneId];
            transitions.Add((zone, zone.GetZoneInterval(Instant.MinValue).End)); // the zone's first: local mean time ends
        }
        transitions.Add((ShortSummer, Instant.FromUtc(2030, 1, 6, 1, 0)));
        transitions.Add((ShortSummer, Instant.FromUtc(2030, 1, 6, 21, 0)));
        transitions.Add((Swing, Instant.FromUtc(2030, 1, 6, 0, 0)));
        transitions.Add((Swing, Instant.FromUtc(2030, 1, 6, 10, 0)));

        var requests = new List<CourseRequest>();
        foreach (var (zone, at) in transitions)
        {
            foreach (var offset in new[] { zone.GetUtcOffset(at - Duration.Epsilon), zone.GetUtcOffset(at) })
            {
                foreach (var delta in AroundATransition)
                {
                    var local = (at + delta).WithOffset(offset).LocalDateTime;
                    foreach (var firstDose in new[] { local, local.PlusDays(-14) })
                    {
                        requests.Add(new CourseRequest(firstDose, zone, protocolIndex: 0));
                        requests.Add(new CourseRequest(firstDose, zone, protocolIndex: 1));
                    }
                }
            }
        }
        var planner = new BatchPlanner(Protocols);
        var columns = CourseColumns.Allocate(requests.Count, planner.DosesPerCourse);

        var result = planner.Plan(requests.ToArray(), columns);

        var failures = result.Failures.ToDictionary(f => f.Index);
        var mismatches = new List<string>();
        int plannedBoth = 0;
        for (int i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            string at = $"request {i}: {request.FirstDose:uuuu-MM-ddTHH:mm} in {request.Zone!.Id}, protocol {request.ProtocolIndex}";
            CourseSchedule expected;
            try
            {
                expected = SingleCoursePlanners[request.ProtocolIndex].Plan(request.FirstDose, request.Zone!);
            }
            catch (ArgumentException e)
            {
                if (!failures.TryGetValue(i, out var failure) || failure.Message != e.Message)
                {
                    mismatches.Add($"{at}: CoursePlanner throws '{e.Message}', the batch gives '{failure?.Message}'");
                }
                continue;
            }
            if (failures.TryGetValue(i, out var unexpected))
            {
                mismatches.Add($"{at}: CoursePlanner plans it, the batch fails with '{unexpected.Message}'");
                continue;
            }
            plannedBoth++;
            long[] starts = expected.Doses.Select(d => d.Start.ToInstant().ToUnixTimeTicks()).ToArray();
            if (!columns.DoseStartsOf(i).SequenceEqual(starts)
                || columns.CourseEndInstant(i) != expected.CourseEnd.ToInstant()
                || columns.ResponseAssessmentDates[i] != expected.ResponseAssessmentDate
                || columns.NextCourseWindowStarts[i] != expected.NextCourseWindow.ByCourseEnd.Start
                || columns.NextCourseWindowEnds[i] != expected.NextCourseWindow.ByCourseEnd.End)
            {
                mismatches.Add($"{at}: the batch's doses or follow-up dates differ from CoursePlanner's");
            }
        }

        mismatches.Should().BeEmpty();
        plannedBoth.Should().BeGreaterThan(requests.Count / 2, "most of these first doses are plannable");
        result.Failures.Should().Contain(f => f.Message.Contains("is skipped in time zone"), "some first doses fall in gaps");
        result.Failures.Should().Contain(f => f.Message.Contains("is ambiguous in time zone"), "some fall in overlaps");
    }

    // The follow-up table is keyed by the course end's local date. Pacific/Kiritimati (+14:00)
    // and Pacific/Honolulu (-10:00), no daylight saving in 2027, elapsed label course (the course
    // ends 18 d 8 h 15 min after its first dose), checked with Python zoneinfo:
    //   Kiritimati: first dose 2027-03-11 17:45 +14:00 (03:45Z); course end 2027-03-29T12:00Z =
    //     2027-03-30 02:00 +14:00; imaging 2027-04-27; window 2027-05-11 to 2027-06-22.
    //   Honolulu: first dose 2027-03-09 17:45 -10:00 (03-10 03:45Z); course end 2027-03-28T12:00Z =
    //     2027-03-28 02:00 -10:00; imaging 2027-04-25; window 2027-05-09 to 2027-06-20.
    // Read at the wrong side of UTC (the instant minus +14 h, plus 10 h), both ends fall on
    // 2027-03-28: one course must not take the other's dates.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CourseEndsOnDifferentLocalDates_EitherSideOfUtc_GetTheirOwnFollowUpDates(bool honoluluFirst)
    {
        var kiritimati = new CourseRequest(new LocalDateTime(2027, 3, 11, 17, 45), DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"]);
        var honolulu = new CourseRequest(new LocalDateTime(2027, 3, 9, 17, 45), DateTimeZoneProviders.Tzdb["Pacific/Honolulu"]);
        CourseRequest[] requests = honoluluFirst ? [honolulu, kiritimati] : [kiritimati, honolulu];
        var planner = new BatchPlanner(CourseProtocol.Label);
        var columns = CourseColumns.Allocate(2, planner.DosesPerCourse);

        planner.Plan(requests, columns);

        int k = honoluluFirst ? 1 : 0, h = 1 - k;
        columns.CourseEndInstant(k).Should().Be(Instant.FromUtc(2027, 3, 29, 12, 0));
        columns.ResponseAssessmentDates[k].Should().Be(new LocalDate(2027, 4, 27));
        (columns.NextCourseWindowStarts[k], columns.NextCourseWindowEnds[k]).Should().Be((new LocalDate(2027, 5, 11), new LocalDate(2027, 6, 22)));
        columns.CourseEndInstant(h).Should().Be(Instant.FromUtc(2027, 3, 28, 12, 0));
        columns.ResponseAssessmentDates[h].Should().Be(new LocalDate(2027, 4, 25));
        (columns.NextCourseWindowStarts[h], columns.NextCourseWindowEnds[h]).Should().Be((new LocalDate(2027, 5, 9), new LocalDate(2027, 6, 20)));
    }
}
