using System.Collections.Generic;
using System.Text.Json.Serialization;
using NodaTime;

namespace IL2Schedule.Serialization;

// The JSON form of a planned course, schema version 1. Property names become camelCase.
// Changing a name or a meaning here changes the public JSON contract: bump SchemaVersion.
// Properties added within version 1 are optional: a document without them still reads (inputs
// take the value that version-1 documents implied; derived values are not checked when absent).

internal sealed class CourseScheduleDocument
{
    public required int SchemaVersion { get; init; }

    public required string Zone { get; init; }

    public required string TzdbVersion { get; init; }

    public required string DoseTiming { get; init; }

    public required ProtocolDocument Protocol { get; init; }

    public required LocalDateTime RequestedFirstDose { get; init; }

    public LocalDate? DischargeDate { get; init; }

    public decimal? BodyWeightKg { get; init; }

    public WorkingDaysDocument? WorkingDays { get; init; }

    public required List<CycleDocument> Cycles { get; init; }

    public required List<DoseDocument> Doses { get; init; }

    public required OffsetDateTime CourseEnd { get; init; }

    public required LocalDate CourseEndDate { get; init; }

    public required LocalDate ImagingDate { get; init; }

    public LocalDate? ImagingDateUnadjusted { get; init; }

    public required DateWindowDocument? NextCourseWindow { get; init; }

    public DateWindowDocument? NextCourseWindowUnadjusted { get; init; }

    public List<string>? NextCourseWindowReasons { get; init; }

    public string? NextCourseWindowNote { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? PlannedCourseIu { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? PlannedCourseMg { get; init; }
}

internal sealed class WorkingDaysDocument
{
    public required List<string> Weekend { get; init; }

    public required List<LocalDate> Holidays { get; init; }

    public required string ImagingDateShift { get; init; }
}

internal sealed class ProtocolDocument
{
    public required int DoseInternationalUnitsPerKilogram { get; init; }

    public decimal? DoseMilligramsPerKilogram { get; init; }

    public required int CycleCount { get; init; }

    public required int CycleLengthDays { get; init; }

    public required int RestPeriodDays { get; init; }

    public required long DosingIntervalMinutes { get; init; }

    public required long InfusionDurationMinutes { get; init; }

    public required int MaxDosesPerCycle { get; init; }

    public List<string>? StandardAdministrationTimes { get; init; }

    public string? CycleWindowCounting { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StoppedInfusionCounting { get; init; }

    public required Period ResponseAssessmentDelay { get; init; }

    public required Period RetreatmentWindowStart { get; init; }

    public required Period RetreatmentWindowEnd { get; init; }

    public required Period MinimumIntervalAfterDischarge { get; init; }
}

internal sealed class CycleDocument
{
    public required int Number { get; init; }

    public required OffsetDateTime Start { get; init; }

    public required OffsetDateTime WindowEnd { get; init; }

    public int? WindowDoseCapacity { get; init; }

    public string? BoundBy { get; init; }
}

internal sealed class DoseDocument
{
    public required int Number { get; init; }

    public required int Cycle { get; init; }

    public required int NumberInCycle { get; init; }

    public required OffsetDateTime Start { get; init; }

    public required OffsetDateTime End { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? DoseIu { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? DoseMg { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Vials { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DiluentMl { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? ConcentrationMgPerMl { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DilutionWarning { get; init; }
}

internal sealed class DateWindowDocument
{
    public required LocalDate Start { get; init; }

    public required LocalDate End { get; init; }
}
