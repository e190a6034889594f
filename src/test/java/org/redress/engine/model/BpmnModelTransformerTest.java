package org.redress.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.expression.FeelExpressionLanguage;

class BpmnModelTransformerTest {

  private final BpmnModelTransformer transformer =
      new BpmnModelTransformer(new FeelExpressionLanguage(Instant::now));

  private List<ExecutableProcess> transform(BpmnModelInstance model) {
    return transformer.transform("test.bpmn", EngineHarness.xml(model));
  }

  @Test
  void shouldBuildExecutableElementsWhenModelIsSupported() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("Process_Ok")
            .name("Ok process")
            .startEvent("Start")
            .serviceTask("Task_A", t -> t.zeebeJobType("a").zeebeJobRetries("5"))
            .exclusiveGateway("Gateway_X")
            .conditionExpression("x > 1")
            .endEvent("End_A")
            .moveToNode("Gateway_X")
            .conditionExpression("x <= 1")
            .endEvent("End_B")
            .done();

    // when
    ExecutableProcess process = transform(model).get(0);

    // then
    assertThat(process.bpmnProcessId()).isEqualTo("Process_Ok");
    assertThat(process.info().name()).isEqualTo("Ok process");
    assertThat(process.noneStartEventId()).isEqualTo("Start");
    assertThat(process.element("Task_A")).isInstanceOf(ExecutableJobWorkerTask.class);
    assertThat(process.element("Gateway_X").info().outgoing()).hasSize(2);
    assertThat(process.element("End_A").info().name()).isEqualTo("End_A");
  }

  @Test
  void shouldNameElementAndReasonWhenElementIsUnsupported() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("Process_Bad")
            .startEvent()
            .inclusiveGateway("Gateway_Inclusive")
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(() -> transform(model))
        .isInstanceOfSatisfying(
            ModelValidationException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("Gateway_Inclusive")
                                .contains("'inclusiveGateway' is not supported")));
  }

  @Test
  void shouldRejectBrokenFeelWhenConditionDoesNotParse() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("Process_Feel")
            .startEvent()
            .exclusiveGateway("Gateway_Broken")
            .sequenceFlowId("Flow_Broken")
            .conditionExpression("amount >")
            .endEvent()
            .moveToNode("Gateway_Broken")
            .conditionExpression("true")
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(() -> transform(model))
        .isInstanceOfSatisfying(
            ModelValidationException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("Flow_Broken")
                    .contains("'=amount >' is not a valid FEEL expression"));
  }

  @Test
  void shouldRejectServiceTaskWithoutJobTypeWithZeebesMessage() {
    // given
    String xml =
        new String(
            EngineHarness.xml(
                Bpmn.createExecutableProcess("Process_NoType")
                    .startEvent()
                    .serviceTask("Task_NoType")
                    .endEvent()
                    .done()),
            StandardCharsets.UTF_8);

    // when / then
    assertThatThrownBy(
            () -> transformer.transform("no-type.bpmn", xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ModelValidationException.class,
            e -> {
              assertThat(e.resourceName()).isEqualTo("no-type.bpmn");
              assertThat(e.getMessage())
                  .contains("Task_NoType")
                  .contains("Must have exactly one 'zeebe:taskDefinition' extension element");
            });
  }

  @Test
  void shouldRejectUnreadableXmlWhenResourceIsNotBpmn() {
    assertThatThrownBy(
            () -> transformer.transform("junk.bpmn", "<not-bpmn".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ModelValidationException.class)
        .hasMessageContaining("junk.bpmn")
        .hasMessageContaining("not a readable BPMN 2.0 XML document");
  }
}
