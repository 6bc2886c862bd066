package claimgraph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Starts a persistent Neo4j Community database with the Bolt connector on loopback, so the
 * Node.js service (and Neo4j Browser, cypher-shell, ...) talk to it exactly as to a server.
 *
 * Usage: EmbeddedNeo4j <dataDir> <boltPort> [pageCacheBytes] [setting=value ...]
 *
 * With CLAIMGRAPH_NEO4J_PASSWORD in the environment (never on the command line, where any local
 * user could read it), authentication is on and the user neo4j gets that password; file URLs for
 * LOAD CSV are refused and no procedure runs unrestricted.
 *
 * Prints one line "claimgraph-neo4j ready bolt://127.0.0.1:<port>" once Bolt accepts
 * connections, and shuts down cleanly (checkpoint, release the store lock) on SIGTERM/SIGINT.
 *
 * With CLAIMGRAPH_NEO4J_TRAINING=1 it stops by itself once ready and exits normally: the run that
 * records the classes a start loads into a class-data sharing archive (-XX:ArchiveClassesAtExit,
 * which Java 17 writes only on a normal exit, not on a signal).
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EmbeddedNeo4j <dataDir> <boltPort> [pageCacheBytes]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        // 512 MiB page cache by default: the working set of a 100k-claim graph fits with room,
        // and leaves most of a 24 GiB / 2-core machine to the JVM heap, Node.js and the OS.
        long pageCache = args.length > 2 ? Long.parseLong(args[2]) : 512L * 1024 * 1024;
        Files.createDirectories(home);
        // Further arguments are raw Neo4j settings (name=value), e.g. Cypher planner tuning. The
        // builder takes raw settings only from a file, so they are written to one beside the store.
        StringBuilder conf = new StringBuilder("# Written by claimgraph at every start; edits are overwritten.\n");
        for (int i = 3; i < args.length; i++) {
            if (args[i].indexOf('=') <= 0) {
                System.err.println("not a setting=value argument: " + args[i]);
                System.exit(2);
            }
            conf.append(args[i]).append('\n');
        }
        Path confFile = home.resolve("claimgraph-neo4j.conf");
        Files.writeString(confFile, conf.toString());

        String password = System.getenv("CLAIMGRAPH_NEO4J_PASSWORD");
        boolean auth = password != null && !password.isEmpty();
        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(confFile)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Loopback is not a boundary against other local processes: a password guards Bolt.
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // LOAD CSV FROM 'file:///...' would read any file the JVM can.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of())
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("claimgraph-neo4j stopping");
            dbms.shutdown();
            System.out.println("claimgraph-neo4j stopped");
            stopped.countDown();
        }, "claimgraph-neo4j-shutdown"));

        if (auth) setPasswordOnce(dbms, home, password);

        // Touch the default database so "ready" means a query can run, not only that Bolt is bound.
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        db.executeTransactionally("RETURN 1");
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("claimgraph-neo4j ready bolt://127.0.0.1:" + port + " data=" + home + " in " + ms + "ms");
        System.out.flush();
        if ("1".equals(System.getenv("CLAIMGRAPH_NEO4J_TRAINING"))) {
            dbms.shutdown();
            System.exit(0);
        }
        stopped.await();
    }

    /**
     * The password is applied once per store and per password, not at every start: the ALTER USER
     * (the first query of the system database, planned cold) was a second or two of each start.
     * The marker holds a digest of the password applied, beside the password file itself.
     */
    private static void setPasswordOnce(DatabaseManagementService dbms, Path home, String password) throws Exception {
        // Inside data/, so a store deleted and made anew gets its password again.
        Path marker = home.resolve("data").resolve("claimgraph-password-applied.sha256");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        if (Files.exists(marker) && Files.readString(marker).trim().equals(digest)) return;
        setPassword(dbms, password);
        Files.writeString(marker, digest + "\n");
    }

    /**
     * Gives the user neo4j the configured password (the embedded API is trusted and needs none).
     * At every start, so a store made before auth was on, or a changed password file, is taken
     * up; Neo4j refuses to "change" a password to itself, which means it is already right.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
            if (!message.contains("Old password and new password cannot be the same")) throw e;
        }
    }
}
