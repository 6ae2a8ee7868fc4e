#!/usr/bin/env bash
# Demo message history: a month of the demo projects' messages (infra/seed/10-directory.sh's company), published into
# the local broker as the platform's events with their past times, so that each project's iframe dashboard shows
# realistic numbers and its 30-day chart: weekday briefings and reminders by email and SMS, quiet weekends, a few
# bounces (then sent by SMS), complaints, undelivered and failed SMS, suppressions, opens and clicks.
# Idempotent: ids come from the project, the day and the message's number that day, so a second run the same day
# publishes the same events (the consumers drop them as duplicates); a later run adds the days since.
# PEPTALK_SEED_MESSAGES=0 skips it.
set -Eeuo pipefail

GATEWAY=${PEPTALK_GATEWAY_URL:?run me through ./run up or ./run seed}
KAFKA=${PEPTALK_KAFKA_BOOTSTRAP_SERVERS:?no Kafka bootstrap servers (PEPTALK_KAFKA_BOOTSTRAP_SERVERS)}
: "${PEPTALK_LOCAL_ADMIN_KEY:?no local admin key (PEPTALK_LOCAL_ADMIN_KEY)}"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
RUN_DIR=${PEPTALK_RUN_DIR:-.run}
COMPANY="Peptalk Demo Construction"

if [ "${PEPTALK_SEED_MESSAGES:-1}" = 0 ]; then
  echo "message history skipped (PEPTALK_SEED_MESSAGES=0)"
  exit 0
fi

# The program runs on the event contracts and Kafka client that procore-iframe-service (which consumes these
# events) is built with: its jar holds them, so the seed needs no build of its own. Kept under the run directory.
JAR=procore-iframe-service/target/procore-iframe-service-0.1.0-SNAPSHOT.jar
LIB=$RUN_DIR/seed/message-history-lib
[ -f "$JAR" ] || { echo "$JAR is missing: ./run up builds it" >&2; exit 1; }
if [ ! -d "$LIB" ] || [ "$JAR" -nt "$LIB" ]; then
  rm -rf "$LIB" && mkdir -p "$LIB"
  # no logging backend: the Kafka client stays quiet (slf4j without a provider logs nothing, and says so only at
  # its internal verbosity WARN, which the run below turns down)
  unzip -q -o -j "$JAR" 'BOOT-INF/lib/peptalk-event-contracts-*' 'BOOT-INF/lib/kafka-clients-*' \
    'BOOT-INF/lib/jackson-core-3*' 'BOOT-INF/lib/jackson-databind-3*' 'BOOT-INF/lib/jackson-annotations-*' \
    'BOOT-INF/lib/slf4j-api-*' 'BOOT-INF/lib/lz4-java-*' 'BOOT-INF/lib/snappy-java-*' 'BOOT-INF/lib/zstd-jni-*' \
    -d "$LIB"
  touch "$LIB"
fi

"$JAVA" -Dslf4j.internal.verbosity=ERROR -cp "$LIB/*" infra/seed/message-history/MessageHistory.java "$GATEWAY" "$KAFKA" "$COMPANY"
echo "  Demo messages (infra/seed/40-message-history.sh): 30 days on every project of \"$COMPANY\"; see the iframe dashboards above" >>"${PEPTALK_SEED_SUMMARY:-/dev/null}"
echo "demo message history published"
