package dev.loopkeeper.insight;

import dev.loopkeeper.insight.domain.Languages;
import dev.loopkeeper.insight.domain.SpikeRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The languages comments are read in and the spike rule, from {@code loopkeeper.insight.*}. */
@Configuration(proxyBeanMethods = false)
class InsightConfiguration {

    @Bean
    Languages languages(InsightSettings settings) {
        return new Languages(settings.languages(), settings.defaultLanguage());
    }

    @Bean
    SpikeRule spikeRule(InsightSettings settings) {
        InsightSettings.Spikes spikes = settings.spikes();
        return new SpikeRule(spikes.weeks(), spikes.k(), spikes.minimum());
    }
}
