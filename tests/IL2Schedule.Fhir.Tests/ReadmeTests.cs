using System.IO;
using FluentAssertions;
using Hl7.Fhir.Model;
using IL2Schedule.Records;
using NodaTime;

namespace IL2Schedule.Fhir.Tests;

/// <summary>Keeps the FHIR example in docs/fhir.md honest: it is this file's region, compiled and run here.</summary>
public class ReadmeTests
{
    [Fact]
    public void FhirExample_CompilesRunsAndReadsBack() => FhirExample().Should().Equal("True", "True");

    [Fact]
    public void Readme_ShowsTheFhirRegionVerbatim()
    {
        string root = RepositoryRoot();
        string source = File.ReadAllText(Path.Combine(root, "tests", "IL2Schedule.Fhir.Tests", "ReadmeTests.cs"));
        string region = source.Split("#region fhir\n")[1].Split("#endregion\n")[0];
        string code = string.Join("\n", region.Split('\n').SkipLast(1).Select(line => line.Length >= 8 ? line[8..] : line.TrimStart()));

        File.ReadAllText(Path.Combine(root, "docs", "fhir.md")).Should().Contain("```csharp\n" + code + "\n```");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "IL2Schedule.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("IL2Schedule.sln not found above " + AppContext.BaseDirectory);
        }
        return folder.FullName;
    }

    private static List<string> FhirExample()
    {
        var output = new List<string>();
        void WriteLine(object value) => output.Add(value.ToString()!);

        #region fhir
        // using static System.Console; using IL2Schedule; using IL2Schedule.Fhir; using IL2Schedule.Records; using Hl7.Fhir.Model; using NodaTime;
        var plan = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");
        var mapper = new FhirCourseMapper("Patient/123");
        Bundle transaction = mapper.ToTransaction(plan); // POST it to the FHIR server's base URL
        WriteLine(FhirCourseMapper.Serialize(transaction).Length > 0);

        // What the ward charted comes back as MedicationAdministrations (a Bundle or a JSON array).
        CourseRecord charted = CourseRecord.Start(plan).Apply(new DoseHeld("e1", cycle: 1, slot: 1, reason: "hypotension"));
        string administrations = FhirCourseMapper.Serialize(mapper.ToCollection(charted));
        CourseRecord readBack = mapper.ApplyAdministrations(CourseRecord.Start(plan), administrations);
        WriteLine(readBack.Equals(charted)); // True: the round trip loses nothing
        #endregion

        return output;
    }
}
