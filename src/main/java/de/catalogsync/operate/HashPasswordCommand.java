package de.catalogsync.operate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {"Reads a password from standard input and prints its bcrypt hash for "
                + "catalog.security.users[].password-hash, so that no plain password is ever configured."})
public class HashPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String password;
        if (System.console() != null) {
            char[] typed = System.console().readPassword("password: ");
            password = typed == null ? null : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            throw new UsageException("no password given on standard input");
        }
        spec.commandLine().getOut().println(new BCryptPasswordEncoder().encode(password));
        return ExitCodes.OK;
    }
}
