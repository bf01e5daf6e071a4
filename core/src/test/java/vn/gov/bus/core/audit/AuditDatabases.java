package vn.gov.bus.core.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The two databases the audit log must work on: H2 (embedded default) and a real PostgreSQL. */
enum AuditDatabases {
    H2 {
        @Override
        DataSource fresh() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:audit" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            return migrated(ds);
        }

        @Override
        DataSource anotherNodeOf(DataSource db) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(((JdbcDataSource) db).getURL());
            return ds;
        }
    },
    POSTGRESQL {
        @Override
        DataSource fresh() {
            String name = "audit_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = Postgres.SERVER.getPostgresDatabase().getConnection();
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {"localhost"});
            ds.setPortNumbers(new int[] {Postgres.SERVER.getPort()});
            ds.setDatabaseName(name);
            ds.setUser("postgres");
            return migrated(ds);
        }

        @Override
        DataSource anotherNodeOf(DataSource db) {
            PGSimpleDataSource first = (PGSimpleDataSource) db;
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(first.getServerNames());
            ds.setPortNumbers(first.getPortNumbers());
            ds.setDatabaseName(first.getDatabaseName());
            ds.setUser(first.getUser());
            return ds;
        }
    };

    abstract DataSource fresh();

    /**
     * A second data source on the same database, as a second bus node has: its own connections
     * (for H2, the same URL: the connections of one in-memory database, each its own session).
     */
    abstract DataSource anotherNodeOf(DataSource db);

    static DataSource migrated(DataSource ds) {
        Flyway.configure().dataSource(ds).load().migrate();
        return ds;
    }

    /** One PostgreSQL server per test JVM (about a second to start), one database per test. */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is ending
                    }
                }));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
    }
}
