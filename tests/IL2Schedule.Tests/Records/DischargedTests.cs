using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;

namespace IL2Schedule.Tests.Records;

/// <summary>Tests of <see cref="Discharged"/>: validation on construction, equality and description.</summary>
public class DischargedTests
{
    [Fact]
    public void Constructor_ValidDate_KeepsIt()
    {
        var discharge = new Discharged("d1", new LocalDate(2027, 3, 31));

        discharge.Date.Should().Be(new LocalDate(2027, 3, 31));
        discharge.Kind.Should().Be("discharged");
        discharge.ToString().Should().Be("discharged d1 (date 2027-03-31)");
        (discharge == new Discharged("d1", new LocalDate(2027, 3, 31))).Should().BeTrue();
        (discharge == new Discharged("d1", new LocalDate(2027, 4, 1))).Should().BeFalse();
    }

    [Fact]
    public void Constructor_DateInAnotherCalendar_ThrowsArgumentException()
    {
        var act = () => new Discharged("d1", new LocalDate(2027, 3, 18, CalendarSystem.Julian));

        act.Should().ThrowExactly<ArgumentException>().WithMessage(
            "date must be in the ISO calendar; was 2027-03-18 in the Julian calendar (Parameter 'date')");
    }

    [Fact]
    public void Constructor_PaddedId_ThrowsArgumentException()
    {
        var act = () => new Discharged(" d1", new LocalDate(2027, 3, 31));

        act.Should().ThrowExactly<ArgumentException>().Which.ParamName.Should().Be("id");
    }
}
