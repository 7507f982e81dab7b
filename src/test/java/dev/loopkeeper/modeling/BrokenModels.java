package dev.loopkeeper.modeling;

import java.util.List;
import java.util.UUID;

/**
 * One small model per deployment rule, each breaking that rule and nothing else, plus a valid one. The same
 * cases go through the rules, our deployment service and {@code /engine-rest}.
 */
public final class BrokenModels {

    /** A model that breaks one rule, and the words the refusal must contain. */
    public record Case(String rule, String resourceName, String content, String expected, String elementId) {

        @Override
        public String toString() {
            return rule;
        }
    }

    private BrokenModels() {}

    /** A process with one user task that passes every rule; its form is one of ours (deployed at start-up). */
    public static String valid(String processId) {
        return process(processId, """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Call" />
                <bpmn:userTask id="Task_Call" name="Call back" camunda:candidateGroups="${ownerGroup}"
                    camunda:dueDate="${sla.reviewDueAt(execution)}" camunda:formRef="contact-customer" camunda:formRefBinding="latest">
                  <bpmn:extensionElements>
                    <camunda:taskListener delegateExpression="${recordContactAttemptListener}" event="complete" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Call" targetRef="Gateway" />
                <bpmn:exclusiveGateway id="Gateway" default="Flow_Done" />
                <bpmn:sequenceFlow id="Flow_Again" sourceRef="Gateway" targetRef="Wait">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${attempts &lt; maxAttempts and not empty channel}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_Done" sourceRef="Gateway" targetRef="End" />
                <bpmn:intermediateCatchEvent id="Wait">
                  <bpmn:timerEventDefinition id="Timer_Wait">
                    <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT4H</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="Flow_3" sourceRef="Wait" targetRef="End" />
                <bpmn:endEvent id="End" />
                """);
    }

