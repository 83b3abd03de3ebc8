using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using NodaTime.TimeZones;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Batch;

/// <summary>Tests of <see cref="CourseRequest"/>: its values and equality (every value, the zone by reference).</summary>
public class CourseRequestTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static CourseRequest Request(
        string firstDose = "2027-03-10T08:00", DateTimeZone? zone = null, int protocolIndex = 0, string? discharge = null, decimal? weight = 72.5m) =>
        new(Local(firstDose), zone ?? NewYork, protocolIndex, discharge is null ? null : Date(discharge), weight);

    [Fact]
    public void Constructor_KeepsEveryValue()
    {
        var request = Request(discharge: "2027-03-31", protocolIndex: 2);

        (request.FirstDose, request.Zone, request.ProtocolIndex, request.DischargeDate, request.BodyWeightKilograms)
            .Should().Be((Local("2027-03-10T08:00"), NewYork, 2, Date("2027-03-31"), 72.5m));
        new CourseRequest(Local("2027-03-10T08:00"), NewYork).Should().Match<CourseRequest>(r => r.ProtocolIndex == 0 && r.DischargeDate == null && r.BodyWeightKilograms == null);
    }

    [Fact]
    public void Equals_SameValues_IsEqualWithTheSameHashCode()
    {
        var first = Request(discharge: "2027-03-31");
        var second = Request(discharge: "2027-03-31");

        first.Equals(second).Should().BeTrue();
        first.Equals((object)second).Should().BeTrue();
        (first == second).Should().BeTrue();
        (first != second).Should().BeFalse();
        first.GetHashCode().Should().Be(second.GetHashCode());
    }

    public static TheoryData<string, CourseRequest> OneValueDiffers => new()
    {
        { "first dose", Request(firstDose: "2027-03-10T09:00", discharge: "2027-03-31") },
        { "zone", Request(zone: DateTimeZoneProviders.Tzdb["America/Chicago"], discharge: "2027-03-31") },
        { "zone object with the same id", Request(zone: new DateTimeZoneCache(TzdbDateTimeZoneSource.Default)["America/New_York"], discharge: "2027-03-31") },
        { "protocol index", Request(protocolIndex: 1, discharge: "2027-03-31") },
        { "discharge date", Request(discharge: "2027-04-01") },
        { "no discharge date", Request() },
        { "body weight", Request(discharge: "2027-03-31", weight: 80m) },
    };

    [Theory]
    [MemberData(nameof(OneValueDiffers))]
    public void Equals_OneValueDiffers_IsFalse(string what, CourseRequest other)
    {
        var request = Request(discharge: "2027-03-31");

        request.Equals(other).Should().BeFalse(what);
        request.Equals((object)other).Should().BeFalse(what);
        (request == other).Should().BeFalse(what);
        (request != other).Should().BeTrue(what);
    }

    [Fact]
    public void Equals_AnotherType_IsFalse()
    {
        Request().Equals("2027-03-10T08:00").Should().BeFalse();
        Request().Equals(null).Should().BeFalse();
    }
}
