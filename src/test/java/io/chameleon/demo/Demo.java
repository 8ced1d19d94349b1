package io.chameleon.demo;

import io.chameleon.testing.ReplicaCatchUp;
import io.chameleon.cli.Main;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.replica.ReplicaDaemon;
import io.chameleon.testing.TableComparator;
import io.chameleon.testing.TestServers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The demo replica on a fresh machine, nothing installed: embedded MariaDB and PostgreSQL, a small
 * shop schema with data, then chameleon's own commands (create_replica_schema, add_source,
 * init_replica), the replica following a short shop workload, show_status, and a value-by-value
 * comparison of every table.
 * Run with {@code bin/chameleon demo} (which runs {@code mvn -q -B test-compile exec:java@demo});
 * DemoIT runs it in the test suite.
 */
public final class Demo {
    private static final List<String> TABLES = List.of("customers", "products", "orders", "order_items");

    private Demo() {}

    public static void main(String[] args) throws Exception {
        boolean ok = run();
        // the servers stop in shutdown hooks
        System.exit(ok ? 0 : 1);
    }

    /** Runs the whole demo; true when both sides hold the same data. */
    static boolean run() throws Exception {
        say("starting embedded MariaDB and PostgreSQL (first run unpacks them: a few seconds)");
        String shop = TestServers.createMysqlDatabase("shop");
        String db = TestServers.createPgDatabase("replica");
        say("creating the MariaDB schema " + shop + " with customers, products, orders and order items");
        createShop(shop);
        Path config = Files.createTempDirectory("chameleon-demo").resolve("demo.yml");
        Files.writeString(config, config(shop, db, config.getParent()));
        say("configuration: " + config);

        run("create_replica_schema", "--config", config.toString());
        run("add_source", "--config", config.toString(), "--source", "mysql");
        run("init_replica", "--config", config.toString(), "--source", "mysql", "--debug");

        say("start_replica: following MariaDB while a shop workload runs (new orders, payments, cancellations,"
                + " price changes, a customer changing e-mail)");
        ChameleonConfig loaded = ConfigLoader.load(config);
        ReplicaDaemon daemon = ReplicaDaemon.prepare(loaded, loaded.source("mysql"));
        Thread replica = new Thread(() -> {
            try {
                daemon.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "replica");
        replica.start();
        try (Connection my = TestServers.mysqlConnection(shop)) {
            long start = System.nanoTime();
            int transactions = workload(my);
            Duration lag = ReplicaCatchUp.awaitApplied(() -> TestServers.pgConnection(db), "mysql",
                    ReplicaCatchUp.sourcePosition(my), () -> null, Duration.ofSeconds(60));
            System.out.printf("  %d transactions in %.1f s; the replica had applied them all %d ms after the last commit%n",
                    transactions, (System.nanoTime() - start) / 1e9, lag.toMillis());
        }
        run("show_status", "--config", config.toString(), "--source", "mysql");
        daemon.stop();
        daemon.awaitFinished(Duration.ofSeconds(30));
        replica.join();

        say("comparing every table, row by row and value by value");
        int differences = 0;
        try (Connection my = TestServers.mysqlConnection(shop); Connection pg = TestServers.pgConnection(db)) {
            for (String t : TABLES) {
                List<String> diff = TableComparator.compare(my, shop, t, pg, "shop", 10);
                differences += diff.size();
                System.out.println("  " + t + ": " + (diff.isEmpty() ? "identical" : String.join("\n    ", diff)));
            }
        }
        say(differences == 0 ? "demo OK: MariaDB and PostgreSQL hold the same data" : "demo FAILED: differences above");
        return differences == 0;
    }

    /** A few hundred shop transactions; returns how many ran. */
    private static int workload(Connection my) throws SQLException {
        java.util.Random random = new java.util.Random(42);
        int n = 0;
        my.setAutoCommit(false);
        try (Statement s = my.createStatement()) {
            for (int i = 0; i < 300; i++, n++) {
                int customer = 1 + random.nextInt(20000);
                switch (i % 5) {
                    case 0, 1 -> {
                        s.execute("INSERT INTO orders (customer_id, note) VALUES (" + customer + ", 'demo order " + i + "')");
                        s.execute("INSERT INTO order_items SELECT LAST_INSERT_ID(), seq, 1 + seq * 7, seq, 4.99 * seq"
                                + " FROM seq_1_to_" + (1 + random.nextInt(4)));
                    }
                    case 2 -> s.execute("UPDATE orders SET status = 'paid' WHERE id = " + (1 + random.nextInt(100000)));
                    case 3 -> {
                        long order = 1 + random.nextInt(100000);
                        s.execute("UPDATE orders SET status = 'cancelled' WHERE id = " + order);
                        s.execute("DELETE FROM order_items WHERE order_id = " + order);
                    }
                    default -> s.execute("UPDATE products SET price = price * 1.1 WHERE id = " + (1 + random.nextInt(2000)));
                }
                my.commit();
            }
            s.execute("UPDATE customers SET email = CONCAT('new-', email) WHERE id = 7");
            my.commit();
        }
        return n + 1;
    }

    private static void createShop(String shop) throws Exception {
        try (Connection c = TestServers.mysqlConnection(shop); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                    + " email VARCHAR(200) NOT NULL, country CHAR(2), created_at DATETIME(3) NOT NULL,"
                    + " UNIQUE KEY uq_email (email))");
            s.execute("CREATE TABLE products (id INT AUTO_INCREMENT PRIMARY KEY, sku VARCHAR(20) NOT NULL,"
                    + " title VARCHAR(200) NOT NULL, price DECIMAL(10,2) NOT NULL DEFAULT 0.00, attributes JSON,"
                    + " category ENUM('books','games','tools','food') NOT NULL, UNIQUE KEY uq_sku (sku))");
            s.execute("CREATE TABLE orders (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, customer_id INT UNSIGNED NOT NULL,"
                    + " status ENUM('new','paid','shipped','cancelled') NOT NULL DEFAULT 'new',"
                    + " placed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), note TEXT, KEY k_customer (customer_id))");
            s.execute("CREATE TABLE order_items (order_id BIGINT UNSIGNED NOT NULL, line SMALLINT NOT NULL,"
                    + " product_id INT NOT NULL, quantity INT NOT NULL, price DECIMAL(10,2) NOT NULL,"
                    + " PRIMARY KEY (order_id, line))");
            s.execute("INSERT INTO customers (name, email, country, created_at) SELECT CONCAT('Customer ', seq, IF(seq % 7 = 0,"
                    + " ' 😀', ' é')), CONCAT('c', seq, '@example.com'), ELT(1 + seq % 4, 'FR', 'DE', 'JP', 'BR'),"
                    + " '2024-01-01' + INTERVAL seq MINUTE + INTERVAL (seq % 1000) * 1000 MICROSECOND FROM seq_1_to_20000");
            s.execute("INSERT INTO products (sku, title, price, attributes, category) SELECT CONCAT('SKU-', seq),"
                    + " CONCAT('Product \"', seq, '\"'), seq * 1.25, JSON_OBJECT('weight', seq % 50, 'tags', JSON_ARRAY('a', seq)),"
                    + " ELT(1 + seq % 4, 'books', 'games', 'tools', 'food') FROM seq_1_to_2000");
            s.execute("INSERT INTO orders (customer_id, status, placed_at, note) SELECT 1 + seq % 20000,"
                    + " ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'cancelled'), '2024-06-01' + INTERVAL seq SECOND,"
                    + " IF(seq % 10 = 0, CONCAT('line one\\nline two\\t', seq), NULL) FROM seq_1_to_100000");
            s.execute("INSERT INTO order_items SELECT o.seq, l.seq, 1 + (o.seq * l.seq) % 2000, 1 + l.seq, 9.99 * l.seq"
                    + " FROM seq_1_to_100000 o JOIN seq_1_to_3 l");
        }
    }

    private static String config(String shop, String db, Path dir) {
        TestServers.Endpoint my = TestServers.mysql();
        TestServers.Endpoint pg = TestServers.postgres();
        return "log_dest: stdout\nlog_level: info\npid_dir: '" + dir.resolve("pid") + "'\nlog_dir: '" + dir.resolve("logs")
                + "'\npg_conn:\n  host: \"" + pg.host() + "\"\n  port: \"" + pg.port() + "\"\n  user: \"" + pg.user()
                + "\"\n  password: \"" + pg.password() + "\"\n  database: \"" + db + "\"\nsources:\n  mysql:\n"
                + "    type: mysql\n    db_conn:\n      host: \"" + my.host() + "\"\n      port: \"" + my.port()
                + "\"\n      user: \"" + my.user() + "\"\n      password: \"" + my.password() + "\"\n"
                + "    schema_mappings:\n      " + shop + ": shop\n    copy_mode: direct\n";
    }

    private static void run(String... args) {
        System.out.println("\n$ chameleon " + String.join(" ", args));
        int code = Main.run(args, System.out, System.err);
        if (code != 0) {
            throw new IllegalStateException("chameleon " + args[0] + " exited " + code);
        }
    }

    private static void say(String s) {
        System.out.println("\n== " + s);
    }
}
