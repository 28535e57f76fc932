package de.catalogsync.operate;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs as a service: the nightly sync on its schedule (catalog.schedule.cron, .zone) and the "
                + "admin HTTP API with Actuator (health, info, metrics, prometheus).",
                "Needs an admin user (catalog.security.users) or a JWT issuer (catalog.security.jwt)."})
public class ServeCommand implements Callable<Integer> {

    @Mixin
    ContextOptions context;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: server.port, 8080; 0 picks a free one).")
    Integer port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--catalog.serve.enabled=true"));
        if (port != null) {
            args.add("--server.port=" + port);
        }
        ConfigurableApplicationContext ctx = context.start(WebApplicationType.SERVLET, args);
        if (ctx instanceof WebServerApplicationContext web) {
            spec.commandLine().getOut().println("catalog-sync serving on port " + web.getWebServer().getPort());
            spec.commandLine().getOut().flush();
        }
        CountDownLatch closed = new CountDownLatch(1);
        ctx.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        closed.await();
        return ExitCodes.OK;
    }
}
