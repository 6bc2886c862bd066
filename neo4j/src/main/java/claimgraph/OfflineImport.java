package claimgraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

/**
 * Runs Neo4j's own bulk importer (the machinery of `neo4j-admin database import full`) on the
 * store that EmbeddedNeo4j serves, from CSV files that claimgraph wrote from validated documents.
 *
 * Usage: OfflineImport <dataDir> <import arguments...>
 *
 * The arguments are those of `neo4j-admin database import full` (claimgraph builds them: the node
 * and relationship files, delimiters, the database name). The store must not be in use: the
 * importer takes the store lock and fails cleanly when a server holds it. The exit code is the
 * importer's.
 */
public final class OfflineImport {
    private OfflineImport() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: OfflineImport <dataDir> <neo4j-admin database import full arguments...>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home);
        // neo4j-admin reads neo4j.conf from a conf directory; an empty one means Neo4j's defaults,
        // which are also what the embedded server runs with (the same store layout under home).
        Path conf = home.resolve("import-conf");
        Files.createDirectories(conf);
        Path confFile = conf.resolve("neo4j.conf");
        if (!Files.exists(confFile)) Files.writeString(confFile, "# Written by claimgraph for offline imports.\n");
        String[] importArgs = new String[args.length - 1 + 3];
        importArgs[0] = "database";
        importArgs[1] = "import";
        importArgs[2] = "full";
        System.arraycopy(args, 1, importArgs, 3, args.length - 1);
        int code = AdminTool.execute(new ExecutionContext(home, conf), importArgs);
        System.out.flush();
        System.err.flush();
        if (code != 0) System.err.println("claimgraph-offline-import failed with exit code " + code + " (arguments: " + Arrays.toString(Arrays.copyOfRange(args, 1, args.length)) + ")");
        System.exit(code);
    }
}
