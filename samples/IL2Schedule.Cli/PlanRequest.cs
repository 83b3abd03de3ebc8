using NodaTime;

namespace IL2Schedule.Cli;

/// <summary>What <c>il2schedule plan</c> was asked to do, after parsing: <see cref="Format"/> is a <c>--format</c> value, <see cref="OutputPath"/> the checked <c>--output</c> file or null for standard output, <see cref="Patient"/> the <c>--patient</c> for FHIR formats, <see cref="Explain"/> whether <c>--explain</c> was given.</summary>
internal sealed record PlanRequest(
    LocalDateTime FirstDose,
    DateTimeZone Zone,
    string ProtocolDescription,
    CourseProtocol Protocol,
    bool LenientFirstDose,
    LocalDate? DischargeDate,
    decimal? BodyWeightKilograms,
    WorkingDayOptions? WorkingDays,
    string Format,
    string? OutputPath,
    string? Patient = null,
    bool Explain = false);
