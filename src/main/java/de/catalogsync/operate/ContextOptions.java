package de.catalogsync.operate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** The options every command that reads the configuration shares. */
public class ContextOptions {

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Folder with application.yml (default: ./config).")
    Path configDir;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Where to publish (default: catalog.output-dir, ./output).")
    Path outputDir;

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
