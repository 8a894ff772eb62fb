// How long a test waits for a Neo4j it starts to answer on Bolt: 20 s on an idle machine, several
// minutes when other work holds both cores (a CI machine may be busy; the suite must still pass).
export const NEO4J_TEST_START_MS = 600_000;
