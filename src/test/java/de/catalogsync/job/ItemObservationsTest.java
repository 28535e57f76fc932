package de.catalogsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;

class ItemObservationsTest {

    /** Another predicate, ordered like any bean without an order: it notes the names it is asked about. */
    @Configuration(proxyBeanMethods = false)
    static class AskedNames {

        final List<String> asked = new ArrayList<>();

        @Bean
        ObservationHandler<Observation.Context> anyHandler() { // without a handler every observation is a no-op
            return context -> true;
        }

        @Bean
        ObservationPredicate notingPredicate() {
            return (name, context) -> {
                asked.add(name);
                return true;
            };
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
            .withUserConfiguration(AskedNames.class, ItemObservations.class); // ours last: only its order puts it first

    @Test
    void perItemObservationsAreRefusedBeforeAnyOtherPredicateIsAskedWhileStepsAndChunksAreObserved() {
        context.run(ctx -> {
            ObservationRegistry registry = ctx.getBean(ObservationRegistry.class);

            assertThat(Observation.createNotStarted("spring.batch.item.read", registry).isNoop()).isTrue();
            assertThat(Observation.createNotStarted("spring.batch.item.process", registry).isNoop()).isTrue();
            assertThat(Observation.createNotStarted("spring.batch.step", registry).isNoop()).isFalse();
            assertThat(Observation.createNotStarted("spring.batch.chunk.write", registry).isNoop()).isFalse();
            assertThat(ctx.getBean(AskedNames.class).asked)
                    .containsExactly("spring.batch.step", "spring.batch.chunk.write");
        });
    }
}
