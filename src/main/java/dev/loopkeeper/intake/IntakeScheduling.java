package dev.loopkeeper.intake;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Intake's background work on every node: CSV imports waiting for a node, and forgetting old webhook deliveries. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IntakeScheduling {}
