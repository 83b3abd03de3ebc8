using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace IL2Schedule.Fhir.Tests;

/// <summary>
/// One Firely validator for the whole run, offline: the R4 base profiles from
/// Hl7.Fhir.Specification.Data.R4's specification.zip, cached, with the local terminology service.
/// Building its schemas takes seconds, so every validating test class shares it.
/// </summary>
public sealed class FhirValidatorFixture
{
    private readonly Validator validator;

    public FhirValidatorFixture()
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        validator = new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver));
    }

    /// <summary>Validates against the resource's base R4 profile; serialised, as the validator is not documented as thread-safe.</summary>
    public IReadOnlyList<OperationOutcome.IssueComponent> Validate(Resource resource)
    {
        lock (validator)
        {
            return validator.Validate(resource).Issue;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FhirValidatorGroup : ICollectionFixture<FhirValidatorFixture>
{
    public const string Name = "FHIR validator";
}
