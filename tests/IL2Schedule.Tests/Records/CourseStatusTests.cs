using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using NodaTime.Testing;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

/// <summary>
/// Tests of <see cref="CourseStatus"/> (re-planning rule 6): what is due next and which
/// planned slots are overdue at an instant given directly or by a <see cref="FakeClock"/>, and
/// cycle windows that close by the passing of time. Worked example: 2027-03-10 08:00
/// America/New_York, elapsed timing; cycle 1 slots at 08:00, 16:00, 00:00 EST, window closing
/// 2027-03-15 09:00 EDT (-04:00).
/// </summary>
public class CourseStatusTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static Instant At(string rfc3339) => OffsetDateTimeOf(rfc3339).ToInstant();

    private static CourseRecord TwoDosesGiven() =>
        CourseRecord.Start(new CoursePlanner().Plan(Local("2027-03-10T08:00"), NewYork))
            .Apply(new DoseGiven("e1", 1, 1, At("2027-03-10T08:00:00-05:00"), null))
            .Apply(new DoseGiven("e2", 1, 2, At("2027-03-10T16:00:00-05:00"), null));

    private static string Describe(DoseSlot slot) => $"{Invariant(slot.CycleNumber)}/{Invariant(slot.Slot)} {Rfc3339(slot.Due)}";

    // At 2027-03-11 09:00 EST slots 3 (00:00) and 4 (08:00) are past due and unrecorded; slot 5
    // (16:00 EST) is next.
    [Fact]
    public void GetStatus_AfterMissedSlots_ListsThemOverdueAndTheNextDue()
    {
        var status = TwoDosesGiven().GetStatus(At("2027-03-11T09:00:00-05:00"));

        status.At.Should().Be(At("2027-03-11T09:00:00-05:00"));
        status.Overdue.Select(Describe).Should().Equal("1/3 2027-03-11T00:00:00-05:00", "1/4 2027-03-11T08:00:00-05:00");
        Describe(status.NextDue!).Should().Be("1/5 2027-03-11T16:00:00-05:00");
        status.IsComplete.Should().BeFalse();
        status.Schedule.KnownTime.Should().Be(At("2027-03-11T09:00:00-05:00"));
        status.Schedule.Cycles[0].EndReason.Should().Be(CycleEndReason.None);
    }

    // A slot due exactly at the query instant is due next, not overdue (strictly before).
    [Fact]
    public void GetStatus_AtASlotsDueInstant_ListsItAsNextDue()
    {
        var status = TwoDosesGiven().GetStatus(At("2027-03-11T08:00:00-05:00"));

        status.Overdue.Select(Describe).Should().Equal("1/3 2027-03-11T00:00:00-05:00");
        Describe(status.NextDue!).Should().Be("1/4 2027-03-11T08:00:00-05:00");
    }

    [Fact]
    public void GetStatus_BeforeTheNextSlot_HasNothingOverdue()
    {
        var status = TwoDosesGiven().GetStatus(At("2027-03-10T20:00:00-05:00"));

        status.Overdue.Should().BeEmpty();
        Describe(status.NextDue!).Should().Be("1/3 2027-03-11T00:00:00-05:00");
    }

    [Fact]
    public void GetStatus_FakeClock_GivesTheStatusAtTheClocksInstant()
    {
        var clock = new FakeClock(At("2027-03-11T09:00:00-05:00"));
        var record = TwoDosesGiven();

        var first = record.GetStatus(clock);
        clock.Advance(Duration.FromHours(8)); // 2027-03-11 17:00 EST
        var second = record.GetStatus(clock);

        first.At.Should().Be(At("2027-03-11T09:00:00-05:00"));
        Describe(first.NextDue!).Should().Be("1/5 2027-03-11T16:00:00-05:00");
        second.At.Should().Be(At("2027-03-11T17:00:00-05:00"));
        second.Overdue.Select(Describe).Should().Equal(
            "1/3 2027-03-11T00:00:00-05:00", "1/4 2027-03-11T08:00:00-05:00", "1/5 2027-03-11T16:00:00-05:00");
        Describe(second.NextDue!).Should().Be("1/6 2027-03-12T00:00:00-05:00");
    }

    [Fact]
    public void GetStatus_NullClock_ThrowsArgumentNullException()
    {
        var act = () => TwoDosesGiven().GetStatus((IClock)null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("clock");
    }

    // Cycle 1's window closes at 2027-03-15 09:00 EDT: a minute before, the cycle is running; at
    // that instant it has ended by its window, with only 2 doses given. Cycle 2's first slot
    // (2027-03-24 08:00 EDT) is next.
    [Fact]
    public void GetStatus_WhenTheWindowCloses_EndsTheCycle()
    {
        var record = TwoDosesGiven();

        var before = record.GetStatus(At("2027-03-15T08:59:00-04:00"));
        var atClose = record.GetStatus(At("2027-03-15T09:00:00-04:00"));

        before.Schedule.Cycles[0].EndReason.Should().Be(CycleEndReason.None);
        atClose.Schedule.Cycles[0].EndReason.Should().Be(CycleEndReason.WindowClosed);
        atClose.Schedule.Cycles[0].HasEnded.Should().BeTrue();
        atClose.Schedule.Cycles[1].HasEnded.Should().BeFalse();
        atClose.IsComplete.Should().BeFalse();
        Describe(atClose.NextDue!).Should().Be("2/1 2027-03-24T08:00:00-04:00");
        // The record's own schedule knows only the recorded instants: cycle 1 is still running.
        record.Schedule.Cycles[0].EndReason.Should().Be(CycleEndReason.None);
    }

    // After both windows have closed (cycle 2's at 2027-03-29 08:00 EDT) the course is complete,
    // ending with the last given dose (2027-03-10 16:15 EST).
    [Fact]
    public void GetStatus_AfterEveryWindowClosed_CompletesTheCourse()
    {
        var status = TwoDosesGiven().GetStatus(At("2027-03-29T08:00:00-04:00"));

        status.IsComplete.Should().BeTrue();
        status.Schedule.Cycles.Select(cycle => cycle.EndReason).Should().Equal(CycleEndReason.WindowClosed, CycleEndReason.WindowClosed);
        Rfc3339(status.Schedule.CourseEnd!.Value).Should().Be("2027-03-10T16:15:00-05:00");
        status.NextDue.Should().BeNull();
    }

    // A slot whose cycle's window has closed can no longer be given (the record rejects it as
    // outside the window), so it is not overdue: a complete course has nothing overdue.
    [Fact]
    public void GetStatus_AfterEveryWindowClosed_HasNothingOverdue()
    {
        var status = TwoDosesGiven().GetStatus(At("2027-03-29T08:00:00-04:00"));

        status.IsComplete.Should().BeTrue();
        status.Overdue.Should().BeEmpty();
    }

    // The same once cycle 2 has begun: at 2027-03-24 09:00 EDT, with cycle 2's slot 1 given at
    // 08:00 EDT, cycle 1's window closed nine days earlier and its slots 3-14 cannot be given;
    // only cycle 2's slots can be overdue, and none is (slot 2 is due 16:00 EDT).
    [Fact]
    public void GetStatus_InCycleTwo_DoesNotListCycleOneSlotsOverdue()
    {
        var record = TwoDosesGiven().Apply(new DoseGiven("c2s1", 2, 1, At("2027-03-24T08:00:00-04:00"), null));

        var status = record.GetStatus(At("2027-03-24T09:00:00-04:00"));

        status.Schedule.Cycles[0].EndReason.Should().Be(CycleEndReason.WindowClosed);
        status.Overdue.Should().BeEmpty();
        Describe(status.NextDue!).Should().Be("2/2 2027-03-24T16:00:00-04:00");
    }

    // The query instant never moves known time backwards: recorded instants still count.
    [Fact]
    public void GetStatus_BeforeTheLatestRecordedInstant_KeepsTheRecordedTime()
    {
        var status = TwoDosesGiven().GetStatus(At("2027-03-10T12:00:00-05:00"));

        status.Schedule.KnownTime.Should().Be(At("2027-03-10T16:00:00-05:00")); // slot 2's recorded start (no end was recorded)
        Describe(status.NextDue!).Should().Be("1/3 2027-03-11T00:00:00-05:00");
        status.Overdue.Should().BeEmpty();
    }
}
