using System.Globalization;
using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

/// <summary>
/// Tests of <see cref="CourseRecord"/> and the re-planned schedule it gives, split by concern:
/// late and held doses, course end and follow-up, ids and corrections, wall-clock timing, DST,
/// reschedules, rejections, the next course and property tests.
/// </summary>
/// <remarks>
/// Every expected instant is worked by hand from the README's worked example (2027-03-10 08:00
/// America/New_York, label protocol) with the zone offset written beside it, and checked with
/// Python zoneinfo (elapsed arithmetic in UTC); none comes from the code under test.
/// America/New_York: 2027-03-14 02:00 EST (-05:00) -> 03:00 EDT (-04:00).
/// </remarks>
public partial class CourseRecordTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>The worked example: cycle 1 slot 1 due 2027-03-10 08:00 -05:00, cycle 2 slot 1 due 2027-03-24 08:00 -04:00.</summary>
    private static CourseSchedule WorkedExamplePlan(DoseTiming timing = DoseTiming.Elapsed) =>
        new CoursePlanner(CourseProtocol.Label.WithDoseTiming(timing)).Plan(Local("2027-03-10T08:00"), NewYork);

    private static CourseRecord WorkedExample(HeldDosePolicy policy = HeldDosePolicy.UseReserveSlots) =>
        CourseRecord.Start(WorkedExamplePlan(), 1, policy);

    /// <summary>Parses "2027-03-10T08:05:00-05:00" to its instant.</summary>
    private static Instant At(string rfc3339) => OffsetDateTimeOf(rfc3339).ToInstant();

    private static DoseGiven Given(string? id, int cycle, int slot, string start) => new(id, cycle, slot, At(start), null);

    private static DoseHeld Held(string? id, int cycle, int slot, string reason = "hypotension") => new(id, cycle, slot, reason);

    /// <summary>Slots 1..count of a cycle given exactly at the times listed.</summary>
    private static IEnumerable<DoseGiven> GivenAt(int cycle, params string[] starts) =>
        starts.Select((start, index) => Given(string.Create(CultureInfo.InvariantCulture, $"c{cycle}s{index + 1}"), cycle, index + 1, start));

    // Due times of the worked example's slots, hand-worked: every 8 elapsed hours from 08:00 EST;
    // 8 h after 2027-03-14 00:00 EST is 08:00 EST = 09:00 EDT.
    private static readonly string[] CycleOneDue =
    [
        "2027-03-10T08:00:00-05:00", "2027-03-10T16:00:00-05:00", "2027-03-11T00:00:00-05:00", // slots 1-3
        "2027-03-11T08:00:00-05:00", "2027-03-11T16:00:00-05:00", "2027-03-12T00:00:00-05:00", // slots 4-6
        "2027-03-12T08:00:00-05:00", "2027-03-12T16:00:00-05:00", "2027-03-13T00:00:00-05:00", // slots 7-9
        "2027-03-13T08:00:00-05:00", "2027-03-13T16:00:00-05:00", "2027-03-14T00:00:00-05:00", // slots 10-12
        "2027-03-14T09:00:00-04:00", "2027-03-14T17:00:00-04:00", "2027-03-15T01:00:00-04:00", // slots 13-15 (EDT)
    ];

    // Cycle 2: day 15 at 08:00 EDT, every 8 h; the window closes 120 h later, 2027-03-29 08:00 -04:00.
    private static readonly string[] CycleTwoDue =
    [
        "2027-03-24T08:00:00-04:00", "2027-03-24T16:00:00-04:00", "2027-03-25T00:00:00-04:00",
        "2027-03-25T08:00:00-04:00", "2027-03-25T16:00:00-04:00", "2027-03-26T00:00:00-04:00",
        "2027-03-26T08:00:00-04:00", "2027-03-26T16:00:00-04:00", "2027-03-27T00:00:00-04:00",
        "2027-03-27T08:00:00-04:00", "2027-03-27T16:00:00-04:00", "2027-03-28T00:00:00-04:00",
        "2027-03-28T08:00:00-04:00", "2027-03-28T16:00:00-04:00", "2027-03-29T00:00:00-04:00",
    ];

    /// <summary>"3 planned 2027-03-11T00:00:00-05:00": slot number, status and due time of each listed slot of a cycle.</summary>
    private static string[] SlotLines(ReplannedCycle cycle) =>
        cycle.Slots.Select(SlotLine).ToArray();

    private static string SlotLine(DoseSlot slot) =>
        string.Create(CultureInfo.InvariantCulture, $"{slot.Slot} {slot.Status.ToString().ToLowerInvariant()} {Rfc3339(slot.Due)}");

    /// <summary>Expected lines for slots first..last of a cycle with one status, from hand-worked due times.</summary>
    private static IEnumerable<string> Lines(string[] due, int first, int last, string status) =>
        Enumerable.Range(first, last - first + 1).Select(slot => string.Create(CultureInfo.InvariantCulture, $"{slot} {status} {due[slot - 1]}"));

    /// <summary>
    /// The documentation's re-planning rule each rejection states (docs/records.md's table): rule 3
    /// (Later cycle start) for reschedules, rule 5 (Rejections) for the rest; none for the id rules
    /// and the calendar's range, which no table states.
    /// </summary>
    private static RuleText? DocumentedRule(CourseEventRule rule) => rule switch
    {
        CourseEventRule.IdAlreadyUsed or CourseEventRule.UnknownCorrectedEvent or CourseEventRule.OutOfRange => null,
        CourseEventRule.RescheduleOverlapsCycle or CourseEventRule.CycleAlreadyStarted => RuleBook.Get(RuleSet.Replanning, 3),
        _ => RuleBook.Get(RuleSet.Replanning, 5),
    };

    /// <summary>Every value of a re-planned schedule, as text, to show that a rejected event changed nothing.</summary>
    private static string Snapshot(ReplannedSchedule schedule) =>
        string.Join(
            "; ",
            schedule.Slots.Select(slot => string.Create(CultureInfo.InvariantCulture,
                $"{slot.Number}:{slot.CycleNumber}/{slot.Slot} {slot.Status} due {Rfc3339(slot.Due)} {Rfc3339(slot.Start)}-{Rfc3339(slot.End)} {slot.EventId} {slot.HeldReason}"))
                .Concat(schedule.Cycles.Select(cycle => string.Create(CultureInfo.InvariantCulture,
                    $"cycle {cycle.Number} {cycle.NominalStart} {Rfc3339(cycle.Start)}..{Rfc3339(cycle.WindowEnd)} {cycle.EndReason} {cycle.DosesGiven}/{cycle.DosesHeld}")))
                .Append(string.Create(CultureInfo.InvariantCulture,
                    $"complete {schedule.IsComplete} end {(schedule.CourseEnd is { } end ? Rfc3339(end) : "none")} imaging {schedule.ResponseAssessmentDate} window {schedule.NextCourseWindow} discharge {schedule.DischargeDate}")));

    /// <summary>
    /// Applies an event that must be rejected: asserts the exception type, its rule and event, the
    /// message parts, and that the record (events, effective events and schedule) is unchanged.
    /// </summary>
    private static CourseEventRejectedException ShouldReject(CourseRecord record, CourseEvent courseEvent, CourseEventRule rule, params string[] messageParts)
    {
        int eventCount = record.Events.Count;
        var effective = record.EffectiveEvents.ToArray();
        string before = Snapshot(record.Schedule);

        var act = () => record.Apply(courseEvent);

        var exception = act.Should().ThrowExactly<CourseEventRejectedException>().Which;
        exception.Rule.Should().Be(rule, exception.Message);
        exception.Event.Should().BeSameAs(courseEvent);
        // Every message reads "<event> is rejected by rule <Rule>: <detail>; see <documented rule>."; the parts
        // name the event as "<event> is rejected: " and a part ending in "." ends before the citation.
        var documented = DocumentedRule(rule);
        exception.DocumentedRule.Should().BeSameAs(documented);
        string citation = documented is null ? "." : $"; see {documented}.";
        foreach (string part in messageParts)
        {
            string expected = part.Replace("is rejected: ", $"is rejected by rule {rule}: ", StringComparison.Ordinal);
            exception.Reason.Should().Contain(expected.EndsWith('.') ? expected[..^1] + citation : expected);
        }
        exception.Reason.Should().EndWith(citation);
        record.Events.Should().HaveCount(eventCount);
        record.EffectiveEvents.Should().Equal(effective);
        Snapshot(record.Schedule).Should().Be(before);
        return exception;
    }
}
