package de.catalogsync;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import de.catalogsync.operate.CatalogSyncCli;

/**
 * Entry point. The command line is parsed first (picocli) so that {@code --help} and usage errors never boot
 * Spring; each command then starts the application context it needs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CatalogSyncApplication {

    public static void main(String[] args) {
        System.exit(CatalogSyncCli.run(args));
    }
}
