using System;
using Parquet.Schema;

namespace IL2Schedule.Parquet;

/// <summary>
/// The Parquet schema <see cref="BatchParquetWriter"/> writes: one row per planned dose, with the
/// course's own values repeated on each of its dose rows (columnar encoding stores a repeated
/// value in a few bytes, and a reader needs no join).
/// </summary>
/// <remarks>
/// Columns, in order (the names are the CSV form's where it has them):
/// <list type="table">
/// <item><term><c>patientId</c></term><description>string: the caller's patient id.</description></item>
/// <item><term><c>course</c></term><description>int64: the caller's course number (the CLI's: the row's number among the input rows).</description></item>
/// <item><term><c>cycle</c></term><description>int32: the dose's cycle, from 1 (<see cref="Batch.CourseColumns.DoseCycleNumbers"/>).</description></item>
/// <item><term><c>dose</c></term><description>int32: the dose's number in the course, from 1.</description></item>
/// <item><term><c>start</c>, <c>end</c></term><description>timestamp (UTC-adjusted, microseconds since the Unix epoch): the infusion's start and end.</description></item>
/// <item><term><c>startOffsetMinutes</c>, <c>endOffsetMinutes</c></term><description>int32: the zone's UTC offset at each, in minutes (-300 for New York in winter); local time = UTC + offset.</description></item>
/// <item><term><c>zone</c></term><description>string: the zone's canonical tzdb id (<see cref="TimeZoneLookup.GetCanonicalId"/>), as the JSON form's <c>zone</c>.</description></item>
/// <item><term><c>courseEnd</c></term><description>timestamp (UTC, microseconds): the end of the last infusion.</description></item>
/// <item><term><c>imagingDate</c></term><description>date: the response-assessment date, local to the zone.</description></item>
/// <item><term><c>nextCourseWindowStart</c>, <c>nextCourseWindowEnd</c></term><description>date, both inclusive; null when the window is empty.</description></item>
/// <item><term><c>nextCourseWindowReasons</c></term><description>int32: the <see cref="NextCourseWindowReasons"/> flags (1 start moved by discharge, 2 emptied by discharge, 4 start moved to a working day, 8 end moved to a working day, 16 no working day); 0 for none.</description></item>
/// <item><term><c>doseIu</c>, <c>doseMg</c></term><description>double: one dose's amount in IU and mg, the double nearest the library's exact decimal; null without a body weight (and mg null for a protocol without a mg figure).</description></item>
/// </list>
/// Microseconds hold every planned time exactly: dose times are whole minutes, or whole seconds
/// at the least. The layout is this library's choice.
/// </remarks>
public static class BatchParquetSchema
{
    // Static fields initialise in textual order: the fields first, then the schema that lists them.
    internal static readonly DataField<string> PatientId = new("patientId", nullable: false);
    internal static readonly DataField<long> Course = new("course");
    internal static readonly DataField<int> Cycle = new("cycle");
    internal static readonly DataField<int> Dose = new("dose");
    internal static readonly DateTimeDataField Start = Timestamp("start");
    internal static readonly DateTimeDataField End = Timestamp("end");
    internal static readonly DataField<int> StartOffsetMinutes = new("startOffsetMinutes");
    internal static readonly DataField<int> EndOffsetMinutes = new("endOffsetMinutes");
    internal static readonly DataField<string> Zone = new("zone", nullable: false);
    internal static readonly DateTimeDataField CourseEnd = Timestamp("courseEnd");
    internal static readonly DataField<DateOnly> ImagingDate = new("imagingDate");
    internal static readonly DataField<DateOnly?> NextCourseWindowStart = new("nextCourseWindowStart");
    internal static readonly DataField<DateOnly?> NextCourseWindowEnd = new("nextCourseWindowEnd");
    internal static readonly DataField<int> NextCourseWindowReasons = new("nextCourseWindowReasons");
    internal static readonly DataField<double?> DoseIu = new("doseIu");
    internal static readonly DataField<double?> DoseMg = new("doseMg");

    /// <summary>The schema, one <see cref="DataField"/> per column as listed in the remarks.</summary>
    public static ParquetSchema Schema { get; } = new(
        PatientId,
        Course,
        Cycle,
        Dose,
        Start,
        End,
        StartOffsetMinutes,
        EndOffsetMinutes,
        Zone,
        CourseEnd,
        ImagingDate,
        NextCourseWindowStart,
        NextCourseWindowEnd,
        NextCourseWindowReasons,
        DoseIu,
        DoseMg);

    private static DateTimeDataField Timestamp(string name) =>
        new(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: false);
}
