"""Checks every IL2Schedule library package in a folder: its own README, a .snupkg beside it whose
.pdb carries SourceLink JSON mapping the repository to raw sources at one commit, the repository
URL and commit in the .nuspec, and the licence expression. Prints one line per package; exits 1 on
any problem. The SourceLink blob of a portable PDB is plain UTF-8 JSON, found here by its opening."""
import glob, json, re, sys, zipfile

folder, expected_packages = sys.argv[1], sys.argv[2:]
failed = False
for name in expected_packages:
    problems = []
    (package,) = glob.glob(f"{folder}/{name}.[0-9]*.nupkg")
    archive = zipfile.ZipFile(package)
    readme = archive.read("README.md").decode() if "README.md" in archive.namelist() else ""
    if not readme.startswith(f"# {name}\n"):
        problems.append("its own README.md (starting '# " + name + "')")
    if re.search(r"\]\((?!https://)[^)]*\)", readme):
        problems.append("README links that are absolute")
    nuspec = archive.read(f"{name}.nuspec").decode()
    repository = re.search(r'<repository type="git" url="(https://[^"]+)"[^>]*commit="([0-9a-f]{40})"', nuspec)
    if not repository:
        problems.append("a repository url and commit in the nuspec")
    if "<license type=\"expression\">Apache-2.0</license>" not in nuspec:
        problems.append("the Apache-2.0 licence expression")
    if "<releaseNotes>" not in nuspec:
        problems.append("release notes")
    symbols = package[: -len(".nupkg")] + ".snupkg"
    try:
        pdb = zipfile.ZipFile(symbols).read(f"lib/net10.0/{name}.pdb")
    except (FileNotFoundError, KeyError):
        problems.append(f"{symbols} with lib/net10.0/{name}.pdb")
        pdb = b""
    start = pdb.find(b'{"documents":')
    if pdb and start < 0:
        problems.append("SourceLink JSON in the pdb")
    elif pdb:
        source_link, _ = json.JSONDecoder().raw_decode(pdb[start:].decode("utf-8", "replace"))
        urls = list(source_link["documents"].values())
        if not repository or not all(u.startswith("https://raw.githubusercontent.com/") and u.endswith(f"/{repository.group(2)}/*") for u in urls):
            problems.append(f"SourceLink to the nuspec's commit (has {urls})")
    print(package, "has README, symbols, SourceLink, repository, licence and release notes" if not problems else "lacks " + "; ".join(problems))
    failed |= bool(problems)
sys.exit(1 if failed else 0)
