package de.catalogsync.operate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.ConversionException;

import de.catalogsync.CatalogSyncApplication;
import picocli.CommandLine.Option;

/** The options every command that reads the configuration shares. */
public class ContextOptions {

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Folder with application.yml (default: ./config).")
    Path configDir;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Where to publish (default: catalog.output-dir, ./output).")
    Path outputDir;

    /**
     * Starts the application without a web server. A configuration that cannot be bound or does not make sense
     * is wrong usage (exit 2) with its reason on one line, not a stack trace.
     */
    ConfigurableApplicationContext start() {
        return start(springArguments());
    }

    ConfigurableApplicationContext start(WebApplicationType type, List<String> extraArguments) {
        List<String> args = springArguments();
        args.addAll(extraArguments);
        return launch(type, args);
    }

    /** For commands that only read the configuration: nothing touches (or creates) the database. */
    ConfigurableApplicationContext startWithoutDatabase() {
        List<String> args = springArguments();
        args.add("--spring.main.lazy-initialization=true");
        args.add("--spring.flyway.enabled=false");
        args.add("--spring.batch.jdbc.initialize-schema=never");
        return start(args);
    }

    private ConfigurableApplicationContext start(List<String> args) {
        return launch(WebApplicationType.NONE, args);
    }

    private ConfigurableApplicationContext launch(WebApplicationType type, List<String> args) {
        try {
            return new SpringApplicationBuilder(CatalogSyncApplication.class)
                    .web(type)
                    // A batch command closes its context itself; on SIGTERM the run's own hook stops it cleanly
                    // first, and a context closed under it would cut it off. serve keeps Spring's hook.
                    .registerShutdownHook(type != WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof IllegalArgumentException || root instanceof IllegalStateException
                    || root instanceof BindException || root instanceof ConversionException) {
                throw new UsageException("configuration error: " + root.getMessage());
            }
            throw e;
        }
    }

    /** Spring arguments that apply these options. */
    List<String> springArguments() {
        List<String> args = new ArrayList<>();
        if (configDir != null) {
            if (!Files.isDirectory(configDir)) {
                throw new UsageException("--config-dir " + configDir + " is not a directory");
            }
            args.add("--spring.config.location=optional:classpath:/,file:" + configDir.toAbsolutePath() + "/");
        }
        if (outputDir != null) {
            args.add("--catalog.output-dir=" + outputDir);
        }
        return args;
    }
}
