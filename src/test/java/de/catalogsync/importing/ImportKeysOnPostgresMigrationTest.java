package de.catalogsync.importing;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import de.catalogsync.testing.PostgresSchema;

/** Schema V12 on PostgreSQL, the production database, with imports to convert: bytea blocks, import_key gone. */
@PostgresSchema.Required
class ImportKeysOnPostgresMigrationTest {

    @Test
    void schemaV12MovesEachImportsKeysIntoBlocksOnPostgres(PostgresSchema schema) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(schema.url(), PostgresSchema.USER,
                PostgresSchema.PASSWORD, true);
        try {
            ImportKeysMigrationTest.v12MovesEachImportsKeysIntoBlocks(dataSource);
        } finally {
            dataSource.destroy();
        }
    }
}
