using FluentAssertions;
using IL2Schedule.Records;

namespace IL2Schedule.Tests.Records;

/// <summary>Tests of <see cref="CourseEventRejectedException"/>'s own contract (the rules are tested in CourseRecordTests).</summary>
public class CourseEventRejectedExceptionTests
{
    private static readonly DoseHeld Event = new("h1", 1, 2, "fever");

    [Fact]
    public void Constructor_KeepsTheEventRuleAndMessage()
    {
        var exception = new CourseEventRejectedException(Event, CourseEventRule.BeyondCap, "doseHeld h1 is rejected: beyond the cap.");

        exception.Event.Should().BeSameAs(Event);
        exception.Rule.Should().Be(CourseEventRule.BeyondCap);
        exception.Reason.Should().Be("doseHeld h1 is rejected: beyond the cap.");
        exception.ParamName.Should().Be("courseEvent");
        exception.Should().BeAssignableTo<ArgumentException>();
    }

    [Fact]
    public void Constructor_NullArguments_ThrowArgumentNullException()
    {
        var nullEvent = () => new CourseEventRejectedException(null!, CourseEventRule.BeyondCap, "message");
        var nullMessage = () => new CourseEventRejectedException(Event, CourseEventRule.BeyondCap, null!);

        nullEvent.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("courseEvent");
        nullMessage.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("message");
    }
}
