// Starts Neo4j through its own published server entry point, and stops it when the parent process
// goes away: the parent holds this JVM's stdin open, so end-of-file means it exited, even by SIGKILL.
// System.exit runs Neo4j's shutdown hook, so the store is closed cleanly and no JVM is orphaned.
//
// On a store's first start the parent passes user neo4j's password in XPF_NEO4J_INITIAL_PASSWORD,
// and neo4j-admin's own `dbms set-initial-password` runs here, in this JVM, before the server starts:
// one JVM start fewer than running neo4j-admin apart (seconds on two busy cores), and the password is
// never on a command line, which every user of the machine can read.
import java.nio.file.Path;

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
        String initialPassword = System.getenv("XPF_NEO4J_INITIAL_PASSWORD");
        if (initialPassword != null) setInitialPassword(args, initialPassword);
        // Looked up by name so this file compiles without Neo4j's jars on the class path.
        Class.forName("org.neo4j.server.CommunityEntryPoint")
            .getMethod("main", String[].class)
            .invoke(null, (Object) args);
    }

    private static void setInitialPassword(String[] args, String password) throws Exception {
        Class<?> contextClass = Class.forName("org.neo4j.cli.ExecutionContext");
        Object context = contextClass
            .getConstructor(Path.class, Path.class)
            .newInstance(Path.of(option(args, "--home-dir=")), Path.of(option(args, "--config-dir=")));
        // `--` ends the options: a generated (base64url) password may begin with "-".
        Object code = Class.forName("org.neo4j.cli.AdminTool")
            .getMethod("execute", contextClass, String[].class)
            .invoke(null, context, new String[] {"dbms", "set-initial-password", "--", password});
        if (!Integer.valueOf(0).equals(code)) {
            System.err.println("neo4j-admin dbms set-initial-password failed (exit code " + code + ")");
            System.exit(1);
        }
    }

    private static String option(String[] args, String prefix) {
        for (String arg : args) if (arg.startsWith(prefix)) return arg.substring(prefix.length());
        throw new IllegalArgumentException("missing " + prefix);
    }
}
