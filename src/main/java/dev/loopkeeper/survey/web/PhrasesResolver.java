package dev.loopkeeper.survey.web;

import dev.loopkeeper.survey.SurveyPhrases;
import org.springframework.context.NoSuchMessageException;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/** {@code #{key}} on the survey pages: the survey's phrases in the page's locale. */
final class PhrasesResolver implements IMessageResolver {

    private final SurveyPhrases phrases;

    PhrasesResolver(SurveyPhrases phrases) {
        this.phrases = phrases;
    }

    @Override
    public String getName() {
        return "survey-phrases";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        try {
            return phrases.get(key, context.getLocale(), parameters);
        } catch (NoSuchMessageException missing) {
            return null;
        }
    }

    @Override
    public String createAbsentMessageRepresentation(
            ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        return "??" + key + "??";
    }
}
