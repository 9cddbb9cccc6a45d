#!/usr/bin/env bash
# splice-spark launcher: SpLiCE features, feature-table conversion and the MLlib probe on Apache Spark.
#   ./splice-spark.sh features --config FILE [--master local[*]]     # Parquet tables under <output>/parquet/
#   ./splice-spark.sh convert --from DIR --to DIR                      # Parquet <-> feature sets
#   ./splice-spark.sh probe --table DIR --l1 L --out DIR               # MLlib L1 probe -> probe folder
# Runs in local mode with Spark from the Maven build (no Spark installation needed). On a cluster use spark-submit
# with splice-spark/target/splice-spark.jar instead (README "Spark").
set -euo pipefail
# `./splice spark-features ...` and `./splice convert ...` land here; spark-features is our `features`
if [[ "${1:-}" == "spark-features" ]]; then shift; set -- features "$@"; fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/splice-spark/target/splice-spark.jar"
cp_file="$here/splice-spark/target/spark-classpath.txt"
export OPT_OUT_TRACKING=true
if [[ ! -f "$jar" || ! -f "$cp_file" ]] || [[ -n "$(find "$here/pom.xml" "$here/splice-features/src/main" "$here/splice-spark/src/main" "$here/splice-features/pom.xml" "$here/splice-spark/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "splice-spark: building (first use or sources changed)..." >&2
  (cd "$here" && ./mvnw -B -q -ntp -DskipTests package -pl splice-spark -am \
     && ./mvnw -B -q -ntp compile dependency:build-classpath -pl splice-spark -am -Dmdep.includeScope=provided -Dmdep.outputFile="$cp_file") >&2
fi
# Spark's --add-opens for Java 17 (the same list as splice-spark/pom.xml, from org.apache.spark.launcher.JavaModuleOptions)
opens="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
exec java ${SPLICE_JAVA_OPTS:--Xmx8g} $opens -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -Dai.djl.offline=true -Djava.awt.headless=true -cp "$jar:$(cat "$cp_file")" org.splicecbm.spark.SparkCli "$@"
