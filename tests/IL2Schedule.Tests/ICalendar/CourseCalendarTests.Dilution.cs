using FluentAssertions;
using IL2Schedule.ICalendar;
using Calendar = Ical.Net.Calendar;

namespace IL2Schedule.Tests.ICalendar;

/// <content>
/// The label's dilution range in the .ics dose descriptions (label section 2.5): 200 kg is 7.4 mg
/// in 100 mL = 0.074 mg/mL, above 0.07, so each dose's description ends with the warning; 72.5 kg
/// (2.6825 mg in 50 mL = 0.05365 mg/mL) is inside and adds nothing.
/// </content>
public partial class CourseCalendarTests
{
    [Fact]
    public void Export_AConcentrationOutsideTheLabelRange_EndsEachDoseDescriptionWithTheWarning()
    {
        var plan = Plan("2027-03-10T08:00", "America/New_York");

        var heavy = Calendar.Load(CourseCalendar.Export(plan.WithBodyWeight(200m), Stamp, null))!.Events[0]!.Description;
        var inRange = Calendar.Load(CourseCalendar.Export(plan.WithBodyWeight(72.5m), Stamp, null))!.Events[0]!.Description;

        heavy.Should().Be("Intravenous infusion from 2027-03-10T08:00:00-05:00 to 2027-03-10T08:15:00-05:00. Warning: final concentration 0.074 mg/mL (7.4 mg in 100 mL of 5% dextrose) is above the label's range of 0.03 to 0.07 mg/mL (Label §2.5); the dose is not changed.");
        inRange.Should().Be("Intravenous infusion from 2027-03-10T08:00:00-05:00 to 2027-03-10T08:15:00-05:00.");
    }
}
