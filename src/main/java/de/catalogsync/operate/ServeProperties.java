package de.catalogsync.operate;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of {@code serve}: the nightly schedule, uploads and who may use the admin API.
 *
 * @param schedule when the nightly sync runs
 * @param upload   where uploaded exports are kept and how large they may be
 * @param security admin users (bcrypt hashes) and, optionally, a JWT issuer
 */
@ConfigurationProperties("catalog")
public record ServeProperties(
        @DefaultValue Schedule schedule,
        @DefaultValue Upload upload,
        @DefaultValue Security security) {

    public record Schedule(@DefaultValue("0 30 2 * * *") String cron, @DefaultValue("Europe/Berlin") String zone,
                           @DefaultValue("true") boolean enabled) {
    }

    public record Upload(@DefaultValue("data/uploads") Path dir, @DefaultValue("200MB") DataSize maxSize) {
    }

    /** @param jwt issuer or key set of an identity provider; roles come from the {@code roles} claim */
    public record Security(List<User> users, @DefaultValue Jwt jwt) {

        public Security {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    public record User(String name, String passwordHash, List<String> roles) {

        public User {
            roles = roles == null ? List.of("ADMIN") : List.copyOf(roles);
        }
    }

    public record Jwt(String issuerUri, String jwkSetUri) {

        public boolean configured() {
            return (issuerUri != null && !issuerUri.isBlank()) || (jwkSetUri != null && !jwkSetUri.isBlank());
        }
    }
}
