using System.IO;
using FluentAssertions;

namespace IL2Schedule.Fhir.Tests;

/// <summary>Regression tests for what fuzzing the FHIR reader found (fuzz/run.sh fhir; docs/testing.md).</summary>
public partial class FhirCourseMapperTests
{
    // Found by AFL++ (2 crashes in 10 minutes), each a mutated export of the worked example's
    // administrations: Firely's deserializer threw InvalidOperationException ("Encountered unexpected
    // token PropertyName ... for property 'identifier'", a lone resource) and IndexOutOfRangeException
    // (an element of an array), which ApplyAdministrations does not document.
    [Theory]
    [InlineData("parser-1.json", "(input)", typeof(InvalidOperationException))]
    // parser-2.json: element [1] has an extension with an empty property name, {"": 3} (read with Python's json).
    [InlineData("parser-2.json", "[1]", typeof(IndexOutOfRangeException))]
    public void MalformedJsonThatFirelyFailsOn_IsAFhirMappingExceptionNamingTheElement(string file, string element, Type firelyException)
    {
        string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "FuzzFindings", file));

        var apply = () => Courses.Mapper.ApplyAdministrations(Fresh, json);

        var thrown = apply.Should().ThrowExactly<FhirMappingException>().Which;
        thrown.Element.Should().Be(element);
        thrown.Message.Should().Contain("is not FHIR R4 JSON: ");
        thrown.InnerException.Should().BeOfType(firelyException);
    }
}
