using NodaTime;

namespace IL2Schedule.Cli;

/// <summary>What <c>il2schedule plan</c> was asked to do, after parsing.</summary>
internal sealed record PlanRequest(
    LocalDateTime FirstDose,
    DateTimeZone Zone,
    string ProtocolDescription,
    CourseProtocol Protocol,
    bool LenientFirstDose,
    LocalDate? DischargeDate,
    decimal? BodyWeightKilograms,
    WorkingDayCalendar? WorkingDays,
    NonWorkingDayShift ImagingDateShift,
    bool Json);
