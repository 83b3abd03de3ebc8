using FluentAssertions;

namespace IL2Schedule.Tests.Protocols;

public partial class CourseProtocolTests
{
    [Fact]
    public void Presets_NameTheLabelAndNciProtocols_Exactly()
    {
        CourseProtocol.Presets.Keys.Should().BeEquivalentTo("label", "nci");
        CourseProtocol.Presets["label"].Should().BeSameAs(CourseProtocol.Label);
        CourseProtocol.Presets["nci"].Should().BeSameAs(CourseProtocol.NciSurgeryBranch);
        CourseProtocol.Presets.ContainsKey("NCI").Should().BeFalse("names are case-sensitive");
    }
}
