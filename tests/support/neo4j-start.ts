// How long a test waits for a Neo4j it starts to answer on Bolt: 20 s on an idle machine, several
// minutes when other work holds both cores (a CI machine may be busy; the suite must still pass).
export const NEO4J_TEST_START_MS = 600_000;

/**
 * JVM options for the short-lived Neo4j instances tests start of their own (not the run's shared one,
 * which serves every test for half an hour, and not the fault tests', which time the app as shipped):
 * the C1 compiler only. A JVM that lives a minute or two spends much of it compiling with C2 on cores
 * the other tests need; with C1 alone Neo4j answered about a fifth sooner and planned its first queries
 * about a third sooner, one core kept busy.
 */
export const TEST_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1'];
