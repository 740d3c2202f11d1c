#!/bin/sh
# Records the built jars of the API bundles as the baseline release VERSION (see README.md in this folder).
# usage: releng/baseline/refresh.sh VERSION [BUNDLE...]   (run from the checkout after ./mvnw -B verify;
# without BUNDLE: every bundle that switches the baseline check on, in its build.properties or, when it has one,
# its pom.xml)
set -eu
V=${1:?usage: refresh.sh VERSION [BUNDLE...]}
shift
cd "$(dirname "$0")/../.."
if [ $# -eq 0 ]; then
    set -- $( (grep -l '^pom.model.property.calphot.baseline.skip *= *false' bundles/*/build.properties;
        grep -l '<calphot.baseline.skip>false<' bundles/*/pom.xml) | cut -d/ -f2 | sort -u)
fi
for b in "$@"; do
    jar=$(ls bundles/$b/target/$b-*.jar 2>/dev/null | grep -v -- '-sources\|-tests' | head -1)
    [ -n "$jar" ] || { echo "no built jar for $b (run ./mvnw -B -o verify first)" >&2; exit 1; }
    d=releng/baseline/org/calphot/$b
    mkdir -p "$d/$V"
    cp "$jar" "$d/$V/$b-$V.jar"
    cat > "$d/$V/$b-$V.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.calphot</groupId>
  <artifactId>$b</artifactId>
  <version>$V</version>
  <packaging>jar</packaging>
  <description>API baseline: $b as released in calphot $V (see releng/baseline/README.md)</description>
</project>
POM
    versions=$(ls "$d" | grep -v '^maven-metadata' | sort -V)
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo '<metadata>'
        echo "  <groupId>org.calphot</groupId>"
        echo "  <artifactId>$b</artifactId>"
        echo '  <versioning>'
        echo "    <latest>$(echo "$versions" | tail -1)</latest>"
        echo "    <release>$(echo "$versions" | tail -1)</release>"
        echo '    <versions>'
        for x in $versions; do echo "      <version>$x</version>"; done
        echo '    </versions>'
        echo "    <lastUpdated>$(date -u +%Y%m%d%H%M%S)</lastUpdated>"
        echo '  </versioning>'
        echo '</metadata>'
    } > "$d/maven-metadata.xml"
    for f in "$d/$V/$b-$V.jar" "$d/$V/$b-$V.pom" "$d/maven-metadata.xml"; do
        sha1sum "$f" | cut -d' ' -f1 | tr -d '\n' > "$f.sha1"
    done
    # Maven keeps a resolved release in ~/.m2; a jar replaced under the same version is seen only without it
    rm -rf "${HOME}/.m2/repository/org/calphot/$b/$V"
    echo "$b $V <- $jar"
done
