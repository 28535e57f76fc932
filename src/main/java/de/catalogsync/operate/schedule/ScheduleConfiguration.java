package de.catalogsync.operate.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The nightly schedule runs only in {@code serve}. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "catalog.serve.enabled", havingValue = "true")
public class ScheduleConfiguration {
}
