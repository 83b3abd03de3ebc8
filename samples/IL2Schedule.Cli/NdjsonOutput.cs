using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IL2Schedule.Batch;
using IL2Schedule.Serialization;

namespace IL2Schedule.Cli;

/// <summary>One compact JSON document per line: <c>{"patientId":"P1",</c> then the library's JSON form's properties.</summary>
internal sealed class NdjsonOutput(BatchOutputTarget output, bool parallel) : TextBatchOutput(output, parallel)
{
    internal override void WriteHeader()
    {
    }

    protected override void FormatCourse(in BatchRow row, CourseColumns columns, int course, BatchPlanner planner, IBufferWriter<byte> buffer)
    {
        string json = CourseScheduleJson.Serialize(planner.ScheduleOf(row.Request), indented: false);
        string line = "{\"patientId\":\"" + JsonEncodedText.Encode(row.PatientId, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"," + json[1..] + "\n";
        int written = Encoding.UTF8.GetBytes(line, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(line.Length)));
        buffer.Advance(written);
    }
}
