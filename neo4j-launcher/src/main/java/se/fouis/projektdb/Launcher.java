package se.fouis.projektdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded, with Bolt on 127.0.0.1 and authentication on.
 *
 * Usage: Launcher HOME_DIR BOLT_PORT PASSWORD_FILE [PAGECACHE]
 *
 * On the first start the password from PASSWORD_FILE is set for the user neo4j while Bolt is still
 * closed, so the server is never reachable with the default password. Prints "READY" once Bolt
 * listens; a SIGTERM shuts the database down cleanly.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Launcher HOME_DIR BOLT_PORT PASSWORD_FILE [PAGECACHE]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = Files.readString(Path.of(args[2])).strip();
        String pagecache = args.length > 3 ? args[3] : "256m";
        Path marker = home.resolve("auth-initialised");

        if (!Files.exists(marker)) {
            DatabaseManagementService setup = builder(home, port, pagecache, false).build();
            try {
                setup.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", password));
            } finally {
                setup.shutdown();
            }
            Files.writeString(marker, "password set\n");
        }

        DatabaseManagementService dbms = builder(home, port, pagecache, true).build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static DatabaseManagementServiceBuilder builder(Path home, int port, String pagecache, boolean bolt) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, org.neo4j.io.ByteUnit.parse(pagecache))
                .setConfig(BoltConnector.enabled, bolt)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false);
    }
}
