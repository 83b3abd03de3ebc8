#!/usr/bin/env bash
# Regenerates the tzdb test fixtures tests/IL2Schedule.Tests/TestData/tzdb/tzdb-{2019c,2025b}.nzd:
# restores NodaTime 2.4.7 and 3.2.2 from the configured NuGet source (a throwaway project with
# PackageDownload items, outside this repository), copies the resource NodaTime.TimeZones.Tzdb.nzd
# out of each package's lib/netstandard2.0/NodaTime.dll, and prints the sha256 of each file for
# tests/IL2Schedule.Tests/TestData/tzdb/README.md.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/tests/IL2Schedule.Tests/TestData/tzdb"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/extract"

cat > "$work/extract/Extract.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="NodaTime" Version="[2.4.7];[3.2.2]" />
  </ItemGroup>
</Project>
XML
# Loads each NodaTime.dll into its own load context (no code of it runs) and copies the resource.
cat > "$work/extract/Program.cs" <<'CS'
using System.Runtime.Loader;
var (dll, target) = (args[0], args[1]);
var context = new AssemblyLoadContext(dll, isCollectible: true);
using var resource = context.LoadFromAssemblyPath(dll).GetManifestResourceStream("NodaTime.TimeZones.Tzdb.nzd")
    ?? throw new InvalidOperationException($"{dll} has no resource NodaTime.TimeZones.Tzdb.nzd");
using var file = File.Create(target);
resource.CopyTo(file);
CS
dotnet restore "$work/extract" --packages "$work/packages" >/dev/null
dotnet build "$work/extract" -c Release -o "$work/bin" --no-restore >/dev/null
for pair in 2.4.7:2019c 3.2.2:2025b; do
  version="${pair%%:*}" tzdb="${pair##*:}"
  dotnet "$work/bin/Extract.dll" "$work/packages/nodatime/$version/lib/netstandard2.0/NodaTime.dll" "$out/tzdb-$tzdb.nzd"
  echo "NodaTime $version -> tzdb-$tzdb.nzd sha256 $(sha256sum "$out/tzdb-$tzdb.nzd" | cut -d' ' -f1)" \
    "(package sha512 $(cat "$work/packages/nodatime/$version/nodatime.$version.nupkg.sha512"))"
done