    public static List<Case> all() {
        return List.of(
                new Case(
                        "script task",
                        "script-task.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Script" />
                        <bpmn:scriptTask id="Task_Script" name="Clean up" scriptFormat="groovy">
                          <bpmn:script>new File('/tmp/x').delete()</bpmn:script>
                        </bpmn:scriptTask>
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Script" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "Script tasks are not allowed",
                        "Task_Script"),
                new Case(
                        "script execution listener",
                        "script-listener.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start">
                          <bpmn:extensionElements>
                            <camunda:executionListener event="start">
                              <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
                            </camunda:executionListener>
                          </bpmn:extensionElements>
                        </bpmn:startEvent>
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "Scripts (camunda:script",
                        "Start"),
                new Case(
                        "script task listener",
                        "script-task-listener.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Call" />
                        <bpmn:userTask id="Task_Call" camunda:candidateGroups="frontline" camunda:formRef="contact-customer" camunda:formRefBinding="latest">
                          <bpmn:extensionElements>
                            <camunda:taskListener event="create">
                              <camunda:script scriptFormat="groovy">task.assignee = 'me'</camunda:script>
                            </camunda:taskListener>
                          </bpmn:extensionElements>
                        </bpmn:userTask>
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Call" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "Scripts (camunda:script",
                        "Task_Call"),
                new Case(
                        "script condition",
                        "script-condition.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Gateway" />
                        <bpmn:exclusiveGateway id="Gateway" default="Flow_B" />
                        <bpmn:sequenceFlow id="Flow_A" sourceRef="Gateway" targetRef="End">
                          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
                        </bpmn:sequenceFlow>
                        <bpmn:sequenceFlow id="Flow_B" sourceRef="Gateway" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "Scripts (language=\"javascript\") are not allowed",
                        "Flow_A"),
                new Case(
                        "external script resource",
                        "script-resource.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Gateway" />
                        <bpmn:exclusiveGateway id="Gateway" default="Flow_B" />
                        <bpmn:sequenceFlow id="Flow_A" sourceRef="Gateway" targetRef="End">
                          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" camunda:resource="deployment://check.js" />
                        </bpmn:sequenceFlow>
                        <bpmn:sequenceFlow id="Flow_B" sourceRef="Gateway" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "External scripts (camunda:resource",
                        "Flow_A"),
                new Case(
                        "Java class delegate",
                        "class-delegate.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Class" />
                        <bpmn:serviceTask id="Task_Class" camunda:class="org.example.Anything" />
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Class" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "Java classes (camunda:class",
                        "Task_Class"),
                new Case(
                        "Java class listener",
                        "class-listener.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start">
                          <bpmn:extensionElements>
                            <camunda:executionListener class="org.example.Anything" event="start" />
                          </bpmn:extensionElements>
                        </bpmn:startEvent>
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "Java classes (camunda:class",
                        "Start"),
                new Case(
                        "bean outside the allow-list",
                        "other-bean.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Bean" />
                        <bpmn:serviceTask id="Task_Bean" camunda:expression="${runtimeService.deleteProcessInstance(execution.id, 'x')}" />
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Bean" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "runtimeService",
                        "Task_Bean"),
                new Case(
                        "method call on a variable",
                        "variable-method.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Gateway" />
                        <bpmn:exclusiveGateway id="Gateway" default="Flow_B" />
                        <bpmn:sequenceFlow id="Flow_A" sourceRef="Gateway" targetRef="End">
                          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${segment.getClass().forName('java.lang.Runtime') != null}</bpmn:conditionExpression>
                        </bpmn:sequenceFlow>
                        <bpmn:sequenceFlow id="Flow_B" sourceRef="Gateway" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "methods and properties may only be used on allow-listed beans",
                        "Flow_A"),
                new Case(
                        "delegate bean called by method",
                        "delegate-method.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Bean" />
                        <bpmn:serviceTask id="Task_Bean" camunda:expression="${alertOwnersDelegate.execute(execution)}" />
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Bean" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "may only be named",
                        "Task_Bean"),
                new Case(
                        "user task nobody sees",
                        "no-candidate.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Orphan" />
                        <bpmn:userTask id="Task_Orphan" name="Orphan" camunda:formRef="contact-customer" camunda:formRefBinding="latest" />
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Orphan" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "neither a candidate group nor an assignee",
                        "Task_Orphan"),
                new Case(
                        "user task without a form",
                        "no-form.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Formless" />
                        <bpmn:userTask id="Task_Formless" name="Formless" camunda:candidateGroups="frontline" camunda:formKey="embedded:app:forms/x.html" />
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Formless" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "has no form",
                        "Task_Formless"),
                new Case(
                        "form that does not exist",
                        "missing-form.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Ghost" />
                        <bpmn:userTask id="Task_Ghost" camunda:candidateGroups="frontline" camunda:formRef="no-such-form" camunda:formRefBinding="latest" />
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Ghost" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "The form no-such-form",
                        "Task_Ghost"),
                new Case(
                        "form bound to a deployment it is not in",
                        "form-binding.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Bound" />
                        <bpmn:userTask id="Task_Bound" camunda:candidateGroups="frontline" camunda:formRef="contact-customer" camunda:formRefBinding="deployment" />
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Bound" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "is bound to this deployment",
                        "Task_Bound"),
                new Case(
                        "decision that does not exist",
                        "missing-decision.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Decide" />
                        <bpmn:businessRuleTask id="Task_Decide" camunda:decisionRef="no-such-policy" camunda:mapDecisionResult="singleResult" camunda:resultVariable="policy" />
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Decide" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "The decision no-such-policy",
                        "Task_Decide"),
                new Case(
                        "timer that does not parse",
                        "bad-timer.bpmn",
                        process(key(), """
                        <bpmn:startEvent id="Start" />
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Wait" />
                        <bpmn:intermediateCatchEvent id="Wait">
                          <bpmn:timerEventDefinition id="Timer_Bad">
                            <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">four hours</bpmn:timeDuration>
                          </bpmn:timerEventDefinition>
                        </bpmn:intermediateCatchEvent>
                        <bpmn:sequenceFlow id="Flow_2" sourceRef="Wait" targetRef="End" />
                        <bpmn:endEvent id="End" />
                        """),
                        "does not parse",
                        "Timer_Bad"),
                new Case("XXE", "xxe.bpmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_Xxe" targetNamespace="https://loopkeeper.dev/test">
                          <bpmn:process id="%s" name="&secret;" isExecutable="true" />
                        </bpmn:definitions>
                        """.formatted(key()), "DOCTYPE or ENTITY", null),
                new Case(
                        "script in a decision table",
                        "script-decision.dmn",
                        """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Js" name="Js" namespace="https://loopkeeper.dev/dmn">
                          <decision id="%s" name="Js">
                            <decisionTable id="Table_Js">
                              <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="javascript"><text>java.lang.System.getenv()</text></inputExpression></input>
                              <output id="Output_1" name="out" typeRef="string" />
                              <rule id="Rule_1"><inputEntry id="In_1"><text></text></inputEntry><outputEntry id="Out_1"><text>"x"</text></outputEntry></rule>
                            </decisionTable>
                          </decision>
                        </definitions>
                        """.formatted(key()),
                        "Decisions may only use FEEL",
                        "InputExpression_1"));
    }

    /** A fresh process key, so REST deployments of the valid cases never collide with each other. */
    static String key() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String process(String id, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                  id="Definitions_%1$s" targetNamespace="https://loopkeeper.dev/test">
                  <bpmn:process id="%1$s" name="Test %1$s" isExecutable="true" camunda:historyTimeToLive="1">
                %2$s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(id, body.indent(4));
    }
}
