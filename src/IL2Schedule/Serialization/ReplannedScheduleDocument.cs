using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NodaTime;

namespace IL2Schedule.Serialization;

// The JSON form of a re-planned course (schema version 1): the planned form's fields plus each
// slot's status. Property names become camelCase. Changing a name or meaning changes the contract.

internal sealed class ReplannedScheduleDocument
{
    public required int SchemaVersion { get; init; }

    public required int CourseNumber { get; init; }

    public required string Zone { get; init; }

    public required string TzdbVersion { get; init; }

    public required string DoseTiming { get; init; }

    public required string HeldDosePolicy { get; init; }

    public required ProtocolDocument Protocol { get; init; }

    public required LocalDateTime RequestedFirstDose { get; init; }

    public required LocalDate? DischargeDate { get; init; }

    public required string? RetreatmentOverrideReason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required decimal? BodyWeightKg { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required WorkingDaysDocument? WorkingDays { get; init; }

    public required OffsetDateTime? KnownTime { get; init; }

    public required bool CourseComplete { get; init; }

    public required List<ReplannedCycleDocument> Cycles { get; init; }

    public required List<ReplannedDoseDocument> Doses { get; init; }

    public required OffsetDateTime? CourseEnd { get; init; }

    public required LocalDate? CourseEndDate { get; init; }

    public required LocalDate? ImagingDate { get; init; }

    public required LocalDate? ImagingDateUnadjusted { get; init; }

    public required DateWindowDocument? NextCourseWindow { get; init; }

    public required DateWindowDocument? NextCourseWindowUnadjusted { get; init; }

    public required List<string>? NextCourseWindowReasons { get; init; }

    public required string? NextCourseWindowNote { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required decimal? GivenCourseIu { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required decimal? GivenCourseMg { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required decimal? ProjectedCourseIu { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required List<SupersededDocument>? Superseded { get; init; }

    public required StatusDocument? Status { get; init; }
}

internal sealed class ReplannedCycleDocument
{
    public required int Number { get; init; }

    public required LocalDateTime NominalStart { get; init; }

    public required bool Rescheduled { get; init; }

    public required OffsetDateTime Start { get; init; }

    public required OffsetDateTime WindowEnd { get; init; }

    public required int DosesGiven { get; init; }

    public required int DosesHeld { get; init; }

    public required int DosesStopped { get; init; }

    public required string? EndReason { get; init; }
}

internal sealed class ReplannedDoseDocument
{
    public required int Number { get; init; }

    public required int Cycle { get; init; }

    public required int NumberInCycle { get; init; }

    public required int Slot { get; init; }

    public required string Status { get; init; }

    public required OffsetDateTime Due { get; init; }

    public required OffsetDateTime Start { get; init; }

    public required OffsetDateTime End { get; init; }

    public required OffsetDateTime? GivenStart { get; init; }

    public required OffsetDateTime? GivenEnd { get; init; }

    public required string? HeldReason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required OffsetDateTime? StoppedEnd { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required string? StopReason { get; init; }

    public required string? EventId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required decimal? DoseIu { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required decimal? DoseMg { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required int? Vials { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required int? DiluentMl { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required decimal? ConcentrationMgPerMl { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required string? DilutionWarning { get; init; }
}

internal sealed class StatusDocument
{
    public required OffsetDateTime At { get; init; }

    public required SlotReferenceDocument? NextDue { get; init; }

    public required List<SlotReferenceDocument> Overdue { get; init; }
}

internal sealed class SlotReferenceDocument
{
    public required int Cycle { get; init; }

    public required int Slot { get; init; }

    public required OffsetDateTime Due { get; init; }
}

internal sealed class SupersededDocument
{
    public required JsonObject Event { get; init; }

    public required JsonObject CorrectedBy { get; init; }

    public required string Description { get; init; }
}
