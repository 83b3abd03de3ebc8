using System;
using System.CommandLine;
using System.IO;
using IL2Schedule.Fhir;
using IL2Schedule.Records;

namespace IL2Schedule.Cli;

/// <summary>
/// The FHIR R4 side of <c>plan</c> and <c>replay</c>: <c>--patient</c>, the bundles written by
/// <c>--format fhir|fhir-transaction</c>, and <c>--fhir-administrations FILE</c> read into a record.
/// </summary>
internal static class FhirOutput
{
    internal static Option<string?> CreatePatientOption() => new("--patient")
    {
        Description = "With FHIR formats or --fhir-administrations: the patient as a FHIR reference, Patient/ and an id (e.g. Patient/123); the subject of every resource and part of every id.",
    };

    /// <summary>The mapper for <c>--patient</c>, which FHIR output and input need.</summary>
    /// <exception cref="CliUsageException">No patient was given, or it is not Patient/ and an id.</exception>
    internal static FhirCourseMapper Mapper(string? patient, string neededBy)
    {
        if (patient is null)
        {
            throw new CliUsageException($"{neededBy} needs --patient, the patient's FHIR reference (e.g. Patient/123)");
        }
        try
        {
            return new FhirCourseMapper(patient);
        }
        catch (ArgumentException)
        {
            throw new CliUsageException("--patient must be Patient/ and a FHIR id of 1 to 64 letters, digits, '-' or '.', like Patient/123; was '" + InputText.ForMessage(patient) + "'");
        }
    }

    /// <summary>The planned course as a FHIR JSON bundle: <c>fhir</c> a collection, <c>fhir-transaction</c> a transaction.</summary>
    internal static string Plan(CourseSchedule schedule, string format, string? patient)
    {
        var mapper = Mapper(patient, "--format " + format);
        return FhirCourseMapper.Serialize(format == "fhir-transaction" ? mapper.ToTransaction(schedule) : mapper.ToCollection(schedule)) + Environment.NewLine;
    }

    /// <summary>A recorded course as a FHIR JSON collection bundle: the plan's resources and a MedicationAdministration per dose event.</summary>
    /// <exception cref="CliUsageException">No usable patient, or the record corrects a dose into another kind of event.</exception>
    internal static string Record(CourseRecord record, string? patient)
    {
        var mapper = Mapper(patient, "--format fhir");
        try
        {
            return FhirCourseMapper.Serialize(mapper.ToCollection(record)) + Environment.NewLine;
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException("--format fhir: " + e.Message.Replace(" (Parameter 'record')", "", StringComparison.Ordinal));
        }
    }

    /// <summary>Applies the MedicationAdministrations in <paramref name="path"/> to the record, all or nothing.</summary>
    /// <exception cref="CliUsageException">The file cannot be read, or its administrations cannot be mapped or are rejected.</exception>
    internal static CourseRecord ApplyAdministrations(CourseRecord record, string path, string? patient)
    {
        var mapper = Mapper(patient, "--fhir-administrations");
        string text = InputFile.ReadAllText(path, "--fhir-administrations file", InputLimits.MaxFhirJsonBytes, nameof(InputLimits.MaxFhirJsonBytes));
        try
        {
            return mapper.ApplyAdministrations(record, text);
        }
        catch (FhirMappingException e) when (e.Element == FhirMappingException.WholeInput)
        {
            throw new CliUsageException($"--fhir-administrations file '{InputText.ForMessage(path)}' {CliApplication.OneLine(e.Reason)}");
        }
        catch (FhirMappingException e)
        {
            throw new CliUsageException($"--fhir-administrations file '{InputText.ForMessage(path)}': {CliApplication.OneLine(e.Message)}");
        }
    }
}
