package de.catalogsync.operate.http;

import java.util.Collection;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import de.catalogsync.operate.ServeProperties;

/**
 * Who may use the admin API: users with role ADMIN, from configuration with bcrypt-hashed passwords, over HTTP
 * Basic; or, for states that run an identity provider, bearer JWTs whose {@code roles} claim holds ADMIN.
 * Only health and info are open. There is no default password: without a user or a JWT issuer, serve refuses
 * to start.
 */
@Configuration
@ConditionalOnProperty(name = "catalog.serve.enabled", havingValue = "true")
public class SecurityConfiguration {

    static final String HOW_TO = "set catalog.security.users[0].name and catalog.security.users[0].password-hash "
            + "(a bcrypt hash: java -jar catalog-sync.jar hash-password), or catalog.security.jwt.issuer-uri";

    @Bean
    SecurityFilterChain adminApi(HttpSecurity http, ServeProperties properties) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable()) // no browser sessions or cookies: every call carries its credentials
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (properties.security().jwt().configured()) {
            http.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::withRoles)));
        }
        return http.build();
    }

    @Bean
    UserDetailsService adminUsers(ServeProperties properties) {
        List<ServeProperties.User> users = properties.security().users();
        if (users.isEmpty() && !properties.security().jwt().configured()) {
            throw new IllegalStateException("serve needs at least one admin user: " + HOW_TO);
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (ServeProperties.User user : users) {
            if (user.name() == null || user.name().isBlank()) {
                throw new IllegalStateException("a user in catalog.security.users has no name: " + HOW_TO);
            }
            String hash = user.passwordHash();
            if (hash == null || !hash.matches("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$")) {
                throw new IllegalStateException("catalog.security.users[" + user.name() + "].password-hash is not a bcrypt hash: "
                        + HOW_TO);
            }
            UserDetails details = User.withUsername(user.name()).password(hash)
                    .roles(user.roles().toArray(String[]::new)).build();
            manager.createUser(details);
        }
        return manager;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @ConditionalOnProperty(name = {"catalog.security.jwt.issuer-uri"})
    JwtDecoder issuerJwtDecoder(ServeProperties properties) {
        return NimbusJwtDecoder.withIssuerLocation(properties.security().jwt().issuerUri()).build();
    }

    @Bean
    @ConditionalOnProperty(name = {"catalog.security.jwt.jwk-set-uri"})
    JwtDecoder keySetJwtDecoder(ServeProperties properties) {
        return NimbusJwtDecoder.withJwkSetUri(properties.security().jwt().jwkSetUri()).build();
    }

    /** Roles from the token's {@code roles} claim become ROLE_ authorities, as for configured users. */
    static AbstractAuthenticationToken withRoles(Jwt jwt) {
        Collection<String> roles = jwt.getClaimAsStringList("roles");
        List<GrantedAuthority> authorities = roles == null ? List.of()
                : roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
