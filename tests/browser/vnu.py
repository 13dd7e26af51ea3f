"""The Nu HTML Checker (vnu.jar), fetched from the npm registry on first use and cached.

The jar is not kept in the repository: ``npm pack vnu-jar@VERSION`` downloads the
package into a cache folder (VNU_CACHE, default ~/.cache/filmmaker-tests/vnu).
VNU_JAR points at an existing jar instead.
"""

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

VNU_VERSION = "26.9.27"
CACHE = Path(os.environ.get("VNU_CACHE", Path.home() / ".cache" / "filmmaker-tests" / "vnu"))


class CheckerUnavailable(Exception):
    pass


def jar_path():
    if os.environ.get("VNU_JAR"):
        return Path(os.environ["VNU_JAR"])
    jar = CACHE / VNU_VERSION / "vnu.jar"
    if jar.exists():
        return jar
    if not shutil.which("npm"):
        raise CheckerUnavailable("npm is needed to fetch the Nu HTML Checker (vnu-jar).")
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "pack", f"vnu-jar@{VNU_VERSION}", "--silent", "--pack-destination", str(CACHE)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    archive = CACHE / f"vnu-jar-{VNU_VERSION}.tgz"
    with tarfile.open(archive) as tar:
        member = tar.getmember("package/build/dist/vnu.jar")
        member.name = "vnu.jar"
        jar.parent.mkdir(parents=True, exist_ok=True)
        tar.extract(member, jar.parent, filter="data")
    archive.unlink()
    return jar


def check(files, css=False):
    """Validate HTML (or, with ``css``, CSS) files; returns the checker's messages of type "error", per file."""
    if not shutil.which("java"):
        raise CheckerUnavailable("Java is needed to run the Nu HTML Checker.")
    jar = jar_path()
    result = subprocess.run(
        ["java", "-jar", str(jar), *(["--css"] if css else []), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
