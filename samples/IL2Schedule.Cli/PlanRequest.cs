using IL2Schedule.Protocols;
using NodaTime;

namespace IL2Schedule.Cli;

/// <summary>What <c>il2schedule plan</c> was asked to do, after parsing.</summary>
internal sealed record PlanRequest(
    LocalDateTime FirstDose,
    DateTimeZone Zone,
    string ProtocolName,
    CourseProtocol Protocol,
    bool LenientFirstDose,
    LocalDate? DischargeDate,
    bool Json)
{
    /// <summary>The README's worked example: 2027-03-10 08:00 America/New_York, label protocol, elapsed timing.</summary>
    internal static PlanRequest WorkedExample { get; } = new(
        new LocalDateTime(2027, 3, 10, 8, 0),
        DateTimeZoneProviders.Tzdb["America/New_York"],
        "label",
        CourseProtocol.Label,
        LenientFirstDose: false,
        DischargeDate: null,
        Json: false);
}
