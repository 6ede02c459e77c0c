// kg's local Neo4j: the embedded Community engine with the Bolt connector, run by `kg neo4j start`.
//
// Reads its settings from system properties set by kg/neo4j_server.py:
//   kg.home (data, logs), kg.host, kg.port (Bolt), kg.user,
//   kg.pagecache (page cache size, e.g. "1g"), kg.txmemory (dbms.memory.transaction.total.max: the
//   memory all running transactions may hold together, e.g. "2g"; "0" = no limit).
// Memory defaults live in kg/neo4j_server.py (MEMORY_DEFAULTS, overridden by KG_NEO4J_HEAP,
// KG_NEO4J_PAGECACHE, KG_NEO4J_TX_MEMORY); the heap is the JVM's -Xmx.
// the password comes from the environment variable KG_NEO4J_PASSWORD (kept off the command line).
// Auth is enabled; the user's password is set on every start through the system database,
// the way embedded Neo4j 5 allows (there is no neo4j.conf or neo4j-admin here).
// Stops cleanly on SIGTERM through a shutdown hook.

import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

public final class KgNeo4jServer {
    private KgNeo4jServer() {}

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing system property -D" + name);
        }
        return value;
    }

    private static String password() {
        String value = System.getenv("KG_NEO4J_PASSWORD");
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing environment variable KG_NEO4J_PASSWORD");
        }
        return value;
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(setting("kg.home")).toAbsolutePath();
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address,
                        new SocketAddress(setting("kg.host"), Integer.parseInt(setting("kg.port"))))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(setting("kg.pagecache")))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
                        ByteUnit.parse(setting("kg.txmemory")))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "kg-neo4j-shutdown"));
        setPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME),
                setting("kg.user"), password());
        System.out.println("kg-neo4j: ready on bolt://" + setting("kg.host") + ":" + setting("kg.port"));
        Thread.currentThread().join();  // serve until SIGTERM runs the shutdown hook
    }

    // Create the user if needed and set its password (parameters, never spliced).
    private static void setPassword(GraphDatabaseService system, String user, String password) {
        Map<String, Object> params = Map.of("user", user, "password", password);
        system.executeTransactionally(
                "CREATE USER $user IF NOT EXISTS SET PASSWORD $password CHANGE NOT REQUIRED", params);
        system.executeTransactionally(
                "ALTER USER $user SET PASSWORD $password CHANGE NOT REQUIRED", params);
    }
}
