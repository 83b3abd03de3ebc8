using System;
using FluentAssertions;
using IL2Schedule.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace IL2Schedule.Extensions.DependencyInjection.Tests;

/// <summary>
/// Tests of AddIL2Schedule: the planner for the configured protocol, the clock, and options
/// validated once with every problem in one message.
/// </summary>
public class IL2ScheduleServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Action<IL2ScheduleOptions>? configure = null, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        return services.AddIL2Schedule(configure).BuildServiceProvider(validateScopes: true);
    }

    // The worked example (America/New_York: EST -05:00 until 2027-03-14 02:00, then EDT -04:00):
    // dose 13 is 8 elapsed hours after dose 12 at 00:00 -05:00, so 09:00 -04:00; 28 doses.
    [Fact]
    public void AddIL2Schedule_Defaults_RegistersTheLabelPlannerAndTheSystemClock()
    {
        using var provider = Build();

        var planner = provider.GetRequiredService<CoursePlanner>();
        planner.Protocol.Should().BeSameAs(CourseProtocol.Label);
        provider.GetRequiredService<CourseProtocol>().Should().BeSameAs(CourseProtocol.Label);
        provider.GetRequiredService<IClock>().Should().BeSameAs(SystemClock.Instance);
        var course = planner.Plan(new LocalDateTime(2027, 3, 10, 8, 0), DateTimeZoneProviders.Tzdb["America/New_York"]);
        course.Doses.Should().HaveCount(28);
        course.Doses[12].Start.ToOffsetDateTime().ToString("uuuu-MM-dd'T'HH:mmo<+HH:mm>", null).Should().Be("2027-03-14T09:00-04:00");
    }

    [Fact]
    public void AddIL2Schedule_ResolvedTwice_GivesOnePlanner()
    {
        using var provider = Build();

        provider.GetRequiredService<CoursePlanner>().Should().BeSameAs(provider.GetRequiredService<CoursePlanner>());
    }

    // The NCI Surgery Branch preset: 720,000 IU/kg and up to 15 doses a cycle.
    [Fact]
    public void AddIL2Schedule_PresetName_RegistersThatPresetsPlanner()
    {
        using var provider = Build(options => options.PresetName = "nci");

        var protocol = provider.GetRequiredService<CoursePlanner>().Protocol;
        protocol.Should().BeSameAs(CourseProtocol.NciSurgeryBranch);
        protocol.MaxDosesPerCycle.Should().Be(15);
        protocol.DoseInternationalUnitsPerKilogram.Should().Be(720_000);
    }

    [Fact]
    public void AddIL2Schedule_Protocol_RegistersAPlannerForIt()
    {
        var builder = CourseProtocol.Label.ToBuilder();
        builder.MaxDosesPerCycle = 12;
        var protocol = builder.Build();

        using var provider = Build(options => options.Protocol = protocol);

        provider.GetRequiredService<CoursePlanner>().Protocol.Should().BeSameAs(protocol);
    }

    [Fact]
    public void AddIL2Schedule_ClockOption_RegistersThatClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2027, 3, 10, 13, 0));

        using var provider = Build(options => options.Clock = clock);

        provider.GetRequiredService<IClock>().Should().BeSameAs(clock);
    }

    [Fact]
    public void AddIL2Schedule_ClockAlreadyRegistered_KeepsIt()
    {
        var registered = new FakeClock(Instant.FromUtc(2027, 3, 10, 13, 0));

        using var provider = Build(options => options.Clock = new FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0)), services => services.AddSingleton<IClock>(registered));

        provider.GetRequiredService<IClock>().Should().BeSameAs(registered);
    }

    [Fact]
    public void AddIL2Schedule_UnknownPreset_ThrowsOptionsValidationExceptionNamingIt()
    {
        using var provider = Build(options => options.PresetName = "rosenberg");

        var act = () => provider.GetRequiredService<CoursePlanner>();

        act.Should().ThrowExactly<OptionsValidationException>().WithMessage(
            "IL2Schedule options: PresetName must be one of label, nci; was 'rosenberg'");
    }

    [Fact]
    public void AddIL2Schedule_PresetAndProtocolBothSet_ReportsEveryProblemInOneMessage()
    {
        using var provider = Build(options =>
        {
            options.PresetName = "rosenberg";
            options.Protocol = CourseProtocol.Label;
        });

        var act = () => provider.GetRequiredService<CourseProtocol>();

        act.Should().ThrowExactly<OptionsValidationException>().WithMessage(
            "IL2Schedule options: set PresetName or Protocol, not both; PresetName was 'rosenberg' and Protocol was set; "
            + "IL2Schedule options: PresetName must be one of label, nci; was 'rosenberg'");
    }

    // ValidateOnStart: a host runs the startup validator before serving, so bad options stop it at once.
    [Fact]
    public void AddIL2Schedule_BadOptions_FailTheStartupValidation()
    {
        using var provider = Build(options => options.PresetName = "");

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("IL2Schedule options: PresetName must be one of label, nci; was ''");
    }

    [Fact]
    public void ResolveProtocol_BadOptions_ThrowsArgumentExceptionWithTheValidatorsMessage()
    {
        var act = () => new IL2ScheduleOptions { PresetName = "x" }.ResolveProtocol();

        act.Should().ThrowExactly<ArgumentException>().WithMessage("IL2Schedule options: PresetName must be one of label, nci; was 'x'");
    }

    [Fact]
    public void AddIL2Schedule_NullServices_ThrowsArgumentNullException()
    {
        var act = () => IL2ScheduleServiceCollectionExtensions.AddIL2Schedule(null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("services");
    }
}
