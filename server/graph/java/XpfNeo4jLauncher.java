// Starts Neo4j through its own published server entry point, and stops it when the parent process
// goes away: the parent holds this JVM's stdin open, so end-of-file means it exited, even by SIGKILL.
// System.exit runs Neo4j's shutdown hook, so the store is closed cleanly and no JVM is orphaned.
public final class XpfNeo4jLauncher {
    public static void main(String[] args) throws Exception {
        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // The parent never writes; any byte is ignored.
                }
            } catch (java.io.IOException closed) {
                // A broken pipe means the same as end-of-file.
            }
            System.exit(0);
        }, "xpf-parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        // Looked up by name so this file compiles without Neo4j's jars on the class path.
        Class.forName("org.neo4j.server.CommunityEntryPoint")
            .getMethod("main", String[].class)
            .invoke(null, (Object) args);
    }
}
