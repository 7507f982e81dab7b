package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.RetentionSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The engine forgets a closed case's process {@code loopkeeper.retention.closed-case-history} after it ended: every
 * closed-loop version gets that history time-to-live — one deployed later as it is parsed, the ones already deployed
 * at start-up — whatever its model says; removal times are set when a process ends ({@code end} strategy) and the
 * cleanup deletes by them, every night in the configured window.
 */
@Component
class ClosedCaseRetention extends AbstractProcessEnginePlugin {

    private final RetentionSettings settings;

    ClosedCaseRetention(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
        configuration.setHistoryCleanupStrategy(
                ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        configuration.setHistoryCleanupBatchWindowStartTime(settings.cleanupFrom());
        configuration.setHistoryCleanupBatchWindowEndTime(settings.cleanupUntil());
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element process, ProcessDefinitionEntity definition) {
                if (ClosedLoop.PROCESS_ID.equals(definition.getKey())) {
                    definition.setHistoryTimeToLive(settings.closedCaseHistoryDays());
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        RepositoryService repository = engine.getRepositoryService();
        for (ProcessDefinition version : repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(ClosedLoop.PROCESS_ID)
                .list()) {
            if (!Objects.equals(version.getHistoryTimeToLive(), settings.closedCaseHistoryDays())) {
                repository.updateProcessDefinitionHistoryTimeToLive(version.getId(), settings.closedCaseHistoryDays());
            }
        }
    }
}
